namespace CxBot.App.Insights;

/// <summary>The <c>Reporting</c> configuration section.</summary>
public sealed class ReportingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Reporting";

    /// <summary>
    /// The contact center's zone, whose local days are the reporting days (IANA or Windows id). Unset: <c>Signals:TimeZone</c>
    /// when that is set, else UTC. The deployment has one zone: both set to different zones is refused at startup.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>Seconds between roll-up passes over the days marked changed: the most the stored totals lag behind.</summary>
    public int RollupSeconds { get; set; } = 15;

    /// <summary>The recent days (today included) that are recounted periodically whether marked or not.</summary>
    public int OpenDays { get; set; } = 10;

    /// <summary>Minutes between the recounts of the open days (they repair a day mark lost in a crash).</summary>
    public int RecountOpenDaysMinutes { get; set; } = 60;

    /// <summary>The zone (after validation).</summary>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone ?? "UTC");
}
