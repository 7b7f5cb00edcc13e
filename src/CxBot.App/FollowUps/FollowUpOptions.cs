namespace CxBot.App.FollowUps;

/// <summary>The <c>FollowUps</c> configuration section.</summary>
public sealed class FollowUpOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "FollowUps";

    /// <summary>Hours within which a follow-up (a call-back, with consent) is due.</summary>
    public int DueHours { get; set; } = 24;

    /// <summary>Minutes between checks for overdue follow-ups.</summary>
    public double OverdueCheckMinutes { get; set; } = 5;

    /// <summary>The zone supervisors read follow-up times in: an IANA (<c>Europe/Amsterdam</c>) or Windows id this machine knows.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Whether <see cref="TimeZone"/> names a zone this machine knows.</summary>
    public bool HasKnownTimeZone() => !string.IsNullOrWhiteSpace(TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);

    /// <summary>The zone of <see cref="TimeZone"/> (validated at startup; the system caches the lookup).</summary>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
