namespace CxBot.App.Insights;

/// <summary>The <c>Insights</c> section: how summaries show per-agent figures.</summary>
public sealed class InsightsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Insights";

    /// <summary>An agent's figures are hidden (the row says "fewer than N answers") below this many answers in the period.</summary>
    public int MinAnswersPerAgent { get; set; } = 5;
}

/// <summary>The <c>Privacy</c> section: deployment-wide switches a works council may require.</summary>
public sealed class PrivacyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Privacy";

    /// <summary>False: no figures per agent anywhere in summaries (no agent table, no agent scope, no agent names in drill-downs).</summary>
    public bool AgentReporting { get; set; } = true;
}
