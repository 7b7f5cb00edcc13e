using System.Globalization;
using System.Text.Json.Nodes;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>
/// The summary through the Agents Playground, after contacts, answers and signals went in through the bot's own paths:
/// every figure on the card equals the one the test works out from what it sent, in English and in Dutch.
/// </summary>
[Collection(SummaryBot.Collection)]
public sealed class SummaryEndToEndTests(SummaryBot bot)
{
    /// <summary>How long the counts may take to show every seeded record (answers are counted after they are acknowledged).</summary>
    public static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SummaryLast7Days_InEnglish_ShowsTheFiguresWorkedOutFromTheSeededAnswersAndSignals()
    {
        var card = await AskAndCheckFiguresAsync("summary last 7 days", "en-US");

        Assert.Equal(["Figure", "Value", "Change", "n"], SummaryCardJson.Rows(card)[0]);
        AssertHeadings(card, "Surveys", "Scores", "CSAT trend", "What mattered most to customers", "Signals from agents", "Top topics", "Follow-ups",
            "Latest low-score comments");
    }

    [Fact]
    public async Task SamenvattingAfgelopen7Dagen_InDutch_ShowsTheSameFiguresWithDutchLabelsAndNumbers()
    {
        // The Playground's own messages are always en-US: this one goes as a custom activity with the Dutch locale.
        var card = await AskAndCheckFiguresAsync("samenvatting afgelopen 7 dagen", "nl-NL");

        Assert.Equal(["Cijfer", "Waarde", "Verschil", "n"], SummaryCardJson.Rows(card)[0]);
        AssertHeadings(card, "Enquêtes", "Scores", "Verloop van de CSAT", "Wat klanten het belangrijkst vonden", "Signalen van agents",
            "Meest genoemde onderwerpen", "Opvolging", "Laatste opmerkingen bij een lage score");
        Assert.Matches(@"^\d,\d\d$", SummaryCardJson.RowOf(card, "CSAT (gemiddeld, 1-5)")![1]);
    }

    private async Task<JsonObject> AskAndCheckFiguresAsync(string text, string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var expected = new ExpectedSummary(await bot.SeedAsync(), culture);

        var card = await bot.AskSummaryAsync(text, locale, expected.Title, c => SummaryCardJson.Differences(c, expected).Count == 0, SettleTimeout);

        var differences = SummaryCardJson.Differences(card, expected);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences) + Environment.NewLine + RealBot.Json(card));
        // Spelled out, so that a reader sees what was checked: the funnel and the headline scores, and the trend's table.
        foreach (var row in expected.FigureRows)
        {
            Assert.Equal(row, SummaryCardJson.RowOf(card, row[0]));
        }

        Assert.Equal(expected.TrendTableRows.Select(r => string.Join(" | ", r)),
            SummaryCardJson.Rows(SummaryCardJson.Chart(card)!["fallback"]!).Select(r => string.Join(" | ", r)));
        Assert.Equal(culture.TwoLetterISOLanguageName, (string?)card["lang"]);
        return card;
    }

    private static void AssertHeadings(JsonObject card, params string[] headings)
    {
        var shown = SummaryCardJson.Descendants(card).Where(o => (string?)o["style"] == "heading").Select(o => (string?)o["text"]).ToList();
        foreach (var heading in headings)
        {
            Assert.Contains(heading, shown);
        }
    }
}
