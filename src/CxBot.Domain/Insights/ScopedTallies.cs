namespace CxBot.Domain.Insights;

/// <summary>The counts of one reporting day, per scope, as the roll-up builds them from the day's records.</summary>
public sealed class ScopedTallies
{
    private readonly Dictionary<ReportScope, Tally> _byScope = [];

    /// <summary>The counts per scope (scopes with nothing counted are absent).</summary>
    public IReadOnlyDictionary<ReportScope, Tally> ByScope => _byScope;

    /// <summary>The counts of one scope (empty when nothing was counted there).</summary>
    public Tally For(ReportScope scope) => _byScope.TryGetValue(scope, out var tally) ? tally : new Tally();

    /// <summary>Adds <paramref name="delta"/> to <paramref name="name"/> in every one of <paramref name="scopes"/>.</summary>
    public void Add(IReadOnlyList<ReportScope> scopes, string name, long delta = 1)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var scope in scopes)
        {
            if (!_byScope.TryGetValue(scope, out var tally))
            {
                _byScope[scope] = tally = new Tally();
            }

            tally.Add(name, delta);
        }
    }
}
