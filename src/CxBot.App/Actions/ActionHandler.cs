using CxBot.App.Actions.Cards;
using CxBot.App.Channels;
using CxBot.App.Routing;
using CxBot.App.Signals;
using CxBot.Domain;
using CxBot.Domain.Actions;
using CxBot.Domain.Messaging;
using CxBot.Domain.People;

namespace CxBot.App.Actions;

/// <summary>
/// The action card's moves. A move reads the stored action, applies one guarded method and writes it only if nobody
/// changed it meanwhile (ETag): of two supervisors acting at once one wins and the other sees the action as it now
/// stands with a banner. After a stored move its consequences follow: agreed moves the linked signals to "in action" and
/// tells their agents; done closes them with the outcome, tells the agents and sends the confirmed customer message.
/// </summary>
public sealed partial class ActionHandler(
    IImprovementActions actions,
    ActionEffects effects,
    ActionSignals signals,
    ActionNews news,
    TenantRule tenants,
    ILogger<ActionHandler> logger)
{
    /// <summary>Shows the action's card.</summary>
    public Task OpenAsync(TurnContext turn, CancellationToken cancellationToken) =>
        RunAsync(turn, (_, _) => Task.FromResult<string?>(null), changes: false, cancellationToken);

    /// <summary>Proposed -> agreed, the baseline measured now from the reporting store.</summary>
    public Task AgreeAsync(TurnContext turn, CancellationToken cancellationToken) =>
        RunAsync(turn, async (action, actor) =>
        {
            if (action.Status != ActionStatus.Proposed)
            {
                throw new DomainConflictException(ConflictReason.ActionNotAllowed, "Only a proposed action is agreed.");
            }

            action.Agree(actor, turn.ReceivedAt, await effects.BaselineAsync(action, turn.ReceivedAt, cancellationToken).ConfigureAwait(false));
            return null;
        }, changes: true, cancellationToken);

    /// <summary>Agreed -> in progress.</summary>
    public Task StartAsync(TurnContext turn, CancellationToken cancellationToken) =>
        RunAsync(turn, (action, actor) =>
        {
            action.Start(actor, turn.ReceivedAt);
            return Task.FromResult<string?>(null);
        }, changes: true, cancellationToken);

    /// <summary>Agreed or in progress -> done, with the outcome.</summary>
    public Task DoneAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var outcome = turn.CardAction!.GetString(ActionCard.OutcomeInputId)?.Trim();
        return RunAsync(turn, (action, actor) =>
        {
            if (outcome is null || outcome.Length > ImprovementAction.MaxNoteLength)
            {
                return Task.FromResult<string?>(ActionCard.Strings.Format("Problem.Outcome", turn.Culture, ImprovementAction.MaxNoteLength));
            }

            action.Complete(actor, turn.ReceivedAt, outcome);
            return Task.FromResult<string?>(null);
        }, changes: true, cancellationToken);
    }

    /// <summary>Open -> dropped, with an optional reason. Nobody is told.</summary>
    public Task DropAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var reason = turn.CardAction!.GetString(ActionCard.ReasonInputId)?.Trim();
        return RunAsync(turn, (action, actor) =>
        {
            if (reason is { Length: > ImprovementAction.MaxNoteLength })
            {
                return Task.FromResult<string?>(ActionCard.Strings.Format("Problem.Outcome", turn.Culture, ImprovementAction.MaxNoteLength));
            }

            action.Drop(actor, turn.ReceivedAt, reason);
            return Task.FromResult<string?>(null);
        }, changes: true, cancellationToken);
    }

    /// <summary>A supervisor writes and confirms the message for consenting customers.</summary>
    public Task ConfirmMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = turn.CardAction!.GetString(ActionCard.MessageInputId)?.Trim();
        return RunAsync(turn, (action, actor) =>
        {
            if (text is null || text.Length > CustomerMessage.MaxLength)
            {
                return Task.FromResult<string?>(ActionCard.Strings.Format("Problem.Message", turn.Culture, CustomerMessage.MaxLength));
            }

            action.ConfirmCustomerMessage(text, actor, turn.ReceivedAt);
            return Task.FromResult<string?>(null);
        }, changes: true, cancellationToken);
    }

    /// <summary>Shows the action's card as it is stored, with <paramref name="banner"/>.</summary>
    public Task ShowAsync(TurnContext turn, ImprovementAction action, string? banner, CancellationToken cancellationToken) =>
        turn.CardAction is null
            ? turn.SendCardAsync(Card(action, turn, banner), cancellationToken)
            : turn.ReplaceCardAsync(Card(action, turn, banner), cancellationToken, sendIfEditFails: false);

    /// <summary>What follows a stored move: the linked signals move and people are told.</summary>
    public async Task FollowUpAsync(ImprovementAction action, ActionStatus before, PersonRef actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (before == action.Status)
        {
            // The customer message confirmed on a done action goes out now; on an open one it waits for done.
            await news.TellCustomersAsync(action, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (action.Status)
        {
            case ActionStatus.Agreed:
                await signals.StartAsync(action, actor, at, cancellationToken).ConfigureAwait(false);
                await news.TellAgentsAsync(action, ActionNewsEvent.Agreed, await signals.LinkedAsync(action, cancellationToken).ConfigureAwait(false), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case ActionStatus.Done:
                await signals.CloseAsync(action, actor, at, cancellationToken).ConfigureAwait(false);
                await news.TellAgentsAsync(action, ActionNewsEvent.Done, await signals.LinkedAsync(action, cancellationToken).ConfigureAwait(false), cancellationToken)
                    .ConfigureAwait(false);
                await news.TellCustomersAsync(action, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task RunAsync(TurnContext turn, Func<ImprovementAction, PersonRef, Task<string?>> change, bool changes, CancellationToken cancellationToken)
    {
        if (!ActionCardAction.TryRead(turn.CardAction!.Data, out var request))
        {
            await turn.AnswerActionWithTextAsync(ActionCard.Strings.Get("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var actor = Actor(turn);
        var action = await actions.GetAsync(request.ActionId, cancellationToken).ConfigureAwait(false);
        // Another tenant's action does not exist for this person: not shown, not changed.
        if (action is null || !tenants.Allows(action.TenantId, turn.Activity))
        {
            await turn.AnswerActionWithTextAsync(ActionCard.Strings.Get("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var before = action.Status;
        string? banner;
        try
        {
            banner = await change(action, actor).ConfigureAwait(false);
        }
        catch (DomainConflictException ex)
        {
            LogRefused(logger, action.ActionId, request.Verb, ex.Reason, actor.ObjectId);
            banner = ActionCard.Strings.Format("Banner.NotAllowed", turn.Culture, ActionCard.StatusName(action.Status, turn.Culture));
        }
        catch (ArgumentException)
        {
            banner = ActionCard.Strings.Get("Banner.Invalid", turn.Culture);
        }

        if (!changes || banner is not null)
        {
            var current = await actions.GetAsync(action.ActionId, cancellationToken).ConfigureAwait(false) ?? action;
            await ShowAsync(turn, current, banner, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (CardOf(turn) is { } card)
        {
            action.RecordCard(card);
        }

        try
        {
            await actions.UpdateAsync(action, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainConflictException ex) when (ex.Reason == ConflictReason.Concurrency)
        {
            LogLostRace(logger, action.ActionId, request.Verb, actor.ObjectId);
            var current = await actions.GetAsync(action.ActionId, cancellationToken).ConfigureAwait(false) ?? action;
            await ShowAsync(turn, current, ActionCard.Strings.Get("Banner.ChangedMeanwhile", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        LogChanged(logger, action.ActionId, request.Verb, action.Status, actor.ObjectId);
        await ShowAsync(turn, action, null, cancellationToken).ConfigureAwait(false);
        try
        {
            await FollowUpAsync(action, before, actor, turn.ReceivedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The move is stored and shown; what follows it is logged rather than the move undone.
            LogFollowUpFailed(logger, action.ActionId, ex);
        }
    }

    private static System.Text.Json.Nodes.JsonObject Card(ImprovementAction action, TurnContext turn, string? banner) =>
        CxBot.Cards.CardJson.ToJsonObject(ActionCard.Build(action, canAct: turn.Role >= UserRole.Supervisor, turn.Culture, banner));

    /// <summary>The message holding the card the turn's button was on (edited in place later), when the channel names it.</summary>
    internal static PostedMessage? CardOf(TurnContext turn) =>
        turn.CardAction is not null && turn.Activity is { ReplyToId.Length: > 0, ServiceUrl.Length: > 0, Conversation.Id.Length: > 0 } activity
            ? new PostedMessage(activity.ChannelId ?? "msteams", activity.ServiceUrl, activity.Conversation.Id, activity.ReplyToId, TenantRule.TenantOf(activity))
            : null;

    /// <summary>The person acting in the turn.</summary>
    internal static PersonRef Actor(TurnContext turn) => SignalPeople.Acting(turn, unnamed: ActionCard.Strings.Get("Someone", turn.Culture));

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {ActionId}: {Verb} refused ({Reason}) for {ActorId}")]
    private static partial void LogRefused(ILogger logger, string actionId, string verb, ConflictReason reason, string? actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {ActionId}: {Verb} lost a race for {ActorId}; shown as it stands")]
    private static partial void LogLostRace(ILogger logger, string actionId, string verb, string? actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {ActionId}: {Verb}, now {Status} ({ActorId})")]
    private static partial void LogChanged(ILogger logger, string actionId, string verb, ActionStatus status, string? actorId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Action {ActionId} moved, but its signals or notices did not all follow")]
    private static partial void LogFollowUpFailed(ILogger logger, string actionId, Exception exception);
}
