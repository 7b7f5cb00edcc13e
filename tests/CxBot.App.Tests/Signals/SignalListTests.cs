using System.Text.Json.Nodes;
using CxBot.App.Signals.Lists;
using CxBot.App.Tests.Support;
using CxBot.Cards;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;

namespace CxBot.App.Tests.Signals;

/// <summary><c>my signals</c> and <c>signals ...</c>: filters, paging with the token in the card action, roles and tenants.</summary>
[Collection(AppAzurite.Name)]
public sealed class SignalListTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = SignalLifecycleFlow.NewApp(azurite, new Dictionary<string, string?> { ["Signals:ListPageSize"] = "2" });

    private SignalLifecycleFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task MySignals_ListsOnlyWhatTheAgentLogged_PageByPage()
    {
        var mine = new List<Signal>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add(await Flow.ReportAsync(description: $"Mine {i}"));
            _app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await Flow.ReportAsync(reporter: SignalLifecycleFlow.OtherAgent, description: "Not mine");

        var first = await SendAsync(SignalLifecycleFlow.Agent, "my signals");
        Assert.Equal([mine[2].SignalId, mine[1].SignalId], Rows(first));
        var more = MoreData(first);
        Assert.Equal(TeamsUserTenant, ActionData.GetText(more, "tenant"));

        var second = CardNodes.CardIn(await ClickAsync(SignalLifecycleFlow.Agent, more));
        Assert.Equal([mine[0].SignalId], Rows(second));
        Assert.Null(second["actions"]);
    }

    [Fact]
    public async Task MijnSignalen_AnswersInDutch()
    {
        await Flow.ReportAsync();

        var card = await SendAsync(SignalLifecycleFlow.Agent, "mijn signalen");

        Assert.Contains("Jouw signalen", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Contains("Wijzigen", CardNodes.VisibleText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signals_FiltersByKindTopicAndStatus_InEitherLanguage()
    {
        await Flow.AddTopicAsync("Billing", "Facturatie");
        await Flow.AddTopicAsync("Delivery", "Levering");
        var complaint = await Flow.ReportAsync(kind: SignalKind.Complaint, topic: "billing");
        var idea = await Flow.ReportAsync(kind: SignalKind.Idea, topic: "billing");
        var delivery = await Flow.ReportAsync(kind: SignalKind.Complaint, topic: "delivery");
        var closed = await Flow.ReportAsync(kind: SignalKind.Complaint, topic: "billing");
        await Flow.TriageAsync(SignalLifecycleFlow.Supervisor, closed);
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, App.Signals.Lifecycle.SignalMoveAction.CloseVerb, closed,
            (App.Signals.Lifecycle.SignalCard.OutcomeInputId, "Fixed."));

        Assert.Equal([complaint.SignalId], Rows(await SendAsync(SignalLifecycleFlow.Supervisor, "signals complaint billing")));
        Assert.Equal([complaint.SignalId], Rows(await SendAsync(SignalLifecycleFlow.Supervisor, "signalen klacht facturatie")));
        Assert.Equal([delivery.SignalId], Rows(await SendAsync(SignalLifecycleFlow.Supervisor, "signals week levering")));
        Assert.Equal([idea.SignalId], Rows(await SendAsync(SignalLifecycleFlow.Supervisor, "signals idea")));
        Assert.Equal([closed.SignalId], Rows(await SendAsync(SignalLifecycleFlow.Supervisor, "signals closed billing")));
    }

    [Fact]
    public async Task Signals_RowsCarryTheLifecycleMoves()
    {
        var signal = await Flow.ReportAsync();

        var card = await SendAsync(SignalLifecycleFlow.Supervisor, "signals new");

        var row = CardNodes.ById(card, "signal-" + signal.SignalId)!;
        Assert.Equal([App.Signals.Lifecycle.SignalMoveAction.OpenVerb, App.Signals.Lifecycle.SignalMoveAction.TriageVerb], SignalLifecycleFlow.Verbs(row).Order());
    }

    [Fact]
    public async Task AnUnknownWord_GetsTheChoicesInTheReadersLanguage()
    {
        await Flow.AddTopicAsync("Billing", "Facturatie");

        await _app.PostActivityAsync(SignalLifecycleFlow.Supervisor.Text("signalen klacht banaan"));

        var reply = _app.Connector.SentTo(SignalLifecycleFlow.Supervisor.PersonalConversationId)[^1].Text!;
        Assert.StartsWith("Ik ken 'banaan' niet.", reply, StringComparison.Ordinal);
        Assert.Contains("klacht, compliment, contactreden", reply, StringComparison.Ordinal);
        Assert.Contains("Facturatie", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentAskingForEveryonesSignals_IsRefusedPolitely()
    {
        await _app.PostActivityAsync(SignalLifecycleFlow.Agent.Text("signals"));

        var reply = _app.Connector.SentTo(SignalLifecycleFlow.Agent.PersonalConversationId)[^1].Text!;
        Assert.Equal("Only supervisors can do that. Ask your contact-center administrator if you need access.", reply);
    }

    [Fact]
    public async Task APageOfAnotherTenant_IsNotShown()
    {
        for (var i = 0; i < 3; i++)
        {
            await Flow.ReportAsync();
        }

        var more = MoreData(await SendAsync(SignalLifecycleFlow.Supervisor, "signals"));
        more["tenant"] = "0b6d5f1e-2a3c-4d5e-8f90-1a2b3c4d5e6f";

        var body = await ClickAsync(SignalLifecycleFlow.Supervisor, more);

        Assert.Equal("This signal no longer exists or is not yours to see.", SignalLifecycleFlow.MessageOf(body));
    }

    private const string TeamsUserTenant = TeamsUser.TenantId;

    private async Task<JsonObject> SendAsync(TeamsUser user, string text)
    {
        (await _app.PostActivityAsync(user.Text(text))).EnsureSuccessStatusCode();
        return _app.Connector.SentTo(user.PersonalConversationId)[^1].Card();
    }

    private async Task<JsonObject> ClickAsync(TeamsUser user, JsonObject data)
    {
        using var response = await _app.PostActivityAsync(user.Execute(SignalListAction.PageVerb, data));
        return await response.ReadObjectAsync();
    }

    private static List<string> Rows(JsonNode card) =>
        [.. AppHttp.Descendants(card).Select(o => ActionData.GetText(o, "id")).OfType<string>()
            .Where(id => id.StartsWith("signal-", StringComparison.Ordinal)).Select(id => id["signal-".Length..])];

    private static JsonObject MoreData(JsonObject card) =>
        AppHttp.Descendants(card["actions"]).First(o => ActionData.GetText(o, "verb") == SignalListAction.PageVerb)["data"]!.AsObject().DeepClone().AsObject();
}
