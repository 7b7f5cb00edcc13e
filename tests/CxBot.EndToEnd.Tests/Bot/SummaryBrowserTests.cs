using System.Globalization;
using System.Text.Json;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>
/// The summary card in headless Chromium: as the Playground's Teams page renders it (the line chart), and the very card
/// the bot sent as the Adaptive Cards JavaScript renderer shows it (the chart unknown there, its table instead).
/// Screenshots are kept in artifacts/screenshots.
/// </summary>
[Collection(SummaryBot.Collection)]
public sealed class SummaryBrowserTests(SummaryBot bot)
{
    [Fact]
    public async Task PlaygroundPage_SummaryShowsTheCsatLineChartAndFigures_AndTheSameCardRendersItsTableFallbackInTheAdaptiveCardsRenderer()
    {
        var seed = await bot.SeedAsync();
        var expected = new ExpectedSummary(seed, CultureInfo.GetCultureInfo("en-US"));
        // Until every record is counted (answers are counted after they are acknowledged), so that the page shows the final card.
        var settled = await bot.AskSummaryAsync("summary last 7 days", "en-US", expected.Title,
            c => SummaryCardJson.Differences(c, expected).Count == 0, SummaryEndToEndTests.SettleTimeout);
        Assert.Empty(SummaryCardJson.Differences(settled, expected));

        var chartShot = BrowserRunner.ScreenshotPath("summary-chart.png");
        File.Delete(chartShot);
        var inPage = await BrowserRunner.RunAsync("summary-chart", bot.Playground.BaseUri, chartShot, new Dictionary<string, string?>
        {
            ["READY_TEXT"] = "Welcome to CxBot",
            ["MESSAGE"] = "summary last 7 days",
            ["TITLE"] = expected.Title,
            ["HEADING"] = "CSAT trend",
            ["CHART_LABEL"] = $"{expected.ChartTitle}, Line chart",
            ["POINTS_JSON"] = JsonSerializer.Serialize(expected.Trend.Select(p => new { x = p.X, y = p.Y })),
            ["ROWS_JSON"] = JsonSerializer.Serialize(expected.FigureRows.Concat(expected.DriverRows).Concat(expected.SignalRows), RealBot.Readable),
        }, timeout: TimeSpan.FromSeconds(150));

        Assert.True(inPage.Succeeded, inPage.Output);
        Assert.True(new FileInfo(chartShot).Length > 0);
        Assert.True(new FileInfo(chartShot.Replace(".png", "-chart.png", StringComparison.Ordinal)).Length > 0);

        // The card the page was sent, exactly as the bot sent it, in the renderer behind Web Chat.
        var shown = await bot.Client.WaitForMessageAsync(m => m.ConversationId == bot.Client.PersonalChatId && RealBot.CardContains(m, expected.Title));
        var cardPath = Path.Combine(Directory.CreateTempSubdirectory("cxbot-summary-card-").FullName, "summary.json");
        await File.WriteAllTextAsync(cardPath, RealBot.Json(shown.AdaptiveCard));
        var tableShot = BrowserRunner.ScreenshotPath("summary-fallback-table.png");
        File.Delete(tableShot);
        try
        {
            var rendered = await BrowserRunner.RunAsync("render-card", bot.Playground.BaseUri, tableShot, new Dictionary<string, string?>
            {
                ["CARD_PATH"] = cardPath,
                ["CHART_TYPE"] = "Chart.Line",
                ["TABLE_ID"] = SummaryCardJson.FallbackTableId,
                ["ROWS_JSON"] = JsonSerializer.Serialize(expected.TrendTableRows, RealBot.Readable),
            }, timeout: TimeSpan.FromSeconds(90));

            Assert.True(rendered.Succeeded, rendered.Output);
            Assert.True(new FileInfo(tableShot).Length > 0);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(cardPath)!, recursive: true);
        }
    }
}
