namespace CxBot.Domain.Signals;

/// <summary>
/// When one topic is a recurring problem: logged at least <see cref="MinCount"/> times within the last
/// <see cref="WindowDays"/> days and at least <see cref="Factor"/> times its usual rate, the average per window over the
/// <see cref="PreviousWindows"/> windows before (taken as at least 1).
/// </summary>
/// <param name="MinCount">N: the fewest signals in the current window.</param>
/// <param name="WindowDays">M: the window's length in days.</param>
/// <param name="Factor">F: how many times the usual rate.</param>
public sealed record RecurringProblemRule(int MinCount, int WindowDays, double Factor)
{
    /// <summary>How many earlier windows make the usual rate.</summary>
    public const int PreviousWindows = 8;

    /// <summary>The window's length.</summary>
    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    /// <summary>From when the counts reach back, seen at <paramref name="now"/>: the current window and the eight before.</summary>
    public DateTimeOffset CountFrom(DateTimeOffset now) => now - Window * (PreviousWindows + 1);

    /// <summary>Whether the topic whose signals were reported at <paramref name="reportedAt"/> is a recurring problem at <paramref name="now"/>.</summary>
    public RecurringProblemFinding Evaluate(IEnumerable<DateTimeOffset> reportedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reportedAt);
        var windowStart = now - Window;
        var current = 0;
        var earlier = 0;
        var from = CountFrom(now);
        foreach (var at in reportedAt)
        {
            if (at > now || at < from)
            {
                continue;
            }

            if (at >= windowStart)
            {
                current++;
            }
            else
            {
                earlier++;
            }
        }

        var usual = Math.Max(1.0, earlier / (double)PreviousWindows);
        return new RecurringProblemFinding(current, usual, current >= MinCount && current >= Factor * usual);
    }
}

/// <summary>The counts a recurring-problem decision was made on.</summary>
/// <param name="Count">Signals in the current window.</param>
/// <param name="UsualRate">The average per window over the previous eight (at least 1).</param>
/// <param name="IsRecurring">True when the rule's condition holds.</param>
public sealed record RecurringProblemFinding(int Count, double UsualRate, bool IsRecurring);

/// <summary>
/// What was announced about one topic of a tenant: the condition is announced once when it becomes true and again only
/// after it has been false for a whole window. Stored with an ETag; every decision is one conditional write, so of two
/// evaluators only the one whose write wins announces.
/// </summary>
public sealed record RecurringAlertState
{
    /// <summary>The tenant.</summary>
    public required string? TenantId { get; init; }
    /// <summary>The topic key (the one merged keys count as).</summary>
    public required string TopicKey { get; init; }
    /// <summary>How many times it was announced; names the announcement (one message per round).</summary>
    public int Round { get; init; }
    /// <summary>When last announced.</summary>
    public DateTimeOffset AnnouncedAt { get; init; }
    /// <summary>Since when the condition has been seen false without interruption; null while true.</summary>
    public DateTimeOffset? FalseSince { get; init; }
    /// <summary>Concurrency token of the stored row; null before it was stored.</summary>
    public string? ETag { get; init; }

    /// <summary>
    /// The next state, given the condition seen at <paramref name="now"/>, and whether that state is a new announcement.
    /// Null when nothing changes. <paramref name="current"/> is null for a topic never announced.
    /// </summary>
    public static (RecurringAlertState State, bool Announce)? Decide(RecurringAlertState? current, string? tenantId, string topicKey,
        bool isRecurring, DateTimeOffset now, TimeSpan window)
    {
        if (current is null)
        {
            return isRecurring
                ? (new RecurringAlertState { TenantId = tenantId, TopicKey = topicKey, Round = 1, AnnouncedAt = now }, true)
                : null;
        }

        if (!isRecurring)
        {
            return current.FalseSince is null ? (current with { FalseSince = now }, false) : null;
        }

        if (current.FalseSince is not { } falseSince)
        {
            return null;
        }

        return now - falseSince >= window
            ? (current with { Round = current.Round + 1, AnnouncedAt = now, FalseSince = null }, true)
            : (current with { FalseSince = null }, false);
    }
}
