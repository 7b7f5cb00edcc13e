using System.Text.Json.Nodes;
using CxBot.App.Insights.Summary;
using CxBot.App.Tests.Cards;
using CxBot.App.Tests.Support;
using CxBot.Domain.Insights;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Insights;

/// <summary><c>summary</c> / <c>samenvatting</c> through the app: roles, languages, the filter and the per-agent table's paging.</summary>
[Collection(AppAzurite.Name)]
public sealed class SummaryCommandTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private readonly InMemoryReportTotals _totals = new();
    private readonly InMemoryResponseQueries _responses = new();
    private readonly CxBotAppFactory _app;

    public SummaryCommandTests(AzuriteProcess azurite)
    {
        _app = new CxBotAppFactory(azurite)
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<IReportTotals>(_totals);
                services.AddSingleton<IResponseQueries>(_responses);
            },
        };
        _totals.Add(ReportScope.All, Today, TallyNames.Csat(5), 3).Add(ReportScope.All, Today, TallyNames.Csat(2), 1)
            .Add(ReportScope.All, Today.AddDays(-7), TallyNames.Csat(3), 2)
            .Add(ReportScope.All, Today, TallyNames.Delivered, 8).Add(ReportScope.All, Today, TallyNames.Answered, 4);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Summary_FromASupervisor_AnswersWithTheCard_FiguresChangeAndN()
    {
        var card = await SendAsync(TestPeople.Supervisor(), "summary");

        var text = CardNodes.VisibleText(card);
        Assert.Contains("Summary: all queues and channels", text, StringComparison.Ordinal);
        Assert.Contains("14 Nov 2026 to 20 Nov 2026 (7 days), compared with 7 Nov 2026 to 13 Nov 2026", text, StringComparison.Ordinal);
        // CSAT mean (3*5 + 2) / 4 = 4.25 against 3.00 the week before: +1.25, n = 4.
        Assert.Equal(["CSAT (mean, 1-5)", "4.25", "+1.25", "4"], RowOf(card, "CSAT (mean, 1-5)"));
        Assert.Equal(["Response rate", "50.0%", "–", "8"], RowOf(card, "Response rate"));
    }

    [Fact]
    public async Task Samenvatting_AnswersInDutch()
    {
        var card = await SendAsync(TestPeople.Supervisor("nl-NL"), "samenvatting vorige week");

        var text = CardNodes.VisibleText(card);
        Assert.Contains("Samenvatting: alle wachtrijen en kanalen", text, StringComparison.Ordinal);
        Assert.Contains("9 nov 2026 t/m 15 nov 2026 (7 dagen)", text, StringComparison.Ordinal);
        Assert.Contains("Verloop van de CSAT", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_FromAnAgent_PointsToMyFeedback()
    {
        await _app.PostActivityAsync(TestPeople.Agent().Text("summary"));

        var reply = _app.Connector.SentTo(TestPeople.Agent().PersonalConversationId)[^1].Text!;
        Assert.Equal("The summary is for supervisors. Type my feedback to see your own scores and customer comments.", reply);
    }

    [Fact]
    public async Task Summary_FromACustomer_GetsTheRoutersRefusalOnly()
    {
        var customer = TestPeople.NewCustomer();
        await _app.PostActivityAsync(customer.Text("summary"));

        var sent = _app.Connector.SentTo(customer.PersonalConversationId);
        Assert.DoesNotContain(sent, a => a.Attachments is { Count: > 0 });
        Assert.DoesNotContain(sent, a => a.Text?.Contains("my feedback", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Summary_WithWordsItCannotRead_SaysWhichInTheReadersLanguage()
    {
        await _app.PostActivityAsync(TestPeople.Supervisor("nl-NL").Text("samenvatting 2026-11-30..2026-11-01"));

        var reply = _app.Connector.SentTo(TestPeople.Supervisor().PersonalConversationId)[^1].Text!;
        Assert.Equal("De reeks '2026-11-30..2026-11-01' eindigt voordat hij begint.", reply);
    }

    [Fact]
    public async Task TheFilter_ReplacesTheCard_ForTheChosenPeriodAndScope()
    {
        _totals.Add(ReportScope.ForQueue("billing"), Today.AddDays(-1), TallyNames.Csat(1), 2);
        var data = new SummaryRefreshAction(TeamsUser.TenantId).ToData();
        data[SummaryRefreshAction.PeriodInputId] = "yesterday";
        data[SummaryRefreshAction.ScopeInputId] = "queue Billing";

        using var response = await _app.PostActivityAsync(TestPeople.Supervisor().Execute(SummaryRefreshAction.Verb, data));
        var card = CardNodes.CardIn(await response.ReadObjectAsync());

        Assert.Contains("Summary: queue billing", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Equal(["CSAT (mean, 1-5)", "1.00", "–", "2"], RowOf(card, "CSAT (mean, 1-5)"));
    }

    [Fact]
    public async Task ADrillDown_PagesTenResponsesAtATime_NextAndPrevious()
    {
        for (var i = 0; i < 12; i++)
        {
            _responses.Add(Today, TestResponses.Response(2, comment: "Comment " + i, at: new DateTimeOffset(2026, 11, 20, 8, i, 0, TimeSpan.Zero)));
        }

        var filter = new SummaryFilter(ReportPeriodParser.LastDays(Today, 7), ReportScope.All);
        var first = await ClickAsync(TestPeople.Supervisor(), DrillAction.First(DrillTarget.LowScores, filter, TeamsUser.TenantId).ToData());
        Assert.Equal(10, Rows(first).Count);
        Assert.Equal("dissatisfied", _responses.Queries[^1].CsatBand);
        var next = DataOf(first, "Next");

        var second = await ClickAsync(TestPeople.Supervisor(), next);
        Assert.Equal(2, Rows(second).Count);
        Assert.Null(ActionTitled(second, "Next"));
        Assert.Empty(Rows(first).Intersect(Rows(second)));

        var back = await ClickAsync(TestPeople.Supervisor(), DataOf(second, "Previous"));
        Assert.Equal(Rows(first), Rows(back));
        Assert.DoesNotContain("customer-key", back.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADrillDown_ClickedByAnAgent_IsRefused()
    {
        var filter = new SummaryFilter(ReportPeriodParser.LastDays(Today, 7), ReportScope.All);

        using var response = await _app.PostActivityAsync(TestPeople.Agent().Execute(DrillAction.Verb, DrillAction.First(DrillTarget.Responses, filter, TeamsUser.TenantId).ToData()));
        var body = await response.ReadObjectAsync();

        Assert.NotEqual("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Empty(_responses.Queries);
    }

    [Fact]
    public async Task ADrillDown_OfAnAgentOutsideTheSupervisorsTeam_IsRefused()
    {
        var filter = new SummaryFilter(ReportPeriodParser.LastDays(Today, 7), ReportScope.ForAgent("agent-9"));

        using var response = await _app.PostActivityAsync(TestPeople.Supervisor().Execute(DrillAction.Verb, DrillAction.First(DrillTarget.Responses, filter, TeamsUser.TenantId).ToData()));
        var body = await response.ReadObjectAsync();

        Assert.Equal("You can only see the figures of agents in your own team.", (string?)body["value"]);
        Assert.Empty(_responses.Queries);
    }

    private async Task<JsonObject> ClickAsync(TeamsUser user, JsonObject data)
    {
        using var response = await _app.PostActivityAsync(user.Execute(DrillAction.Verb, data));
        return CardNodes.CardIn(await response.ReadObjectAsync());
    }

    private static List<string> Rows(JsonObject card) =>
        [.. CardQuery.Descendants(card).Select(o => CardQuery.Text(o, "id")).OfType<string>().Where(id => id.StartsWith("response-", StringComparison.Ordinal))];

    private static JsonObject? ActionTitled(JsonObject card, string title) =>
        card["actions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(a => (string?)a["title"] == title);

    private static JsonObject DataOf(JsonObject card, string title) => ActionTitled(card, title)!["data"]!.DeepClone().AsObject();

    private async Task<JsonObject> SendAsync(TeamsUser user, string text)
    {
        await _app.PostActivityAsync(user.Text(text));
        var sent = _app.Connector.SentTo(user.PersonalConversationId)[^1];
        return sent.Attachments![0].Content!.AsObject();
    }

    /// <summary>The texts of the table row whose first cell reads <paramref name="label"/>.</summary>
    internal static string[] RowOf(JsonNode card, string label) =>
        CardQuery.Descendants(card).Where(o => CardQuery.Text(o, "type") == "TableRow")
            .Select(row => row["cells"]!.AsArray().Select(c => string.Join(" ", CardQuery.Descendants(c!).Select(o => CardQuery.Text(o, "text")).OfType<string>())).ToArray())
            .First(cells => cells[0] == label);
}
