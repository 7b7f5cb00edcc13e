using System.Globalization;
using CxBot.App.Localization;
using CxBot.Cards;
using CxBot.Domain.Insights;

namespace CxBot.App.Insights.MyFeedback;

/// <summary>What the <c>my feedback</c> card shows.</summary>
/// <param name="Period">The period.</param>
/// <param name="Days">The reader's counts per day (summed over their agent ids).</param>
/// <param name="Comments">The first page of their customers' comments.</param>
/// <param name="Title">The heading; null for the command's own.</param>
public sealed record MyFeedbackModel(ReportPeriod Period, IReadOnlyList<DayTally> Days, ResponsePage Comments, string? Title = null);

/// <summary>
/// An agent's own feedback: their scores with the number of answers behind each, the CSAT trend as a compact table
/// (a day per row for two weeks or less, else a week per row), and their customers' latest comments, paged.
/// </summary>
public static class MyFeedbackCard
{
    internal static readonly LocalizedStrings Strings = new(typeof(MyFeedbackCard), "CxBot.App.Insights.MyFeedback.MyFeedbackStrings");

    private const int ExcerptLength = 300;

    /// <summary>The whole card.</summary>
    public static AdaptiveCard Build(MyFeedbackModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        var period = MyFeedbackAction.Describe(model.Period, culture);
        var title = model.Title ?? Strings.Format("Title", culture, period);
        var scores = FeedbackScores.From(Tally.Sum(model.Days.Select(d => d.Counts)));
        var body = new List<CardElement> { new TextBlock { Text = title, Size = "medium", Weight = "bolder", Style = "heading" } };
        if (scores.Answers == 0)
        {
            body.Add(new TextBlock { Text = Strings.Get("NoAnswers", culture), IsSubtle = true });
        }
        else
        {
            body.Add(new FactSet { Id = "scores", Facts = Facts(scores, culture) });
            body.Add(new TextBlock { Text = Strings.Get("Trend", culture), Weight = "bolder", Separator = true, Spacing = "medium" });
            body.Add(Trend(model.Period, model.Days, culture));
        }

        body.AddRange(CommentsSection(model.Comments, culture));
        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = title,
            Body = body,
            Actions = MoreAction(model.Period, model.Comments, culture),
            Teams = new TeamsCardProperties("Full"),
        };
    }

    /// <summary>A further page of comments (what the "more comments" button shows).</summary>
    public static AdaptiveCard BuildComments(ReportPeriod period, ResponsePage page, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(period);
        var title = Strings.Format("Title", culture, MyFeedbackAction.Describe(period, culture));
        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = title,
            Body = [new TextBlock { Text = title, Size = "medium", Weight = "bolder", Style = "heading" }, .. CommentsSection(page, culture)],
            Actions = MoreAction(period, page, culture),
            Teams = new TeamsCardProperties("Full"),
        };
    }

    private static List<Fact> Facts(FeedbackScores s, CultureInfo culture)
    {
        var facts = new List<Fact> { new(Strings.Get("Answers", culture), s.Answers.ToString("N0", culture)) };
        if (s.CsatMean is { } mean)
        {
            facts.Add(new(Strings.Get("Csat", culture), Strings.Format("CsatValue", culture, mean.ToString("0.00", culture),
                s.CsatPercent!.Value.ToString("0", culture), s.CsatCount)));
        }

        if (s.Nps is { } nps)
        {
            facts.Add(new(Strings.Get("Nps", culture), Strings.Format("WithCount", culture, nps.ToString("+0;-0;0", culture), s.NpsCount)));
        }

        if (s.CesMean is { } ces)
        {
            facts.Add(new(Strings.Get("Ces", culture), Strings.Format("CesValue", culture, ces.ToString("0.00", culture),
                s.CesEasyPercent!.Value.ToString("0", culture), s.CesCount)));
        }

        if (s.FcrPercent is { } fcr)
        {
            facts.Add(new(Strings.Get("Fcr", culture), Strings.Format("WithCount", culture, fcr.ToString("0", culture) + "%", s.ResolutionCount)));
        }

        return facts;
    }

    private static Table Trend(ReportPeriod period, IReadOnlyList<DayTally> days, CultureInfo culture)
    {
        var rows = new List<TableRow> { Row(Strings.Get("Trend.When", culture), Strings.Get("Trend.Answers", culture), Strings.Get("Trend.Csat", culture)) };
        foreach (var (from, to) in Buckets(period))
        {
            var scores = FeedbackScores.From(Tally.Sum(days.Where(d => d.Day >= from && d.Day <= to).Select(d => d.Counts)));
            rows.Add(Row(MyFeedbackAction.Describe(new ReportPeriod(from, to), culture), scores.CsatCount.ToString("N0", culture),
                scores.CsatMean?.ToString("0.00", culture) ?? "–"));
        }

        return new Table { Id = "trend", Columns = [new TableColumn(3), new TableColumn(1), new TableColumn(1)], Rows = rows, FirstRowAsHeader = true };
    }

    /// <summary>The trend's rows: each day for two weeks or less, else weeks from Monday (the first and last cut to the period).</summary>
    internal static IEnumerable<(DateOnly From, DateOnly To)> Buckets(ReportPeriod period)
    {
        if (period.Days <= 14)
        {
            for (var day = period.From; day <= period.To; day = day.AddDays(1))
            {
                yield return (day, day);
            }

            yield break;
        }

        var start = period.From;
        while (start <= period.To)
        {
            var sunday = start.AddDays(6 - (((int)start.DayOfWeek + 6) % 7));
            var end = sunday < period.To ? sunday : period.To;
            yield return (start, end);
            start = end.AddDays(1);
        }
    }

    private static TableRow Row(params string[] texts) =>
        new() { Cells = [.. texts.Select(t => new TableCell { Items = [new TextBlock { Text = t }] })] };

    private static List<CardElement> CommentsSection(ResponsePage page, CultureInfo culture)
    {
        var section = new List<CardElement> { new TextBlock { Text = Strings.Get("Comments", culture), Weight = "bolder", Separator = true, Spacing = "medium" } };
        if (page.Items.Count == 0)
        {
            section.Add(new TextBlock { Text = Strings.Get("NoComments", culture), IsSubtle = true });
        }

        foreach (var response in page.Items)
        {
            var line = response.Answers.Csat is { } csat
                ? Strings.Format("CommentLine", culture, response.ContactEndedAt.ToString("d", culture), csat)
                : response.ContactEndedAt.ToString("d", culture);
            section.Add(new Container
            {
                Id = "comment-" + response.SurveyId,
                Spacing = "small",
                Items =
                [
                    new TextBlock { Text = line, IsSubtle = true, Size = "small" },
                    RichTextBlock.Inert(Excerpt(response.Answers.Comment ?? ""), italic: true) with { Spacing = "none" },
                ],
            });
        }

        return section;
    }

    private static List<CardAction>? MoreAction(ReportPeriod period, ResponsePage page, CultureInfo culture) =>
        page.Continuation is { } token
            ? [ExecuteAction.WithSubmitFallback(Strings.Get("MoreComments", culture), MyFeedbackAction.CommentsVerb, new MyFeedbackAction(period, token).ToData())]
            : null;

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";
}
