namespace CxBot.Domain.FollowUps;

/// <summary>
/// Unresolved follow-ups of one tenant and scope by the UTC hour they are due, as of a counting pass at
/// <see cref="From"/>'s hour: <see cref="Earlier"/> holds those due before that hour, <see cref="ByHour"/> the rest by
/// the start of their due hour. Bounded by the follow-up deadline (<c>FollowUps:DueHours</c>), not by how many are open.
/// A follow-up counts as overdue from the end of its due hour: one due at 14:10 is open, not overdue, until 15:00.
/// </summary>
public sealed record OpenFollowUpTally
{
    /// <summary>The start of the hour of the pass that counted it (UTC).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Due before <see cref="From"/>: overdue at every later reading.</summary>
    public int Earlier { get; init; }

    /// <summary>Due in the hour starting at the key (UTC, from <see cref="From"/> on).</summary>
    public IReadOnlyDictionary<DateTimeOffset, int> ByHour { get; init; } = new Dictionary<DateTimeOffset, int>();

    /// <summary>All of them.</summary>
    public int Open => Earlier + ByHour.Values.Sum();

    /// <summary>Those whose due hour has ended by <paramref name="now"/>.</summary>
    public int OverdueAt(DateTimeOffset now) => Earlier + ByHour.Where(h => h.Key.AddHours(1) <= now).Sum(h => h.Value);

    /// <summary>The start of the UTC hour of <paramref name="time"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The sum of tallies of one pass (several agent ids of one person); an empty tally from <paramref name="from"/> when none.</summary>
    public static OpenFollowUpTally Sum(IEnumerable<OpenFollowUpTally> tallies, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var earlier = 0;
        var hours = new Dictionary<DateTimeOffset, int>();
        foreach (var tally in tallies)
        {
            earlier += tally.Earlier;
            foreach (var (hour, count) in tally.ByHour)
            {
                // A tally from an earlier hour than the others folds its passed hours into Earlier, as the pass would have.
                if (hour < from)
                {
                    earlier += count;
                }
                else
                {
                    hours[hour] = hours.GetValueOrDefault(hour) + count;
                }
            }
        }

        return new OpenFollowUpTally { From = from, Earlier = earlier, ByHour = hours };
    }
}
