using System.Globalization;
using CxBot.Domain.Surveys;

namespace CxBot.Domain.Insights;

/// <summary>
/// Pointers to the newest low-score answers with a comment, kept in a day's counts so a summary finds its latest comments
/// without reading responses: per scope and day, the <see cref="PerDay"/> newest answers with CSAT 1-2 and a comment, each
/// a count of 1 named <c>low-comment.{answered UTC ticks, 19 digits}.{survey id}</c>. They flow with the counts through the
/// roll-up, the live recount, the rebuild and the check; the comment itself stays only in the response.
/// </summary>
public static class LowScoreComments
{
    /// <summary>Pointers kept per scope and day: as many as a summary card shows.</summary>
    public const int PerDay = 5;

    /// <summary>The prefix of every pointer name.</summary>
    public const string Prefix = "low-comment.";

    /// <summary>True for an answer the card lists as a low-score comment.</summary>
    public static bool Applies(SurveyAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.Csat is <= 2 && !string.IsNullOrWhiteSpace(answers.Comment);
    }

    /// <summary>The pointer name of a response.</summary>
    public static string Name(DateTimeOffset answeredAt, string surveyId) =>
        Prefix + answeredAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "." + surveyId;

    /// <summary>Drops all but the <see cref="PerDay"/> newest pointers of every scope (the counts of one day).</summary>
    public static void KeepNewest(ScopedTallies day)
    {
        ArgumentNullException.ThrowIfNull(day);
        foreach (var tally in day.ByScope.Values)
        {
            // Fixed-width ticks first, so name order is answer order (ties by survey id).
            foreach (var name in tally.Counts.Keys.Where(IsPointer).OrderDescending(StringComparer.Ordinal).Skip(PerDay).ToList())
            {
                tally.Add(name, -tally[name]);
            }
        }
    }

    /// <summary>The <paramref name="count"/> newest pointers of <paramref name="days"/>, newest first.</summary>
    public static IReadOnlyList<LowScoreComment> Newest(IEnumerable<DayTally> days, int count)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.SelectMany(d => d.Counts.Counts.Keys.Where(IsPointer).Select(name => (d.Day, Name: name)))
            .DistinctBy(p => p.Name, StringComparer.Ordinal)
            .OrderByDescending(p => p.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(p => Parse(p.Day, p.Name))];
    }

    private static bool IsPointer(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    private static LowScoreComment Parse(DateOnly day, string name)
    {
        var ticks = long.Parse(name.AsSpan(Prefix.Length, 19), NumberStyles.None, CultureInfo.InvariantCulture);
        return new LowScoreComment(day, new DateTimeOffset(ticks, TimeSpan.Zero), name[(Prefix.Length + 20)..]);
    }
}

/// <summary>Where a low-score comment is stored: its response's reporting day and survey id.</summary>
/// <param name="Day">The response's reporting day.</param>
/// <param name="AnsweredAt">When it was answered (UTC).</param>
/// <param name="SurveyId">The survey id.</param>
public sealed record LowScoreComment(DateOnly Day, DateTimeOffset AnsweredAt, string SurveyId);
