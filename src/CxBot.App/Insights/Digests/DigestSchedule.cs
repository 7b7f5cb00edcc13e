using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Digests;

/// <summary>A digest whose time has come.</summary>
/// <param name="Kind">Daily or weekly.</param>
/// <param name="Period">The days it covers.</param>
/// <param name="DueAt">When it was due.</param>
public sealed record DueDigest(DigestKind Kind, ReportPeriod Period, DateTimeOffset DueAt);

/// <summary>
/// When digests are due: a daily one (covering yesterday) every day and a weekly one (covering Monday to Sunday) every
/// Monday, at <see cref="DigestOptions.LocalTime"/> in the reporting time zone, so the hour holds across daylight saving
/// time. Every digest due at most <see cref="DigestOptions.CatchUpDays"/> ago is listed: one missed while no instance
/// ran is sent late, and the once-only record keeps it from going twice.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The digests due by <paramref name="now"/> and not due before <paramref name="notBefore"/> (an audience that did not exist yet), oldest first.</summary>
    public static IReadOnlyList<DueDigest> Due(DateTimeOffset now, ReportingCalendar calendar, DigestOptions options, DateTimeOffset? notBefore = null,
        bool daily = true, bool weekly = true)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        var oldest = now.AddDays(-options.CatchUpDays);
        var today = calendar.DayOf(now);
        var due = new List<DueDigest>();
        // One day more than the window: a due time early in the oldest local day may still be inside it.
        for (var sendDay = today.AddDays(-options.CatchUpDays - 1); sendDay <= today; sendDay = sendDay.AddDays(1))
        {
            var at = LocalInstant(calendar.Zone, sendDay, options.Time);
            if (at > now || at < oldest || (notBefore is { } start && at < start))
            {
                continue;
            }

            if (daily && options.Daily)
            {
                var yesterday = sendDay.AddDays(-1);
                due.Add(new DueDigest(DigestKind.Daily, new ReportPeriod(yesterday, yesterday), at));
            }

            if (weekly && options.Weekly && sendDay.DayOfWeek == DayOfWeek.Monday)
            {
                due.Add(new DueDigest(DigestKind.Weekly, new ReportPeriod(sendDay.AddDays(-7), sendDay.AddDays(-1)), at));
            }
        }

        return due;
    }

    /// <summary>
    /// The instant a local time of day falls on: a time skipped by the clock moving forward is the instant it would have
    /// been (02:30 on the spring-forward night is 03:30 new time); a time that happens twice (autumn) is its first occurrence.
    /// </summary>
    public static DateTimeOffset LocalInstant(TimeZoneInfo zone, DateOnly day, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToOffset(zone.GetUtcOffset(local.AddHours(3)));
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
