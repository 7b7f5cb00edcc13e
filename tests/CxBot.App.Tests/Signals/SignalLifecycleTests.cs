using CxBot.App.FollowUps;
using CxBot.App.Messaging;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Signals;

/// <summary>
/// Triage, start action and close on the signal card, the reporter told of each move in their chat, two supervisors at
/// once, the reporter's edit and withdraw while new, the role refusal and the follow-up from a signal.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class SignalLifecycleTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = SignalLifecycleFlow.NewApp(azurite);

    private SignalLifecycleFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EachMoveIsStoredShownAndToldToTheReportingAgent()
    {
        await Flow.AddTopicAsync("Billing", "Facturatie");
        var signal = await Flow.ReportAsync();

        var triaged = SignalLifecycleFlow.Text(await Flow.TriageAsync(SignalLifecycleFlow.Supervisor, signal, gap: "3"));
        var started = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.StartVerb, signal));
        var closed = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.CloseVerb, signal,
            (SignalCard.OutcomeInputId, "Refunded; the billing run was fixed.")));

        Assert.Contains("Triaged by Sam Supervisor on ", triaged, StringComparison.Ordinal);
        Assert.Contains("3 - Delivery gap", triaged, StringComparison.Ordinal);
        Assert.Contains("In action: Sam Supervisor since ", started, StringComparison.Ordinal);
        Assert.Contains("Closed by Sam Supervisor on ", closed, StringComparison.Ordinal);
        var stored = await Flow.StoredAsync(signal);
        Assert.Equal((SignalStatus.Closed, ServiceGap.Delivery, "reliability", "Refunded; the billing run was fixed."), (stored.Status, stored.Gap, stored.Driver, stored.Outcome));

        var news = _app.ProactiveMessages.Enqueued.Where(m => m.ContentKind == SignalNews.Kind).ToList();
        Assert.Equal(3, news.Count);
        Assert.All(news, m => Assert.Equal(new ToPerson(stored.Reporter, TeamsUser.TenantId, ChannelPurpose.Signals), m.Target));
        var texts = (await _app.ProactiveMessages.DeliverAsync(_app.Services)).Where(s => s.Message.ContentKind == SignalNews.Kind)
            .Select(s => CardNodes.VisibleText(s.Content.Card!)).ToList();
        Assert.Contains("Your signal about Billing was triaged by Sam Supervisor.", texts[0], StringComparison.Ordinal);
        Assert.Contains("Sam Supervisor started acting on your signal about Billing.", texts[1], StringComparison.Ordinal);
        Assert.Contains("Your signal about Billing was closed by Sam Supervisor.", texts[2], StringComparison.Ordinal);
        Assert.Contains("Refunded; the billing run was fixed.", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNewsIsInDutchForADutchReader()
    {
        await Flow.AddTopicAsync("Billing", "Facturatie");
        var signal = await Flow.ReportAsync();
        await Flow.TriageAsync(SignalLifecycleFlow.Supervisor, signal);

        var sent = Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services, BotCultureNl()), s => s.Message.ContentKind == SignalNews.Kind);

        Assert.Contains("Je signaal over Facturatie is beoordeeld door Sam Supervisor.", CardNodes.VisibleText(sent.Content.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoSupervisorsStartingAtOnce_OneWinsAndTheOtherSeesTheCurrentState()
    {
        for (var round = 0; round < 3; round++)
        {
            var signal = await Flow.ReportAsync();
            await Flow.TriageAsync(SignalLifecycleFlow.Supervisor, signal);

            var bodies = await Task.WhenAll(
                Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.StartVerb, signal),
                Flow.ClickAsync(SignalLifecycleFlow.OtherSupervisor, SignalMoveAction.StartVerb, signal));

            var stored = await Flow.StoredAsync(signal);
            Assert.Equal(SignalStatus.InAction, stored.Status);
            var texts = bodies.Select(SignalLifecycleFlow.Text).ToList();
            Assert.All(texts, t => Assert.Contains($"In action: {stored.ActionBy!.DisplayName} since ", t, StringComparison.Ordinal));
            Assert.Single(texts, t => t.Contains("Someone else changed this signal just now", StringComparison.Ordinal)
                || t.Contains("is already acting on it", StringComparison.Ordinal));
            Assert.Equal(3, stored.Version);
        }

        Assert.Equal(6, _app.ProactiveMessages.Enqueued.Count(m => m.ContentKind == SignalNews.Kind));
    }

    [Fact]
    public async Task AMoveOnAStaleCard_ShowsTheSignalAsItStands()
    {
        var signal = await Flow.ReportAsync();
        await Flow.TriageAsync(SignalLifecycleFlow.Supervisor, signal);
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.CloseVerb, signal, (SignalCard.OutcomeInputId, "Done."));

        var text = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.OtherSupervisor, SignalMoveAction.StartVerb, signal));

        Assert.Contains("This signal is closed or withdrawn.", text, StringComparison.Ordinal);
        Assert.Contains("Closed by Sam Supervisor on ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosingWithoutAnOutcome_IsRefused_AndAClosedSignalSaysSo()
    {
        var signal = await Flow.ReportAsync();
        var early = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.CloseVerb, signal));
        await Flow.TriageAsync(SignalLifecycleFlow.Supervisor, signal);

        var empty = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.CloseVerb, signal, (SignalCard.OutcomeInputId, "  ")));
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.CloseVerb, signal, (SignalCard.OutcomeInputId, "Done."));
        var again = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.OtherSupervisor, SignalMoveAction.CloseVerb, signal));

        Assert.Contains("Triage this signal first.", early, StringComparison.Ordinal);
        Assert.Contains("Describe the outcome (at most 2000 characters) before closing.", empty, StringComparison.Ordinal);
        Assert.Contains("This signal is closed or withdrawn.", again, StringComparison.Ordinal);
        Assert.Equal(("Done.", "Sam Supervisor"), ((await Flow.StoredAsync(signal)).Outcome, (await Flow.StoredAsync(signal)).ClosedBy?.DisplayName));
    }

    [Fact]
    public async Task TheReporterEditsAndWithdrawsWhileNew_OthersCannot()
    {
        await Flow.AddTopicAsync("Delivery", "Levering");
        var signal = await Flow.ReportAsync();

        var edited = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Agent, SignalMoveAction.EditVerb, signal,
            (SignalCard.DescriptionInputId, "  Charged three times, not twice. "), (SignalCard.SeverityInputId, "high"), (SignalCard.TopicInputId, "levering")));
        var byOther = await Flow.ClickAsync(SignalLifecycleFlow.OtherAgent, SignalMoveAction.WithdrawVerb, signal);

        Assert.Contains("Charged three times, not twice.", edited, StringComparison.Ordinal);
        var stored = await Flow.StoredAsync(signal);
        Assert.Equal(("Charged three times, not twice.", SignalSeverity.High, "delivery"), (stored.Description, stored.Severity, stored.TopicKey));
        Assert.Equal("You can open only the signals you logged yourself. Ask a supervisor about others.", SignalLifecycleFlow.MessageOf(byOther));

        var withdrawn = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Agent, SignalMoveAction.WithdrawVerb, signal));
        Assert.Contains("Withdrawn by its reporter on ", withdrawn, StringComparison.Ordinal);
        Assert.Equal(SignalStatus.Withdrawn, (await Flow.StoredAsync(signal)).Status);
    }

    [Fact]
    public async Task OnceTriaged_TheReporterCanNoLongerEditOrWithdraw()
    {
        var signal = await Flow.ReportAsync();
        await Flow.TriageAsync(SignalLifecycleFlow.Supervisor, signal);

        var withdraw = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Agent, SignalMoveAction.WithdrawVerb, signal));
        var edit = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Agent, SignalMoveAction.EditVerb, signal,
            (SignalCard.DescriptionInputId, "Changed."), (SignalCard.TopicInputId, "billing")));

        Assert.Contains("This signal was triaged already and can no longer be changed or withdrawn.", withdraw, StringComparison.Ordinal);
        Assert.Contains("This signal was triaged already", edit, StringComparison.Ordinal);
        var stored = await Flow.StoredAsync(signal);
        Assert.Equal((SignalStatus.Triaged, "Customer was charged twice."), (stored.Status, stored.Description));
    }

    [Fact]
    public async Task TheReportersCardOffersEditAndWithdraw_ASupervisorsTheMoves()
    {
        var signal = await Flow.ReportAsync(kind: SignalKind.ChurnRisk, customerReference: "C-1042");

        var mine = CardNodes.CardIn(await Flow.ClickAsync(SignalLifecycleFlow.Agent, SignalMoveAction.OpenVerb, signal));
        var supervisors = CardNodes.CardIn(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.OpenVerb, signal));

        Assert.Equal([SignalMoveAction.EditVerb, SignalMoveAction.WithdrawVerb], SignalLifecycleFlow.Verbs(mine).Order());
        Assert.Equal([SignalMoveAction.FollowUpVerb, SignalMoveAction.TriageVerb], SignalLifecycleFlow.Verbs(supervisors).Order());
    }

    [Fact]
    public async Task AnAgentCannotTriage_AndIsToldWhomToAsk()
    {
        var signal = await Flow.ReportAsync();

        var body = await Flow.TriageAsync(SignalLifecycleFlow.Agent, signal);

        Assert.Equal(403, body["statusCode"]!.GetValue<int>());
        Assert.Contains("Ask your contact-center administrator", body["value"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(SignalStatus.New, (await Flow.StoredAsync(signal)).Status);
    }

    [Fact]
    public async Task ASignalOfAnotherTenantIsNotShownNorMoved()
    {
        var signal = await Flow.ReportAsync(tenantId: "0b6d5f1e-2a3c-4d5e-8f90-1a2b3c4d5e6f");

        var body = await Flow.TriageAsync(SignalLifecycleFlow.Supervisor, signal);

        Assert.Equal("This signal no longer exists or is not yours to see.", SignalLifecycleFlow.MessageOf(body));
        Assert.Equal(SignalStatus.New, (await Flow.StoredAsync(signal)).Status);
    }

    [Fact]
    public async Task ASupervisorOpensAFollowUpFromAComplaintNamingACustomer_Once()
    {
        var signal = await Flow.ReportAsync(customerReference: "C-1042", description: "Wants to cancel after the double charge.");

        var first = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.FollowUpVerb, signal));
        var second = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.OtherSupervisor, SignalMoveAction.FollowUpVerb, signal));

        Assert.Contains("A follow-up was opened for this customer", first, StringComparison.Ordinal);
        Assert.Contains("This signal already has a follow-up.", second, StringComparison.Ordinal);
        var followUp = await _app.Services.GetRequiredService<IFollowUps>().GetAsync(SignalFollowUps.FollowUpIdOf(signal.SignalId), CancellationToken.None);
        Assert.NotNull(followUp);
        Assert.Equal((FollowUpSource.Signal(signal.SignalId), "C-1042", TeamsUser.TenantId),
            (followUp.Source, followUp.ContactId, followUp.TenantId));
        Assert.Equal("Wants to cancel after the double charge.", await _app.Services.GetRequiredService<FollowUpComments>().OfAsync(followUp, CancellationToken.None));
        var card = Assert.Single(_app.ProactiveMessages.Enqueued, m => m.ContentKind == FollowUpService.CardKind);
        Assert.Equal(new ToChannel(TeamsUser.TenantId, ChannelPurpose.FollowUps, ""), card.Target);
    }

    [Fact]
    public async Task NoFollowUpFromACompliment()
    {
        var signal = await Flow.ReportAsync(kind: SignalKind.Compliment, customerReference: "C-1042");

        var text = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.FollowUpVerb, signal));

        Assert.Contains("A follow-up can be opened from a complaint or churn risk that names a customer.", text, StringComparison.Ordinal);
        Assert.Null(await _app.Services.GetRequiredService<IFollowUps>().GetAsync(SignalFollowUps.FollowUpIdOf(signal.SignalId), CancellationToken.None));
    }

    [Fact]
    public async Task ADescriptionWithMarkdownAndBracesStaysText()
    {
        var signal = await Flow.ReportAsync(description: "**Urgent** [click](https://evil.example) ${name} {{x}}");

        var card = CardNodes.CardIn(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.OpenVerb, signal));

        var run = AppHttp.Descendants(card).First(o => o["type"]?.GetValue<string>() == "TextRun" && o["text"]!.GetValue<string>().Contains("Urgent", StringComparison.Ordinal));
        Assert.DoesNotContain(AppHttp.Descendants(card), o => o["type"]?.GetValue<string>() == "TextBlock" && o["text"]!.GetValue<string>().Contains("Urgent", StringComparison.Ordinal));
        Assert.Contains("**Urgent**", run["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static System.Globalization.CultureInfo BotCultureNl() => System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
}
