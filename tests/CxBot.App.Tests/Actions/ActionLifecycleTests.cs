using CxBot.App.Actions;
using CxBot.App.Actions.Cards;
using CxBot.App.Messaging;
using CxBot.App.Tests.Signals;
using CxBot.App.Tests.Support;
using CxBot.Domain.Actions;
using CxBot.Domain.Channels;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;

namespace CxBot.App.Tests.Actions;

/// <summary>
/// Proposing, agreeing, carrying out and dropping actions through the form and the card: the role checks, the baseline
/// from the reporting store, the linked signals moved and closed, and the owner and agents told once each.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class ActionLifecycleTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = ActionsFlow.NewApp(azurite);

    private ActionsFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AgentsAndCustomers_AreRefusedTheCommand_AndAgentsTheCardMoves()
    {
        var customer = TestPeople.NewCustomer();
        await _app.PostActivityAsync(SignalLifecycleFlow.Agent.Text("actions"));
        await _app.PostActivityAsync(customer.Text("acties"));
        var (_, actionId) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor);

        var (_, refusal) = await Flow.ClickAsync(SignalLifecycleFlow.Agent, ActionCardAction.AgreeVerb, actionId);
        var (formStatus, _) = await Flow.ProposeAsync(SignalLifecycleFlow.Agent);

        Assert.Equal("Only supervisors can do that. Ask your contact-center administrator if you need access.",
            _app.Connector.SentTo(SignalLifecycleFlow.Agent.PersonalConversationId)[^1].Text);
        Assert.StartsWith("Alleen supervisors", _app.Connector.SentTo(customer.PersonalConversationId)[^1].Text, StringComparison.Ordinal);
        Assert.Equal(403, refusal["statusCode"]!.GetValue<int>());
        Assert.Equal(403, (int)formStatus["statusCode"]!.GetValue<int>());
        Assert.Equal(ActionStatus.Proposed, (await Flow.StoredAsync(actionId)).Status);
    }

    [Fact]
    public async Task TheCommand_ListsTheTenantsOpenActions_AndNewOpensThePrefilledForm()
    {
        await Flow.Signals.AddTopicAsync("Billing", "Facturatie");
        await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor);

        await _app.PostActivityAsync(SignalLifecycleFlow.Supervisor.Text("actions"));
        var list = CardNodes.VisibleText(_app.Connector.SentTo(SignalLifecycleFlow.Supervisor.PersonalConversationId)[^1].Attachments![0].Content!);
        await _app.PostActivityAsync(SignalLifecycleFlow.Supervisor.Text("actions new topic billing"));
        var form = _app.Connector.SentTo(SignalLifecycleFlow.Supervisor.PersonalConversationId)[^1].Attachments![0].Content!;

        Assert.Contains("Open improvement actions (1)", list, StringComparison.Ordinal);
        Assert.Contains("Stop <b>double</b> billing", list, StringComparison.Ordinal);
        Assert.Equal("Remove the cause of: Billing", CardNodes.ById(form, ActionForm.TitleId)!["value"]!.GetValue<string>());
        Assert.Equal("billing", CardNodes.ById(form, ActionForm.TopicId)!["value"]!.GetValue<string>());
        Assert.Contains(ActionFormAction.CreateVerb, SignalLifecycleFlow.Verbs(form));
    }

    [Theory]
    [InlineData("actions new driver empathy", "en")]
    [InlineData("acties nieuw drijfveer Empathie", "nl")]
    public async Task NewFromADriver_PrefillsTheDriver_InTheCommandsLanguage(string text, string language)
    {
        await _app.PostActivityAsync(SignalLifecycleFlow.Supervisor.Text(text));

        var form = _app.Connector.SentTo(SignalLifecycleFlow.Supervisor.PersonalConversationId)[^1].Attachments![0].Content!;
        Assert.Equal(language, form["lang"]!.GetValue<string>());
        Assert.Equal("empathy", CardNodes.ById(form, ActionForm.DriverId)!["value"]!.GetValue<string>());
        Assert.Equal("DriverCsatMean", CardNodes.ById(form, ActionForm.FigureId)!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheAlertsButton_SendsTheFormPrefilledFromTheAlert_WithAFreshIdEachTime()
    {
        await Flow.Signals.AddTopicAsync("Billing", "Facturatie");
        var signal = await Flow.TriagedSignalAsync(SignalLifecycleFlow.Agent);
        var fromAlert = ActionFormAction.New(new ActionOrigin(ActionOriginKind.RecurringProblem, "billing"), [signal.SignalId]);

        using var first = await _app.PostActivityAsync(SignalLifecycleFlow.Supervisor.Execute(ActionFormAction.NewVerb, fromAlert.ToData()));
        using var second = await _app.PostActivityAsync(SignalLifecycleFlow.Supervisor.Execute(ActionFormAction.NewVerb, fromAlert.ToData()));

        var forms = _app.Connector.SentTo(SignalLifecycleFlow.Supervisor.PersonalConversationId).TakeLast(2).Select(a => a.Attachments![0].Content!).ToList();
        Assert.Equal("The form to propose an action is below.", SignalLifecycleFlow.MessageOf(await first.ReadObjectAsync()));
        Assert.All(forms, f => Assert.Equal("Remove the cause of: Billing", CardNodes.ById(f, ActionForm.TitleId)!["value"]!.GetValue<string>()));
        Assert.Contains("1 signals will be linked.", CardNodes.VisibleText(forms[0]), StringComparison.Ordinal);
        var ids = forms.Select(f => AppHttp.Descendants(f).Select(o => o["actionId"]?.GetValue<string>()).OfType<string>().Distinct().Single()).ToList();
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task NewWithAnUnknownTopic_IsAnsweredWithTheUsage()
    {
        await _app.PostActivityAsync(SignalLifecycleFlow.Supervisor.Text("actions new topic nothing-like-it"));

        Assert.StartsWith("Type 'actions' for the open actions", _app.Connector.SentTo(SignalLifecycleFlow.Supervisor.PersonalConversationId)[^1].Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProposal_IsStoredOnce_ShownInert_AndItsOwnerIsTold()
    {
        var signal = await Flow.TriagedSignalAsync(SignalLifecycleFlow.Agent);
        var (body, actionId) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor, [signal.SignalId], ownerObjectId: SignalLifecycleFlow.OtherSupervisorAad);
        var (repeat, _) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor, [signal.SignalId], ownerObjectId: SignalLifecycleFlow.OtherSupervisorAad,
            actionId: actionId);

        var stored = await Flow.StoredAsync(actionId);
        Assert.Equal((ActionStatus.Proposed, "Stop <b>double</b> billing", SignalLifecycleFlow.OtherSupervisorAad),
            (stored.Status, stored.Details.Title, stored.Details.Owner.Person!.ObjectId));
        Assert.Equal([signal.SignalId], stored.SignalIds);
        var card = CardNodes.CardIn(body);
        Assert.Contains("Stop <b>double</b> billing", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Equal(CardNodes.VisibleText(card), ActionsFlow.Text(repeat));
        Assert.Contains(ActionCardAction.AgreeVerb, SignalLifecycleFlow.Verbs(card));
        var told = Assert.Single(_app.ProactiveMessages.Enqueued, m => m.ContentKind == ActionNews.Kind);
        Assert.Equal(SignalLifecycleFlow.OtherSupervisorAad, ((ToPerson)told.Target).Person.ObjectId);
        var sent = Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services), s => s.Message.ContentKind == ActionNews.Kind);
        Assert.Contains("The improvement action \"Stop <b>double</b> billing\" is yours", CardNodes.VisibleText(sent.Content.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLoop_BaselineFromTheReportingStore_SignalsMoveWithIt_AndEachAgentIsToldOncePerStep()
    {
        var today = DateOnly.FromDateTime(_app.Time.GetUtcNow().UtcDateTime);
        var raw = Enumerable.Range(1, 28).SelectMany(i => new[] { (today.AddDays(-i), 1 + (i % 5)), (today.AddDays(-i), 5) }).ToList();
        await Flow.SeedCsatAsync(raw.Append((today.AddDays(-29), 1)).Append((today, 1)));
        var first = await Flow.TriagedSignalAsync(SignalLifecycleFlow.Agent);
        var second = await Flow.TriagedSignalAsync(SignalLifecycleFlow.Agent);
        var other = await Flow.TriagedSignalAsync(SignalLifecycleFlow.OtherAgent);
        var untriaged = await Flow.Signals.ReportAsync(reporter: SignalLifecycleFlow.OtherAgent);
        var (_, actionId) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor, [first.SignalId, second.SignalId, other.SignalId, untriaged.SignalId]);

        var agreed = ActionsFlow.Text((await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.AgreeVerb, actionId)).Body);
        var afterAgree = await Task.WhenAll(new[] { first, second, other, untriaged }.Select(Flow.Signals.StoredAsync));
        var agreedNews = AgentNews(ActionNewsEvent.Agreed);
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.StartVerb, actionId);
        var done = ActionsFlow.Text((await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.DoneVerb, actionId,
            (ActionCard.OutcomeInputId, "Billing run fixed"))).Body);

        var stored = await Flow.StoredAsync(actionId);
        var expected = raw.Average(a => (double)a.Item2);
        Assert.Equal((expected, (long)raw.Count), (stored.Baseline!.Value, stored.Baseline.N));
        Assert.Equal((today.AddDays(-28), today.AddDays(-1)), (stored.Baseline.Period.From, stored.Baseline.Period.To));
        Assert.Contains($"Baseline: \n{expected.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("en-US"))} (n = {raw.Count}", agreed, StringComparison.Ordinal);
        Assert.Equal([SignalStatus.InAction, SignalStatus.InAction, SignalStatus.InAction, SignalStatus.New], afterAgree.Select(s => s.Status));
        var afterDone = await Task.WhenAll(new[] { first, second, other, untriaged }.Select(Flow.Signals.StoredAsync));
        Assert.Equal([SignalStatus.Closed, SignalStatus.Closed, SignalStatus.Closed, SignalStatus.New], afterDone.Select(s => s.Status));
        Assert.All(afterDone.Take(3), s => Assert.Equal("Billing run fixed", s.Outcome));
        Assert.Contains("Outcome: \nBilling run fixed", done, StringComparison.Ordinal);
        Assert.Equal(new[] { CxBotAppFactory.AgentAad, SignalLifecycleFlow.OtherAgentAad }.Order(), agreedNews.Order());
        Assert.Equal(new[] { CxBotAppFactory.AgentAad, SignalLifecycleFlow.OtherAgentAad }.Order(), AgentNews(ActionNewsEvent.Done).Order());
        // One message per agent and step: the signals' own news says nothing more than their triage.
        Assert.Equal(3, _app.ProactiveMessages.Enqueued.Count(m => m.ContentKind == App.Signals.Lifecycle.SignalNews.Kind));
        var texts = (await _app.ProactiveMessages.DeliverAsync(_app.Services)).Where(s => s.Message.ContentKind == ActionNews.Kind)
            .Select(s => CardNodes.VisibleText(s.Content.Card!)).ToList();
        Assert.Contains(texts, t => t.Contains("the improvement action \"Stop <b>double</b> billing\" was agreed", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Billing run fixed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADroppedAction_TellsNobody_AndLeavesItsSignalsAlone()
    {
        var signal = await Flow.TriagedSignalAsync(SignalLifecycleFlow.Agent);
        var (_, actionId) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor, [signal.SignalId]);
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.MessageVerb, actionId, (ActionCard.MessageInputId, "We fixed it."));

        var dropped = ActionsFlow.Text((await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.DropVerb, actionId, (ActionCard.ReasonInputId, "No budget"))).Body);
        var (_, refused) = await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.AgreeVerb, actionId);

        Assert.Equal(ActionStatus.Dropped, (await Flow.StoredAsync(actionId)).Status);
        Assert.Contains("dropped by Sam Supervisor (No budget)", dropped, StringComparison.Ordinal);
        Assert.Contains("The action is dropped; that move is not possible now.", ActionsFlow.Text(refused), StringComparison.Ordinal);
        Assert.Equal(SignalStatus.Triaged, (await Flow.Signals.StoredAsync(signal)).Status);
        Assert.DoesNotContain(_app.ProactiveMessages.Enqueued, m => m.ContentKind == ActionNews.Kind || m.Id.StartsWith("action-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoSupervisorsAgreeingAtOnce_OneWins_AndTheAgentIsToldOnce()
    {
        var signal = await Flow.TriagedSignalAsync(SignalLifecycleFlow.Agent);
        var (_, actionId) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor, [signal.SignalId]);

        var bodies = await Task.WhenAll(
            Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.AgreeVerb, actionId),
            Flow.ClickAsync(SignalLifecycleFlow.OtherSupervisor, ActionCardAction.AgreeVerb, actionId));

        var stored = await Flow.StoredAsync(actionId);
        Assert.Single(stored.History);
        Assert.Contains(bodies, b => ActionsFlow.Text(b.Body).Contains("changed this action meanwhile", StringComparison.Ordinal)
            || ActionsFlow.Text(b.Body).Contains("that move is not possible now", StringComparison.Ordinal));
        Assert.Equal([CxBotAppFactory.AgentAad], AgentNews(ActionNewsEvent.Agreed));
    }

    private List<string> AgentNews(ActionNewsEvent what) =>
        [.. _app.ProactiveMessages.Enqueued.Where(m => m.ContentKind == ActionNews.Kind && ActionNewsSubject.Parse(m.SubjectId)?.Event == what
            && m.Id.StartsWith("action-agent|", StringComparison.Ordinal)).Select(m => ((ToPerson)m.Target).Person.ObjectId!)];
}
