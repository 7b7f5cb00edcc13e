using CxBot.Domain.Insights;

namespace CxBot.App.Insights.MyFeedback;

/// <summary>
/// The period words of <c>my feedback</c>. Only the default (the last 30 days) and this week are understood here; the
/// summary's full period parser (today, yesterday, last week, last 7/30/90 days, months, date ranges) takes this
/// method's place, so both commands read periods the same way.
/// </summary>
public static class FeedbackPeriods
{
    /// <summary>The default period: today and the 29 days before.</summary>
    public static ReportPeriod Default(DateOnly today) => new(today.AddDays(-29), today);

    /// <summary>The period the words name, or null when they name none.</summary>
    public static ReportPeriod? Parse(string? words, DateOnly today)
    {
        var text = ReportScope.Normalize(words);
        return text switch
        {
            "" or "last 30 days" or "laatste 30 dagen" => Default(today),
            "this week" or "deze week" => new ReportPeriod(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), today),
            _ => null,
        };
    }
}
