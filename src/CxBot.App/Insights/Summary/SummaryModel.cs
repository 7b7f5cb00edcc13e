using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;

namespace CxBot.App.Insights.Summary;

/// <summary>Everything the summary card shows, read once; the card is built from it (several times while fitting its size).</summary>
internal sealed record SummaryModel
{
    public required SummaryFilter Filter { get; init; }
    public required string? TenantId { get; init; }
    public required string ScopeLabel { get; init; }
    public required SummaryFigures Figures { get; init; }
    public required IReadOnlyList<TrendPoint> Trend { get; init; }
    public required bool WeeklyTrend { get; init; }
    public required IReadOnlyList<TopicCount> Topics { get; init; }
    public required IReadOnlyList<string> Recurring { get; init; }
    /// <summary>Null when the scope has no follow-ups of its own (a channel).</summary>
    public required FollowUpCounts? FollowUps { get; init; }
    public required IReadOnlyList<SurveyResponse> Comments { get; init; }
    /// <summary>Null when the table is not shown at all (a channel audience, switched off, a single-agent scope).</summary>
    public required IReadOnlyList<AgentRow>? Agents { get; init; }
    public required int MinAnswersPerAgent { get; init; }
    /// <summary>True when signal counts can be listed for the scope (all or a queue).</summary>
    public required bool SignalDrillDown { get; init; }
    /// <summary>The reporting day of an instant.</summary>
    public required Func<DateTimeOffset, DateOnly> DayOf { get; init; }
    /// <summary>Signal kind key -> label, in the viewer's language.</summary>
    public required Func<string, string> KindLabel { get; init; }
}

/// <summary>One point of the CSAT trend: a day, or a week (clipped to the period).</summary>
internal sealed record TrendPoint(DateOnly From, DateOnly To, Figure Csat);

/// <summary>A topic (merges resolved) and how often it was signalled in the period.</summary>
internal sealed record TopicCount(string Label, long Count);

/// <summary>Unresolved follow-ups of the scope and how many are past their deadline, as counted at <paramref name="AsOf"/>
/// (in the reporting time zone; null: not counted yet).</summary>
internal sealed record FollowUpCounts(int Open, int Overdue, DateTimeOffset? AsOf);

/// <summary>One agent's row: their name (from the staff directory), and their figures of the period.</summary>
internal sealed record AgentRow(string Name, SummaryFigures Figures);

/// <summary>How much of the long parts a card holds: rows of the agent table and low-score comments.</summary>
internal sealed record SummaryLayout(int AgentRows, int Comments);
