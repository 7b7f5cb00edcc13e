namespace CxBot.App.Signals;

/// <summary>The <c>Signals</c> configuration section.</summary>
public sealed class SignalOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Signals";

    /// <summary>
    /// The contact center's zone: a signal counts for the day it was logged there (IANA or Windows id). Unset: the
    /// deployment's reporting zone (<c>Reporting:TimeZone</c>, default UTC), which it must agree with when both are set.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>Whether <see cref="TimeZone"/> names a zone this machine knows.</summary>
    public bool HasKnownTimeZone() => !string.IsNullOrWhiteSpace(TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);

    /// <summary>The zone of <see cref="TimeZone"/> (validated at startup).</summary>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone ?? "UTC");

    /// <summary>The reporting day of a signal logged at <paramref name="at"/>.</summary>
    public DateOnly ReportingDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, FindTimeZone()).DateTime);
}
