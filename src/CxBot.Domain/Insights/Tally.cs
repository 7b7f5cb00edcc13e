namespace CxBot.Domain.Insights;

/// <summary>
/// Named counts (a histogram): how many answers had CSAT 4, how many surveys failed for a reason, how many complaints
/// named a topic. Counts add across days and scopes, so every figure of a summary (a mean, a share, NPS, net gap)
/// is exact from them. Names are built by <see cref="TallyNames"/>; a name never seen counts 0.
/// </summary>
public sealed class Tally : IEquatable<Tally>
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>The non-zero counts.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>The count of <paramref name="name"/>, 0 when never counted.</summary>
    public long this[string name] => _counts.TryGetValue(name, out var count) ? count : 0;

    /// <summary>True when nothing is counted.</summary>
    public bool IsEmpty => _counts.Count == 0;

    /// <summary>Adds <paramref name="delta"/> to <paramref name="name"/>; a count that reaches 0 is dropped.</summary>
    public Tally Add(string name, long delta = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (delta == 0)
        {
            return this;
        }

        var next = this[name] + delta;
        if (next == 0)
        {
            _counts.Remove(name);
        }
        else
        {
            _counts[name] = next;
        }

        return this;
    }

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public Tally Add(Tally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (name, count) in other._counts)
        {
            Add(name, count);
        }

        return this;
    }

    /// <summary>The sum of several tallies.</summary>
    public static Tally Sum(IEnumerable<Tally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var sum = new Tally();
        foreach (var tally in tallies)
        {
            sum.Add(tally);
        }

        return sum;
    }

    /// <summary>A tally holding the given counts.</summary>
    public static Tally From(IEnumerable<KeyValuePair<string, long>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var tally = new Tally();
        foreach (var (name, count) in counts)
        {
            tally.Add(name, count);
        }

        return tally;
    }

    /// <summary>The sum of the counts whose name starts with <paramref name="prefix"/>.</summary>
    public long SumOf(string prefix) => _counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);

    /// <inheritdoc />
    public bool Equals(Tally? other) =>
        other is not null && _counts.Count == other._counts.Count && _counts.All(c => other[c.Key] == c.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Tally);

    /// <inheritdoc />
    public override int GetHashCode() => _counts.Count;

    /// <summary>The counts as <c>name=count</c> lines in name order (for test failures and the consistency check).</summary>
    public override string ToString() => string.Join(Environment.NewLine, _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
}

/// <summary>The counts of one reporting day in one scope.</summary>
/// <param name="Day">The reporting day.</param>
/// <param name="Counts">Its counts.</param>
public sealed record DayTally(DateOnly Day, Tally Counts);
