using System.Globalization;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// The summary card: survey funnel and scores with their change and n, the CSAT trend (a Teams line chart whose fallback
/// is a table), drivers, signals, top topics, recurring problems, follow-ups, the latest low-score comments (inert), the
/// per-agent table when the viewer may see it, and the filter part. Figures that have answers behind them carry a
/// drill-down.
/// </summary>
internal static class SummaryCard
{
    /// <summary>Period keywords offered by the filter, as the parser reads them.</summary>
    public static readonly string[] PeriodChoices =
        ["today", "yesterday", "this week", "last week", "last 7 days", "last 30 days", "last 90 days", "this month", "last month"];

    public const int AgentNameLength = 80;

    public static AdaptiveCard Build(SummaryModel model, SummaryLayout layout, CultureInfo culture)
    {
        var strings = SummaryFormat.Strings;
        var title = strings.Format("Title", culture, model.ScopeLabel);
        var body = new List<CardElement>
        {
            new RichTextBlock { Inlines = [TextRun.Inert(title) with { Weight = "bolder" }] },
            new TextBlock { Text = SummaryFormat.Period(model.Filter.Period, culture), IsSubtle = true, Spacing = "none" },
            new TextBlock { Text = strings.Get("Drill.Hint", culture), IsSubtle = true, Spacing = "small", Size = "small" },
        };
        body.AddRange(Funnel(model, culture));
        body.AddRange(Scores(model, culture));
        body.AddRange(Trend(model, culture));
        body.AddRange(Drivers(model, culture));
        body.AddRange(Signals(model, culture));
        body.AddRange(Topics(model, culture));
        body.AddRange(Recurring(model, culture));
        body.AddRange(FollowUps(model, culture));
        body.AddRange(Comments(model, layout, culture));
        body.AddRange(Agents(model, layout, culture));
        body.AddRange(FilterPart(model, culture));
        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = title,
            Body = body,
            Teams = new TeamsCardProperties("Full"),
        };
    }

    /// <summary>A short card with one sentence (a refusal, nothing to show).</summary>
    public static AdaptiveCard Message(string text, CultureInfo culture) => new()
    {
        Lang = culture.TwoLetterISOLanguageName,
        FallbackText = text,
        Body = [new TextBlock { Text = text }],
    };

    public static TextBlock Heading(string key, CultureInfo culture) => new()
    {
        Text = SummaryFormat.Strings.Get(key, culture),
        Weight = "bolder",
        Separator = true,
        Spacing = "medium",
        Style = "heading",
    };

    // Short values do not wrap, which keeps "wrap" out of most cells' JSON; labels (first column) do.
    public static TableCell Cell(string text, CardAction? select = null, bool bold = false, bool wrap = false) => new()
    {
        Items = [new TextBlock { Text = text, Weight = bold ? "bolder" : null, Color = select is null ? null : "accent", Wrap = wrap ? true : null }],
        SelectAction = select,
    };

    public static TableCell InertCell(string text) => new() { Items = [RichTextBlock.Inert(text)] };

    public static TableRow Row(params TableCell[] cells) => new() { Cells = cells };

    public static TableRow HeaderRow(CultureInfo culture, params string[] keys) =>
        new() { Cells = [.. keys.Select(k => Cell(SummaryFormat.Strings.Get(k, culture), bold: true, wrap: true))] };

    /// <summary>
    /// A figure's drill-down. Summaries are read in Teams (supervisors), so a figure's select action is Action.Execute
    /// only: a Web Chat fallback would double every figure's data and the card has to stay under the size limit.
    /// </summary>
    public static ExecuteAction Drill(SummaryModel model, DrillTarget target, string title, string? key = null) => new()
    {
        Title = title,
        Verb = DrillAction.Verb,
        Data = DrillAction.First(target, model.Filter, model.TenantId, key).ToData(),
    };

    /// <summary>Most characters of a comment on the summary card; the drill-down shows it whole.</summary>
    public const int CommentExcerptLength = 280;

    private static IEnumerable<CardElement> Funnel(SummaryModel model, CultureInfo culture)
    {
        var f = model.Figures;
        yield return Heading("Section.Funnel", culture);
        yield return FigureTable(culture,
        [
            FigureRow("Figure.Sent", f.Sent, FigureKind.Count, culture),
            FigureRow("Figure.Delivered", f.Delivered, FigureKind.Count, culture),
            FigureRow("Figure.Failed", f.Failed, FigureKind.Count, culture),
            FigureRow("Figure.Answered", f.Answered, FigureKind.Count, culture,
                f.Answered.Value > 0 ? Drill(model, DrillTarget.Responses, SummaryFormat.Strings.Get("Figure.Answered", culture)) : null),
            FigureRow("Figure.ResponseRate", f.ResponseRate, FigureKind.Percent, culture),
        ]);
    }

    private static IEnumerable<CardElement> Scores(SummaryModel model, CultureInfo culture)
    {
        var f = model.Figures;
        var rows = new List<TableRow>
        {
            FigureRow("Figure.CsatMean", f.CsatMean, FigureKind.Mean, culture),
            FigureRow("Figure.CsatPercent", f.CsatPercent, FigureKind.Percent, culture),
            FigureRow("Figure.LowScores", f.LowScores, FigureKind.Count, culture,
                f.LowScores.Value > 0 ? Drill(model, DrillTarget.LowScores, SummaryFormat.Strings.Get("Figure.LowScores", culture)) : null),
        };
        if (f.Nps.N > 0 || f.Nps.Previous is not null)
        {
            rows.Add(FigureRow("Figure.Nps", f.Nps, FigureKind.Score, culture));
        }

        if (f.CesMean.N > 0 || f.CesMean.Previous is not null)
        {
            rows.Add(FigureRow("Figure.CesMean", f.CesMean, FigureKind.Mean, culture));
            rows.Add(FigureRow("Figure.CesEasy", f.CesEasyPercent, FigureKind.Percent, culture));
        }

        rows.Add(FigureRow("Figure.Fcr", f.Fcr, FigureKind.Percent, culture));
        rows.Add(FigureRow("Figure.Worse", f.ExpectationWorse, FigureKind.Percent, culture));
        rows.Add(FigureRow("Figure.AsExpected", f.ExpectationAsExpected, FigureKind.Percent, culture));
        rows.Add(FigureRow("Figure.Better", f.ExpectationBetter, FigureKind.Percent, culture));
        rows.Add(FigureRow("Figure.Net", f.ExpectationNet, FigureKind.Score, culture));
        yield return Heading("Section.Scores", culture);
        yield return FigureTable(culture, rows);
    }

    private static Table FigureTable(CultureInfo culture, IReadOnlyList<TableRow> rows) => new()
    {
        Columns = [new TableColumn(4), new TableColumn(2), new TableColumn(2), new TableColumn(1)],
        FirstRowAsHeader = true,
        Rows = [HeaderRow(culture, "Column.Figure", "Column.Value", "Column.Change", "Column.N"), .. rows],
    };

    private static TableRow FigureRow(string key, Figure figure, FigureKind kind, CultureInfo culture, CardAction? drill = null) => Row(
        Cell(SummaryFormat.Strings.Get(key, culture), drill, wrap: true),
        Cell(SummaryFormat.Value(figure, kind, culture)),
        Cell(SummaryFormat.Change(figure, kind, culture)),
        Cell(SummaryFormat.N(figure.N, culture)));

    private static IEnumerable<CardElement> Trend(SummaryModel model, CultureInfo culture)
    {
        var strings = SummaryFormat.Strings;
        yield return Heading("Section.Trend", culture);
        var points = model.Trend.Where(p => p.Csat.Value is not null).ToList();
        if (points.Count == 0)
        {
            yield return new TextBlock { Text = strings.Get("Trend.None", culture), IsSubtle = true };
            yield break;
        }

        var table = new Table
        {
            Id = "csat-trend-table",
            Columns = [new TableColumn(3), new TableColumn(2), new TableColumn(1)],
            FirstRowAsHeader = true,
            Rows =
            [
                HeaderRow(culture, model.WeeklyTrend ? "Column.Week" : "Column.Day", "Figure.CsatMean", "Column.N"),
                .. points.Select(p => Row(Cell(SummaryFormat.Day(p.From, culture)), Cell(SummaryFormat.Value(p.Csat, FigureKind.Mean, culture)),
                    Cell(SummaryFormat.N(p.Csat.N, culture)))),
            ],
        };
        yield return new LineChart
        {
            Id = "csat-trend",
            Title = strings.Get(model.WeeklyTrend ? "Chart.Title.Week" : "Chart.Title.Day", culture),
            Data =
            [
                new LineChartSeries(strings.Get("Chart.Legend", culture),
                    [.. points.Select(p => new LineChartPoint(SummaryFormat.ShortDay(p.From, culture), Math.Round(p.Csat.Value!.Value, 2)))]),
            ],
            Fallback = table,
        };
    }

    private static IEnumerable<CardElement> Drivers(SummaryModel model, CultureInfo culture)
    {
        if (model.Figures.Drivers.Count == 0)
        {
            yield break;
        }

        yield return Heading("Section.Drivers", culture);
        yield return new Table
        {
            Columns = [new TableColumn(3), new TableColumn(1), new TableColumn(2), new TableColumn(2), new TableColumn(2)],
            FirstRowAsHeader = true,
            Rows =
            [
                HeaderRow(culture, "Column.Driver", "Column.Named", "Column.Satisfied", "Column.Dissatisfied", "Column.MeanCsat"),
                .. model.Figures.Drivers.Select(d => Row(
                    Cell(SurveyCard.DriverName(d.Driver, culture),
                        d.Named.Value > 0 ? Drill(model, DrillTarget.Driver, SurveyCard.DriverName(d.Driver, culture), d.Driver) : null, wrap: true),
                    Cell(SummaryFormat.N(d.Named.N, culture)),
                    Cell(SummaryFormat.N(d.SatisfiedCount.N, culture) + " (" + SummaryFormat.Value(d.Satisfied, FigureKind.Percent, culture) + ")"),
                    Cell(SummaryFormat.N(d.DissatisfiedCount.N, culture) + " (" + SummaryFormat.Value(d.Dissatisfied, FigureKind.Percent, culture) + ")"),
                    Cell(SummaryFormat.Value(d.MeanCsat, FigureKind.Mean, culture) + " (" + SummaryFormat.Change(d.MeanCsat, FigureKind.Mean, culture) + ")"))),
            ],
        };
    }

    private static IEnumerable<CardElement> Signals(SummaryModel model, CultureInfo culture)
    {
        if (model.Figures.Signals.Count == 0)
        {
            yield break;
        }

        yield return Heading("Section.Signals", culture);
        yield return new Table
        {
            Columns = [new TableColumn(2), new TableColumn(1), new TableColumn(1), new TableColumn(4)],
            FirstRowAsHeader = true,
            Rows =
            [
                HeaderRow(culture, "Column.Kind", "Column.Count", "Column.Change", "Column.ByDriver"),
                .. model.Figures.Signals.Select(s => Row(
                    Cell(model.KindLabel(s.Kind),
                        model.SignalDrillDown && s.Count.Value > 0 ? Drill(model, DrillTarget.Signals, model.KindLabel(s.Kind), s.Kind) : null, wrap: true),
                    Cell(SummaryFormat.N(s.Count.N, culture)),
                    Cell(SummaryFormat.Change(s.Count, FigureKind.Count, culture)),
                    Cell(string.Join(", ", s.ByDriver.Where(d => d.Value.N > 0)
                        .Select(d => DriverLabel(d.Key, culture) + " " + SummaryFormat.N(d.Value.N, culture))), wrap: true))),
            ],
        };
    }

    public static string DriverLabel(string driver, CultureInfo culture) =>
        QualityDriver.All.Contains(driver) ? SurveyCard.DriverName(driver, culture) : SummaryFormat.Strings.Get("Driver.none", culture);

    private static IEnumerable<CardElement> Topics(SummaryModel model, CultureInfo culture)
    {
        yield return Heading("Section.Topics", culture);
        if (model.Topics.Count == 0)
        {
            yield return new TextBlock { Text = SummaryFormat.Strings.Get("Topics.None", culture), IsSubtle = true };
            yield break;
        }

        yield return new Table
        {
            Columns = [new TableColumn(4), new TableColumn(1)],
            FirstRowAsHeader = true,
            Rows = [HeaderRow(culture, "Column.Topic", "Column.Count"), .. model.Topics.Select(t => Row(InertCell(t.Label), Cell(SummaryFormat.N(t.Count, culture))))],
        };
    }

    private static IEnumerable<CardElement> Recurring(SummaryModel model, CultureInfo culture)
    {
        yield return Heading("Section.Recurring", culture);
        yield return model.Recurring.Count == 0
            ? new TextBlock { Text = SummaryFormat.Strings.Get("Recurring.None", culture), IsSubtle = true }
            : RichTextBlock.Inert(string.Join(" · ", model.Recurring));
    }

    private static IEnumerable<CardElement> FollowUps(SummaryModel model, CultureInfo culture)
    {
        if (model.FollowUps is not { } counts)
        {
            yield break;
        }

        yield return Heading("Section.FollowUps", culture);
        if (counts.AsOf is not { } asOf)
        {
            yield return new TextBlock { Id = "follow-ups", Text = SummaryFormat.Strings.Get("FollowUps.NotCounted", culture), IsSubtle = true };
            yield break;
        }

        yield return new TextBlock
        {
            Id = "follow-ups",
            Text = SummaryFormat.Strings.Format("FollowUps.Counts", culture, counts.Open, counts.Overdue),
            Color = counts.Overdue > 0 ? "attention" : null,
        };
        yield return new TextBlock
        {
            Id = "follow-ups-as-of",
            Text = SummaryFormat.Strings.Format("FollowUps.AsOf", culture, asOf.ToString("HH:mm", culture)),
            IsSubtle = true,
            Spacing = "none",
        };
    }

    private static IEnumerable<CardElement> Comments(SummaryModel model, SummaryLayout layout, CultureInfo culture)
    {
        var strings = SummaryFormat.Strings;
        yield return Heading("Section.Comments", culture);
        if (model.Comments.Count == 0)
        {
            yield return new TextBlock { Text = strings.Get("Comments.None", culture), IsSubtle = true };
            yield break;
        }

        foreach (var response in model.Comments.Take(layout.Comments))
        {
            yield return new Container
            {
                Id = "comment-" + response.SurveyId,
                Spacing = "small",
                Items =
                [
                    new RichTextBlock
                    {
                        Inlines =
                        [
                            TextRun.Inert(strings.Format("Comment.Line", culture, response.Answers.Csat,
                                SummaryFormat.ShortDay(model.DayOf(response.ContactEndedAt), culture), response.Queue)) with { IsSubtle = true },
                        ],
                    },
                    RichTextBlock.Inert(Excerpt(response.Answers.Comment ?? ""), italic: true) with { Spacing = "none" },
                ],
            };
        }

        if (model.Comments.Count > layout.Comments || model.Comments.Count >= 5)
        {
            yield return new ActionSet { Actions = [Drill(model, DrillTarget.LowScoreComments, strings.Get("More.Comments", culture))] };
        }
    }

    private static string Excerpt(string text) => text.Length <= CommentExcerptLength ? text : text[..CommentExcerptLength].TrimEnd() + "…";

    private static IEnumerable<CardElement> Agents(SummaryModel model, SummaryLayout layout, CultureInfo culture)
    {
        if (model.Agents is not { } agents)
        {
            yield break;
        }

        yield return Heading("Section.Agents", culture);
        if (agents.Count == 0)
        {
            yield return new TextBlock { Text = SummaryFormat.Strings.Get("Agents.None", culture), IsSubtle = true };
            yield break;
        }

        yield return AgentTable(agents.Take(layout.AgentRows).ToList(), model.MinAnswersPerAgent, culture);
        if (agents.Count > layout.AgentRows)
        {
            yield return new ActionSet
            {
                Actions =
                [
                    ExecuteAction.WithSubmitFallback(SummaryFormat.Strings.Get("More.Agents", culture), AgentPageAction.Verb,
                        new AgentPageAction(model.Filter, layout.AgentRows, model.TenantId).ToData()),
                ],
            };
        }
    }

    /// <summary>Rows of agents; an agent with fewer answers than the minimum shows no figures.</summary>
    public static Table AgentTable(IReadOnlyList<AgentRow> rows, int minAnswers, CultureInfo culture) => new()
    {
        Id = "agents",
        Columns = [new TableColumn(3), new TableColumn(1), new TableColumn(2), new TableColumn(2), new TableColumn(2)],
        FirstRowAsHeader = true,
        Rows =
        [
            HeaderRow(culture, "Column.Agent", "Column.Answers", "Figure.CsatMean", "Figure.CsatPercent", "Figure.Fcr"),
            .. rows.Select(r => AgentTableRow(r, minAnswers, culture)),
        ],
    };

    private static TableRow AgentTableRow(AgentRow row, int minAnswers, CultureInfo culture)
    {
        var name = row.Name.Length > AgentNameLength ? row.Name[..AgentNameLength] + "…" : row.Name;
        var answers = row.Figures.CsatMean.N;
        if (answers < minAnswers)
        {
            return Row(InertCell(name), Cell(SummaryFormat.Strings.Format("Agents.Hidden", culture, minAnswers), wrap: true), Cell(""), Cell(""), Cell(""));
        }

        return Row(InertCell(name), Cell(SummaryFormat.N(answers, culture)),
            Cell(SummaryFormat.Value(row.Figures.CsatMean, FigureKind.Mean, culture)),
            Cell(SummaryFormat.Value(row.Figures.CsatPercent, FigureKind.Percent, culture)),
            Cell(SummaryFormat.Value(row.Figures.Fcr, FigureKind.Percent, culture)));
    }

    private static IEnumerable<CardElement> FilterPart(SummaryModel model, CultureInfo culture)
    {
        var strings = SummaryFormat.Strings;
        var period = model.Filter.Period;
        var range = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return Heading("Section.Filter", culture);
        yield return new ChoiceSetInput
        {
            Id = SummaryRefreshAction.PeriodInputId,
            Label = strings.Get("Filter.Period", culture),
            Style = "compact",
            Value = range,
            Choices =
            [
                new Choice(strings.Format("Period.Range", culture, SummaryFormat.Day(period.From, culture), SummaryFormat.Day(period.To, culture)), range),
                .. PeriodChoices.Select(p => new Choice(strings.Get("Period." + p, culture), p)),
            ],
        };
        yield return new TextInput
        {
            Id = SummaryRefreshAction.ScopeInputId,
            Label = strings.Get("Filter.Scope", culture),
            Placeholder = strings.Get("Filter.ScopePlaceholder", culture),
            Value = SummaryFormat.ScopeWords(model.Filter.Scope, culture),
            MaxLength = 200,
        };
        yield return new ActionSet
        {
            Actions = [ExecuteAction.WithSubmitFallback(strings.Get("Filter.Show", culture), SummaryRefreshAction.Verb, new SummaryRefreshAction(model.TenantId).ToData())],
        };
    }
}
