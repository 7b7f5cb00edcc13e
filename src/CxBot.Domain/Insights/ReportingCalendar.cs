using System.Globalization;

namespace CxBot.Domain.Insights;

/// <summary>
/// Reporting days in the contact center's own time zone (<c>Reporting:TimeZone</c>): a record belongs to the local day
/// on which its contact ended (a signal: the day it was logged), so a Dutch center's day starts at local midnight.
/// </summary>
/// <param name="zone">The contact center's time zone.</param>
public sealed class ReportingCalendar(TimeZoneInfo zone)
{
    /// <summary>The time zone.</summary>
    public TimeZoneInfo Zone { get; } = zone ?? throw new ArgumentNullException(nameof(zone));

    /// <summary>The reporting day of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The instant the local day starts (the first instant of it, across a DST change too).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Midnight never falls in a gap in the zones contact centers use; if it does, the day starts an hour later.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The day's key: <c>yyyyMMdd</c>, fixed width so string order is time order.</summary>
    public static string Key(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Reads a key written by <see cref="Key"/>.</summary>
    public static bool TryParseKey(string? key, out DateOnly day) =>
        DateOnly.TryParseExact(key, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
