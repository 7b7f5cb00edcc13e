using CxBot.Domain.Insights;

namespace CxBot.App.Insights.MyFeedback;

/// <summary>The period words of <c>my feedback</c>: the summary's (<see cref="ReportPeriodParser"/>), with the last 30 days when none are given.</summary>
public static class FeedbackPeriods
{
    /// <summary>The default period: today and the 29 days before.</summary>
    public static ReportPeriod Default(DateOnly today) => ReportPeriodParser.LastDays(today, 30);

    /// <summary>The period the words name, or null when they name none.</summary>
    public static ReportPeriod? Parse(string? words, DateOnly today) =>
        string.IsNullOrWhiteSpace(words) ? Default(today) : ReportPeriodParser.Read(words, today).Period;
}
