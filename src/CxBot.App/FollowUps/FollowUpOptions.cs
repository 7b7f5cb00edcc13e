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
}
