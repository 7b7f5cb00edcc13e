using CxBot.App.Actions;
using CxBot.App.Actions.Cards;
using CxBot.App.Messaging;
using CxBot.App.Tests.Signals;
using CxBot.App.Tests.Support;
using CxBot.Domain.Actions;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Actions;

/// <summary>
/// The customer message (only to call-backs the customer consented to, one per customer and action, never for a dropped
/// action), the overdue notice (once, also with two instances passing at once), and the effect check's numbers against
/// the raw answers they come from.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class ActionNoticeTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = ActionsFlow.NewApp(azurite, new Dictionary<string, string?>
    {
        ["Actions:MeasureDays"] = "7",
        ["Actions:SettlingDays"] = "3",
    });

    private ActionsFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheCustomerMessage_GoesOnceToEachConsentingCallBackCustomer_WhenDone_AndToNobodyElse()
    {
        var consenting = TestPeople.NewCustomer("nl-NL");
        var declined = TestPeople.NewCustomer();
        var followUps = new[]
        {
            await FollowUpAsync(consenting, callBack: true),
            await FollowUpAsync(consenting, callBack: true),
            await FollowUpAsync(declined, callBack: false),
        };
        var (_, actionId) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor, followUpIds: followUps);
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.MessageVerb, actionId, (ActionCard.MessageInputId, "We hebben het *opgelost*."));
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.AgreeVerb, actionId);
        var beforeDone = CustomerMessages().Count;

        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.DoneVerb, actionId, (ActionCard.OutcomeInputId, "Fixed"));

        Assert.Equal(0, beforeDone);
        var sent = Assert.Single(CustomerMessages());
        var target = (ToPerson)sent.Target;
        Assert.Equal((consenting.AadObjectId, true), (target.Person.ObjectId, target.ChatOnly));
        Assert.Equal($"action-customer|{actionId}|teams|{TeamsUser.TenantId}|{consenting.AadObjectId}".ToLowerInvariant(), sent.Id.ToLowerInvariant());
        Assert.Equal("We hebben het *opgelost*.", CardNodes.VisibleText(sent.Card!));
        Assert.Equal("nl-NL", sent.Locale);
    }

    [Fact]
    public async Task AnOpenActionPastItsDueDate_TellsItsOwnerOnce_EvenWithTwoInstancesPassingAtOnce()
    {
        var (_, actionId) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor, ownerObjectId: SignalLifecycleFlow.OtherSupervisorAad, dueDays: "2");
        Assert.Equal((0, 0), await Flow.Pass().RunOnceAsync(CancellationToken.None));

        _app.Time.Advance(TimeSpan.FromDays(4));
        var passes = await Task.WhenAll(Flow.Pass().RunOnceAsync(CancellationToken.None), Flow.Pass().RunOnceAsync(CancellationToken.None));
        var later = await Flow.Pass().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, passes.Sum(p => p.Overdue));
        Assert.Equal(0, later.Overdue);
        Assert.NotNull((await Flow.StoredAsync(actionId)).OverdueAnnouncedAt);
        var overdue = Assert.Single(_app.ProactiveMessages.Enqueued, m => ActionNewsSubject.Parse(m.SubjectId)?.Event == ActionNewsEvent.Overdue);
        Assert.Equal($"action-owner|{actionId}|Overdue", overdue.Id);
        var text = CardNodes.VisibleText(Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services), s => s.Message.Id == overdue.Id).Content.Card!);
        Assert.Contains("passed its due date", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEffectCheck_ComparesEqualPeriodsBeforeAndAfter_WithTheNumbersOfTheRawAnswers()
    {
        var agreedDay = DateOnly.FromDateTime(_app.Time.GetUtcNow().UtcDateTime);
        // Done two days after agreeing; the after-period starts three settling days later and lasts seven days, like the baseline.
        var doneDay = agreedDay.AddDays(2);
        var afterFrom = doneDay.AddDays(4);
        var random = new Random(14);
        var raw = Enumerable.Range(-10, 30).SelectMany(offset => Enumerable.Range(0, random.Next(0, 6))
            .Select(_ => (Day: agreedDay.AddDays(offset), Csat: random.Next(1, 6)))).ToList();
        // Answers in another queue count too: the expected effect is the CSAT of all contacts.
        await Flow.SeedCsatAsync(raw.Select(a => (a.Day, a.Csat, "billing")).Concat([(afterFrom, 5, "sales"), (afterFrom, 4, "sales")]));
        var (_, actionId) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor, ownerObjectId: SignalLifecycleFlow.OtherSupervisorAad);
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.AgreeVerb, actionId);
        _app.Time.Advance(TimeSpan.FromDays(2));
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.DoneVerb, actionId, (ActionCard.OutcomeInputId, "Fixed"));

        _app.Time.Advance(TimeSpan.FromDays(3 + 1 + 6));
        var early = await Flow.Pass().RunOnceAsync(CancellationToken.None);
        _app.Time.Advance(TimeSpan.FromDays(1));
        var due = await Flow.Pass().RunOnceAsync(CancellationToken.None);

        Assert.Equal((0, 1), (early.Evaluated, due.Evaluated));
        var action = await Flow.StoredAsync(actionId);
        Assert.Equal(ActionStatus.Evaluated, action.Status);
        var before = raw.Where(a => a.Day >= agreedDay.AddDays(-7) && a.Day <= agreedDay.AddDays(-1)).ToList();
        var after = raw.Where(a => a.Day >= afterFrom && a.Day <= afterFrom.AddDays(6)).Select(a => a.Csat)
            .Concat([5, 4]).ToList();
        Assert.Equal(((double)before.Sum(a => a.Csat) / before.Count, (long)before.Count), (action.Result!.Baseline.Value, action.Result.Baseline.N));
        Assert.Equal(((double)after.Sum() / after.Count, (long)after.Count), (action.Result.After.Value, action.Result.After.N));
        Assert.Equal((afterFrom, afterFrom.AddDays(6)), (action.Result.After.Period.From, action.Result.After.Period.To));
        Assert.Equal(action.Result.After.Value - action.Result.Baseline.Value, action.Result.Change);
        Assert.Equal(action.Result.Change >= 0.3, action.Result.Met);

        var posted = Assert.Single(_app.ProactiveMessages.Enqueued, m => m.ContentKind == ActionPass.CardKind);
        // The card the supervisor clicked Done on (their personal chat, message card-1) is edited in place.
        var edit = Assert.IsType<EditOf>(posted.Target);
        Assert.Equal((SignalLifecycleFlow.Supervisor.PersonalConversationId, "card-1"), (edit.Message.ConversationId, edit.Message.ActivityId));
        var card = CardNodes.VisibleText(Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services), s => s.Message.Id == posted.Id).Content.Card!);
        Assert.Contains("Effect check", card, StringComparison.Ordinal);
        Assert.Contains($"n = {after.Count}", card, StringComparison.Ordinal);
        Assert.Contains($"n = {before.Count}", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageConfirmedAfterDone_GoesOutThen_AndCannotBeReplaced()
    {
        var customer = TestPeople.NewCustomer();
        var followUp = await FollowUpAsync(customer, callBack: true);
        var (_, actionId) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor, followUpIds: [followUp]);
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.AgreeVerb, actionId);
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.DoneVerb, actionId, (ActionCard.OutcomeInputId, "Fixed"));
        Assert.Empty(CustomerMessages());

        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.MessageVerb, actionId, (ActionCard.MessageInputId, "It is fixed."));
        var (_, again) = await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.MessageVerb, actionId, (ActionCard.MessageInputId, "Another text."));

        Assert.Equal("It is fixed.", CardNodes.VisibleText(Assert.Single(CustomerMessages()).Card!));
        Assert.Contains("that move is not possible now", ActionsFlow.Text(again), StringComparison.Ordinal);
        Assert.Equal("It is fixed.", (await Flow.StoredAsync(actionId)).CustomerMessage!.Text);
    }

    [Fact]
    public async Task TwoInstancesCheckingTheEffectAtOnce_EvaluateOnce_AndPostOneCard()
    {
        using var second = ActionsFlow.NewApp(azurite, new Dictionary<string, string?>
        {
            ["Actions:MeasureDays"] = "7",
            ["Actions:SettlingDays"] = "3",
            ["Storage:TablePrefix"] = _app.TablePrefix,
        });
        second.Time.SetUtcNow(_app.Time.GetUtcNow());
        var (_, actionId) = await Flow.ProposeAsync(SignalLifecycleFlow.Supervisor);
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.AgreeVerb, actionId);
        await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, ActionCardAction.DoneVerb, actionId, (ActionCard.OutcomeInputId, "Fixed"));
        _app.Time.Advance(TimeSpan.FromDays(12));
        second.Time.Advance(TimeSpan.FromDays(12));

        var passes = await Task.WhenAll(Flow.Pass().RunOnceAsync(CancellationToken.None), new ActionsFlow(second).Pass().RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, passes.Sum(p => p.Evaluated));
        var action = await Flow.StoredAsync(actionId);
        Assert.Equal(ActionStatus.Evaluated, action.Status);
        Assert.Single(action.History, s => s.To == ActionStatus.Evaluated);
        Assert.Single(_app.ProactiveMessages.Enqueued.Concat(second.ProactiveMessages.Enqueued), m => m.ContentKind == ActionPass.CardKind);
    }

    private List<ProactiveMessage> CustomerMessages() =>
        [.. _app.ProactiveMessages.Enqueued.Where(m => m.Id.StartsWith("action-customer|", StringComparison.Ordinal))];

    private async Task<string> FollowUpAsync(TeamsUser customer, bool callBack)
    {
        var now = _app.Time.GetUtcNow();
        var survey = new Survey
        {
            SurveyId = Guid.NewGuid().ToString("N"),
            ContactId = Guid.NewGuid().ToString("N"),
            Customer = CustomerAddress.Teams(TeamsUser.TenantId, customer.AadObjectId),
            Agent = PersonRef.Agent("agent-7", "Alex Agent"),
            Queue = "billing",
            Channel = "chat",
            ContactEndedAt = now,
            Locale = customer.Locale,
            TenantId = TeamsUser.TenantId,
            DefinitionId = "default",
            DefinitionVersion = 1,
            ScheduledAt = now,
        };
        await _app.Services.GetRequiredService<ISurveys>().TryAddAsync(survey, CancellationToken.None);
        var followUp = new FollowUp
        {
            FollowUpId = survey.SurveyId,
            Source = FollowUpSource.SurveyResponse(survey.SurveyId),
            ContactId = survey.ContactId,
            Agent = survey.Agent,
            Queue = survey.Queue,
            TenantId = TeamsUser.TenantId,
            Reasons = FollowUpReasons.None,
            CallBack = callBack,
            CreatedAt = now,
            DueAt = now.AddDays(1),
        };
        await _app.Services.GetRequiredService<IFollowUps>().TryAddAsync(followUp, CancellationToken.None);
        return followUp.FollowUpId;
    }
}
