using System.Globalization;

namespace CxBot.Domain.Insights;

/// <summary>
/// Reads the period words of a summary in English or Dutch, relative to today's reporting day: <c>today</c>
/// (<c>vandaag</c>), <c>yesterday</c> (<c>gisteren</c>), <c>this week</c> / <c>last week</c> (<c>deze week</c> /
/// <c>vorige week</c>; weeks start on Monday), <c>last N days</c> (<c>afgelopen N dagen</c>, <c>laatste N dagen</c>:
/// today and the N - 1 days before), <c>this month</c> / <c>last month</c> (<c>deze maand</c> / <c>vorige maand</c>) and
/// a range <c>2026-11-01..2026-11-30</c>.
/// </summary>
public static class ReportPeriodParser
{
    /// <summary>The longest period a summary covers, in days.</summary>
    public const int MaxDays = 366;

    /// <summary>The period used when none is named: the last seven days.</summary>
    public static ReportPeriod Default(DateOnly today) => LastDays(today, 7);

    /// <summary>The most words a period phrase has (<c>last 30 days</c>, <c>afgelopen 30 dagen</c>).</summary>
    public const int MaxWords = 3;

    private static readonly string[] LastWords = ["last", "past", "afgelopen", "laatste"];
    private static readonly string[] DayWords = ["days", "day", "dagen", "dag"];

    /// <summary>Reads one phrase (already split into words); <see cref="PeriodReading.None"/> when it is not a period.</summary>
    public static PeriodReading Read(string phrase, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var text = string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        ReportPeriod? period = text switch
        {
            "today" or "vandaag" => new(today, today),
            "yesterday" or "gisteren" => new(today.AddDays(-1), today.AddDays(-1)),
            "this week" or "deze week" => new(monday, today),
            "last week" or "vorige week" => new(monday.AddDays(-7), monday.AddDays(-1)),
            "this month" or "deze maand" => new(firstOfMonth, today),
            "last month" or "vorige maand" => new(firstOfMonth.AddMonths(-1), firstOfMonth.AddDays(-1)),
            _ => null,
        };
        if (period is not null)
        {
            return PeriodReading.Of(period);
        }

        var words = text.Split(' ');
        if (words is [var last, var count, var days] && LastWords.Contains(last) && DayWords.Contains(days)
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n is >= 1 and <= MaxDays ? PeriodReading.Of(LastDays(today, n)) : PeriodReading.Problem(SummaryFilterProblem.PeriodTooLong);
        }

        return words is [var single] && single.Contains("..", StringComparison.Ordinal) ? ReadRange(single) : PeriodReading.None;
    }

    /// <summary>Today and the <paramref name="days"/> - 1 days before.</summary>
    public static ReportPeriod LastDays(DateOnly today, int days) => new(today.AddDays(1 - days), today);

    private static PeriodReading ReadRange(string text)
    {
        var parts = text.Split("..");
        if (parts is not [var from, var to] || !TryDate(from, out var start) || !TryDate(to, out var end))
        {
            return PeriodReading.Problem(SummaryFilterProblem.InvalidRange);
        }

        if (end < start)
        {
            return PeriodReading.Problem(SummaryFilterProblem.RangeEndsBeforeStart);
        }

        return end.DayNumber - start.DayNumber + 1 > MaxDays
            ? PeriodReading.Problem(SummaryFilterProblem.PeriodTooLong)
            : PeriodReading.Of(new ReportPeriod(start, end));
    }

    private static bool TryDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

/// <summary>What a phrase said about the period: a period, a problem with it, or nothing (not a period phrase).</summary>
/// <param name="Period">The period read.</param>
/// <param name="Error">What was wrong with a phrase that looked like a period.</param>
public sealed record PeriodReading(ReportPeriod? Period, SummaryFilterProblem? Error)
{
    /// <summary>Not a period phrase.</summary>
    public static PeriodReading None { get; } = new(null, null);

    /// <summary>A period.</summary>
    public static PeriodReading Of(ReportPeriod period) => new(period, null);

    /// <summary>A period phrase that could not be used.</summary>
    public static PeriodReading Problem(SummaryFilterProblem problem) => new(null, problem);

    /// <summary>True when the phrase was about the period (read or not).</summary>
    public bool Matched => Period is not null || Error is not null;
}
