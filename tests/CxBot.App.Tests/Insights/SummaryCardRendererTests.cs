using System.Globalization;
using CxBot.App.Insights.Summary;
using CxBot.App.Tests.Cards;
using CxBot.Cards;
using CxBot.Domain.Insights;

namespace CxBot.App.Tests.Insights;

/// <summary>
/// The summary card in the Adaptive Cards JavaScript renderer (the one behind Web Chat and the Playground page): Teams'
/// line chart is the one element it does not know, its table fallback takes its place, and nothing fails validation.
/// </summary>
public sealed class SummaryCardRendererTests
{
    private const string UnknownChart = "Unknown element type \"Chart.Line\". Fallback will be used if present.";
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public void TheFullSummaryCard_InEnglishAndDutch_HasOnlyTheChartUnknown_AndItsTableFallbackValidatesCleanly()
    {
        var cards = new Dictionary<string, AdaptiveCard>
        {
            ["summary.en"] = SummaryCardFactory.Fit(Model(withAnswers: true, "en-US"), CultureInfo.GetCultureInfo("en-US")),
            ["summary.nl"] = SummaryCardFactory.Fit(Model(withAnswers: true, "nl-NL"), CultureInfo.GetCultureInfo("nl-NL")),
        };

        var reports = CardValidator.Run(cards);

        foreach (var (name, report) in reports)
        {
            Assert.True(report.Error is null, $"{name}: {report.Error}");
            Assert.Equal([UnknownChart], report.ParseEvents!.Select(e => e.Message));
            Assert.True(report.ValidationEvents!.Count == 0, $"{name}: " + string.Join("; ", report.ValidationEvents.Select(e => e.Message)));
            Assert.Contains(new RenderedItem("csat-trend-table", "Table", null), report.Elements!);
            Assert.DoesNotContain(report.Elements!, e => e.Id == "csat-trend");
            Assert.Equal([SummaryRefreshAction.PeriodInputId, SummaryRefreshAction.ScopeInputId], report.Inputs!.Select(i => i.Id));
            Assert.Contains(report.Actions!, a => a.Verb == SummaryRefreshAction.Verb);
        }
    }

    [Fact]
    public void ASummaryWithoutCsatAnswers_HasNoChart_AndNothingUnknownToTheRenderer()
    {
        var card = SummaryCardFactory.Fit(Model(withAnswers: false, "en-US"), CultureInfo.GetCultureInfo("en-US"));

        var report = CardValidator.Run(new Dictionary<string, AdaptiveCard> { ["summary.empty"] = card })["summary.empty"];

        Assert.Null(report.Error);
        Assert.Empty(report.ParseEvents!);
        Assert.Empty(report.ValidationEvents!);
        Assert.DoesNotContain(report.Elements!, e => e.Id is "csat-trend" or "csat-trend-table");
    }

    // Every part of the card filled: trend, drivers, signals, topics, recurring problems, follow-ups, comments, agents.
    private static SummaryModel Model(bool withAnswers, string locale)
    {
        var period = new ReportPeriod(Today.AddDays(-6), Today);
        var current = new Tally();
        var previous = new Tally().Add(TallyNames.Csat(3), 2).Add(TallyNames.Delivered, 3).Add(TallyNames.Answered, 2);
        var trend = new List<TrendPoint>();
        if (withAnswers)
        {
            current.Add(TallyNames.Sent, 9).Add(TallyNames.Delivered, 8).Add(TallyNames.Failed("conversation-gone"), 1).Add(TallyNames.Answered, 6)
                .Add(TallyNames.Csat(5), 3).Add(TallyNames.Csat(4), 1).Add(TallyNames.Csat(2), 2)
                .Add(TallyNames.Resolution("yes"), 4).Add(TallyNames.Resolution("no"), 2)
                .Add(TallyNames.Expectation("better"), 2).Add(TallyNames.Expectation("worse"), 2).Add(TallyNames.Expectation("as-expected"), 2)
                .Add(TallyNames.Driver("reliability", TallyNames.Bands.Satisfied), 2).Add(TallyNames.Driver("reliability", TallyNames.Bands.Dissatisfied), 1)
                .Add(TallyNames.DriverCsatCount("reliability"), 3).Add(TallyNames.DriverCsatSum("reliability"), 11)
                .Add(TallyNames.Signals("complaint"), 2).Add(TallyNames.SignalsByDriver("complaint", null), 2).Add(TallyNames.SignalsByTopic("complaint", "billing"), 2);
            trend.Add(new TrendPoint(Today.AddDays(-1), Today.AddDays(-1), new Figure(4.5, 2)));
            trend.Add(new TrendPoint(Today, Today, new Figure(3.25, 4)));
        }

        var figures = SummaryFigures.Compute(current, previous);
        return new SummaryModel
        {
            Filter = new SummaryFilter(period, ReportScope.All),
            TenantId = "tenant-1",
            ScopeLabel = locale == "nl-NL" ? "alle wachtrijen en kanalen" : "all queues and channels",
            Figures = figures,
            Trend = trend,
            WeeklyTrend = false,
            Topics = withAnswers ? [new TopicCount("Billing", 2)] : [],
            Recurring = withAnswers ? ["Billing"] : [],
            FollowUps = new FollowUpCounts(2, 1),
            Comments = withAnswers ? [TestResponses.Response(1, "Nobody <b>called</b> back", at: new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero))] : [],
            Agents = withAnswers
                ? [new AgentRow("Sam de Boer", SummaryFigures.Of(current)), new AgentRow("Lynne Robbins", SummaryFigures.Of(new Tally().Add(TallyNames.Csat(4))))]
                : [],
            MinAnswersPerAgent = 5,
            SignalDrillDown = true,
            DayOf = at => DateOnly.FromDateTime(at.UtcDateTime),
            KindLabel = key => key,
        };
    }
}
