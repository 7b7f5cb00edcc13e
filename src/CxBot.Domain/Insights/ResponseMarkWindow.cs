namespace CxBot.Domain.Insights;

/// <summary>
/// The reporting days whose "changed" mark is kept beside their responses (in the response's own transaction) instead of
/// in the separate day marks. An answer lands on its contact's day, which is at most the send delay plus the answer time
/// (and the time a send can take) before today; such an answer marks its day in its own batch. An answer to an older day
/// (a survey sent very late) marks the day the separate way. The marks are listed for <see cref="ListedDays"/>, a week
/// more than they are written for, so a mark is seen by every roll-up pass of that week; the roll-up clears a mark at its
/// first pass after it settled, so only a roll-up stopped for more than that week leaves a day unlisted (a rebuild
/// recounts it).
/// </summary>
/// <param name="WrittenDays">Days before today (in the reporting calendar) whose answers mark their day in their own batch.</param>
public sealed record ResponseMarkWindow(int WrittenDays)
{
    /// <summary>Days listed beyond <see cref="WrittenDays"/>.</summary>
    public const int ListingGraceDays = 7;

    /// <summary>The window for surveys answerable for <paramref name="expiryDays"/> days, sent <paramref name="delayMinutes"/> after the contact.</summary>
    public static ResponseMarkWindow For(int expiryDays, int delayMinutes) =>
        // One day for the send attempts and one for the reporting day boundary.
        new(Math.Max(0, expiryDays) + (int)Math.Ceiling(Math.Max(0, delayMinutes) / 1440.0) + 2);

    /// <summary>True when an answer on <paramref name="day"/>, written on <paramref name="today"/>, marks its day in its own batch.</summary>
    public bool MarksBesideResponse(DateOnly day, DateOnly today) => day <= today && day >= today.AddDays(-WrittenDays);

    /// <summary>The days whose marks beside their responses are listed on <paramref name="today"/>, oldest first (tomorrow too, for clock skew).</summary>
    public IEnumerable<DateOnly> ListedDays(DateOnly today)
    {
        for (var day = today.AddDays(-(WrittenDays + ListingGraceDays)); day <= today.AddDays(1); day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
