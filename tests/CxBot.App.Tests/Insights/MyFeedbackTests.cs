using System.Text.Json.Nodes;
using CxBot.App.Insights.MyFeedback;
using CxBot.App.People;
using CxBot.App.Tests.Support;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Insights;

/// <summary><c>my feedback</c>: an agent's own figures and comments only, summed over their agent ids; customers refused; Dutch; periods; paging.</summary>
[Collection(AppAzurite.Name)]
public sealed class MyFeedbackTests : IDisposable
{
    private static readonly DateOnly Nov18 = new(2026, 11, 18);
    private static readonly DateOnly Nov19 = new(2026, 11, 19);
    private static readonly DateOnly Nov10 = new(2026, 11, 10);

    private readonly AgentReportTotals _totals = new();
    private readonly AgentResponseQueries _responses = new();
    private readonly CxBotAppFactory _app;

    public MyFeedbackTests(AzuriteProcess azurite)
    {
        _app = new CxBotAppFactory(azurite)
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<IReportTotals>(_totals);
                services.AddSingleton<IResponseQueries>(_responses);
            },
        };
        _totals
            .Answer("Agent-7", Nov18, csat: 5, nps: 10, ces: 5, resolution: "yes")
            .Answer("agent-7", Nov19, csat: 2, nps: 3, ces: 2, resolution: "no")
            .Answer("agent-8", Nov10, csat: 4)
            .Answer("agent-9", Nov19, csat: 1).Answer("agent-9", Nov19, csat: 1).Answer("agent-9", Nov19, csat: 1)
            .Answer("sup-1", Nov19, csat: 3);
    }

    public void Dispose() => _app.Dispose();

    private static TeamsUser Agent(string locale = "en-US") => TestPeople.Agent(locale);

    [Fact]
    public async Task AnAgent_SeesTheirOwnFiguresSummedOverTheirAgentIds_AndNoOneElses()
    {
        await GiveAgentIdsAsync(CxBotAppFactory.AgentAad, StaffRoles.Agent, "Agent-7", "agent-8");
        _responses.Add("agent-7", new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero), 5, "Really helpful, thanks");
        _responses.Add("agent-9", new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero), 1, "A comment about someone else");

        var card = await SendAsync(Agent(), "my feedback");

        var facts = Facts(card);
        Assert.Equal("3", facts["Answers"]);
        Assert.Equal("3.67 · 67% satisfied (3 answers)", facts["CSAT"]);
        Assert.Equal("0 (2 answers)", facts["NPS"]);
        Assert.Equal("3.50 · 50% easy (2 answers)", facts["Customer effort (CES)"]);
        Assert.Equal("50% (2 answers)", facts["Resolved first time (FCR)"]);
        var text = CardNodes.VisibleText(card);
        Assert.Contains("Really helpful, thanks", text, StringComparison.Ordinal);
        Assert.DoesNotContain("someone else", text, StringComparison.Ordinal);
        Assert.Equal(
            [ReportScope.ForAgent("agent-7"), ReportScope.ForAgent("agent-8")],
            _totals.Reads.Select(r => r.Scope).Distinct().Order(Comparer<ReportScope>.Create((a, b) => string.CompareOrdinal(a.Key, b.Key))));
        Assert.All(_totals.Reads, r => Assert.Equal((new DateOnly(2026, 10, 22), new DateOnly(2026, 11, 20)), (r.From, r.To)));
        Assert.NotNull(CardNodes.ById(card, "trend"));
    }

    [Fact]
    public async Task WordsAfterTheCommand_NeverSelectAnotherAgent()
    {
        await GiveAgentIdsAsync(CxBotAppFactory.AgentAad, StaffRoles.Agent, "agent-7");

        await _app.PostActivityAsync(Agent().Text("my feedback agent-9"));

        Assert.Equal("Type my feedback for the last 30 days, or my feedback this week.", _app.Connector.SentTo(Agent().PersonalConversationId)[^1].Text);
        Assert.Empty(_totals.Reads);
    }

    [Fact]
    public async Task ACustomer_IsRefusedByTheRouter_AndNothingIsRead()
    {
        var customer = TestPeople.NewCustomer();

        await _app.PostActivityAsync(customer.Text("my feedback"));

        var reply = _app.Connector.SentTo(customer.PersonalConversationId)[^1];
        Assert.Equal("Only contact-center agents and supervisors can do that. Ask your contact-center administrator to add you to the staff directory.", reply.Text);
        Assert.Empty(_totals.Reads);
    }

    [Fact]
    public async Task ASupervisorWhoIsAlsoAnAgent_SeesTheirOwnFigures()
    {
        await GiveAgentIdsAsync(CxBotAppFactory.SupervisorAad, StaffRoles.Agent | StaffRoles.Supervisor, "sup-1");

        var card = await SendAsync(TestPeople.Supervisor(), "my feedback");

        Assert.Equal("1", Facts(card)["Answers"]);
        Assert.Equal([ReportScope.ForAgent("sup-1")], _totals.Reads.Select(r => r.Scope).Distinct());
    }

    [Fact]
    public async Task AnAgentWithoutAgentIds_IsToldWhy()
    {
        await _app.PostActivityAsync(Agent().Text("my feedback"));

        Assert.StartsWith("I do not know your agent id yet", _app.Connector.SentTo(Agent().PersonalConversationId)[^1].Text, StringComparison.Ordinal);
        Assert.Empty(_totals.Reads);
    }

    [Fact]
    public async Task MijnFeedback_AnswersInDutch_ForThisWeek()
    {
        await GiveAgentIdsAsync(CxBotAppFactory.AgentAad, StaffRoles.Agent, "agent-7");

        var card = await SendAsync(Agent("nl-NL"), "mijn feedback deze week");

        var text = CardNodes.VisibleText(card);
        Assert.Contains("Jouw feedback", text, StringComparison.Ordinal);
        Assert.Contains("CSAT-verloop", text, StringComparison.Ordinal);
        Assert.Equal("2", Facts(card)["Antwoorden"]);
        Assert.All(_totals.Reads, r => Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20)), (r.From, r.To)));
    }

    [Fact]
    public async Task Comments_ArePaged_AndAPageTokenShowsOnlyTheClickersOwn()
    {
        await GiveAgentIdsAsync(CxBotAppFactory.AgentAad, StaffRoles.Agent, "agent-7", "agent-8");
        await GiveAgentIdsAsync(CxBotAppFactory.SupervisorAad, StaffRoles.Agent | StaffRoles.Supervisor, "sup-1");
        for (var i = 0; i < 7; i++)
        {
            _responses.Add(i % 2 == 0 ? "agent-7" : "agent-8", new DateTimeOffset(2026, 11, 10 + i, 10, 0, 0, TimeSpan.Zero), 3, $"Comment number {i}");
        }

        _responses.Add("sup-1", new DateTimeOffset(2026, 11, 12, 10, 0, 0, TimeSpan.Zero), 4, "The supervisor's own customer");

        var first = await SendAsync(Agent(), "my feedback");
        Assert.Equal([6, 5, 4, 3, 2], CommentNumbers(first));
        var more = MoreData(first);

        var second = CardNodes.CardIn(await ClickAsync(Agent(), more));
        Assert.Equal([1, 0], CommentNumbers(second));
        Assert.Null(second["actions"]);

        var someoneElse = CardNodes.VisibleText(CardNodes.CardIn(await ClickAsync(TestPeople.Supervisor(), more)));
        Assert.DoesNotContain("Comment number", someoneElse, StringComparison.Ordinal);
    }

    private async Task GiveAgentIdsAsync(string objectId, StaffRoles roles, params string[] agentIds)
    {
        await _app.Services.GetRequiredService<IStaffStore>().UpsertAsync(new StaffMember(objectId, "Staff " + objectId[..4])
        {
            Roles = roles, AgentIds = agentIds, Source = StaffSource.Api,
        }, default);
        await _app.Services.GetRequiredService<StaffDirectory>().RefreshAsync(default);
    }

    private async Task<JsonObject> SendAsync(TeamsUser user, string text)
    {
        (await _app.PostActivityAsync(user.Text(text))).EnsureSuccessStatusCode();
        return _app.Connector.SentTo(user.PersonalConversationId)[^1].Card();
    }

    private async Task<JsonObject> ClickAsync(TeamsUser user, JsonObject data)
    {
        using var response = await _app.PostActivityAsync(user.Execute(MyFeedbackAction.CommentsVerb, data.DeepClone().AsObject()));
        return await response.ReadObjectAsync();
    }

    private static Dictionary<string, string> Facts(JsonObject card) =>
        CardNodes.ById(card, "scores")!["facts"]!.AsArray().ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());

    private static List<int> CommentNumbers(JsonObject card) =>
        [.. System.Text.RegularExpressions.Regex.Matches(CardNodes.VisibleText(card), @"Comment number (\d)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static JsonObject MoreData(JsonObject card) =>
        AppHttp.Descendants(card["actions"]).First(o => ActionData.GetText(o, "verb") == MyFeedbackAction.CommentsVerb)["data"]!.AsObject().DeepClone().AsObject();
}
