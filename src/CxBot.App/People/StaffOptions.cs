namespace CxBot.App.People;

/// <summary>The <c>Staff</c> configuration section: the directory's cache and the agents' team roster.</summary>
public sealed class StaffOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Staff";

    /// <summary>How often each instance re-reads the stored directory, so a change made on another instance applies.</summary>
    public int CacheSeconds { get; set; } = 30;

    /// <summary>The Teams team whose members are agents (the team id, <c>19:…@thread…</c>); none when empty.</summary>
    public string? AgentsTeamId { get; set; }

    /// <summary>How often the team's members are read again.</summary>
    public int RosterRefreshMinutes { get; set; } = 60;
}
