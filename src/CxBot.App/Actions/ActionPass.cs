using CxBot.App.Actions.Cards;
using CxBot.App.Messaging;
using CxBot.Cards;
using CxBot.Domain;
using CxBot.Domain.Actions;
using CxBot.Domain.Channels;
using CxBot.Domain.Messaging;
using CxBot.Domain.People;

namespace CxBot.App.Actions;

/// <summary>
/// One pass over every tenant's actions, run by the lease holder (<see cref="ActionScheduler"/>): the owner of each open
/// action past its due date is told once (fixed outbox id, and the ETag-guarded mark), and each done action whose
/// after-period has ended is evaluated: the same figure is read from the reporting store over the after-period, the
/// action marked evaluated with the numbers, and its card edited in place with the effect check (where a supervisor last moved it; else posted in the signals channel).
/// </summary>
public sealed partial class ActionPass(
    IImprovementActions actions,
    ActionEffects effects,
    ActionNews news,
    IProactiveMessages messages,
    TimeProvider time,
    ILogger<ActionPass> logger)
{
    /// <summary>Content kind of the evaluated action's card (<see cref="ActionCardContent"/>).</summary>
    public const string CardKind = "action-card";

    /// <summary>Who the history names for the effect check.</summary>
    public static readonly PersonRef EffectCheck = new("CxBot");

    private static readonly ActionStatus[] Open = [ActionStatus.Proposed, ActionStatus.Agreed, ActionStatus.InProgress];

    /// <summary>Runs once; returns how many owners were told and how many actions were evaluated.</summary>
    public async Task<(int Overdue, int Evaluated)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var overdue = 0;
        foreach (var status in Open)
        {
            await foreach (var action in actions.ListEveryTenantAsync(status, cancellationToken).ConfigureAwait(false))
            {
                if (await AnnounceOverdueAsync(action, now, cancellationToken).ConfigureAwait(false))
                {
                    overdue++;
                }
            }
        }

        var evaluated = 0;
        await foreach (var action in actions.ListEveryTenantAsync(ActionStatus.Done, cancellationToken).ConfigureAwait(false))
        {
            if (await EvaluateAsync(action, now, cancellationToken).ConfigureAwait(false))
            {
                evaluated++;
            }
        }

        return (overdue, evaluated);
    }

    private async Task<bool> AnnounceOverdueAsync(ImprovementAction action, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!action.IsOverdueAt(now))
        {
            return false;
        }

        // Queued before the mark is stored: if the write loses a race, the next pass queues the same id again, sent once.
        await news.TellOwnerAsync(action, ActionNewsEvent.Overdue, cancellationToken).ConfigureAwait(false);
        try
        {
            action.MarkOverdueAnnounced(now);
            await actions.UpdateAsync(action, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainConflictException)
        {
            return false;
        }

        LogOverdue(logger, action.ActionId);
        return true;
    }

    private async Task<bool> EvaluateAsync(ImprovementAction action, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (action.Baseline is not { } baseline || effects.AfterPeriod(action) is not { } after || !effects.IsAfterPeriodOver(action, now))
        {
            return false;
        }

        var measured = await effects.MeasureAsync(action, after, cancellationToken).ConfigureAwait(false);
        try
        {
            action.Evaluate(EffectCheck, now, new EffectResult(baseline, measured, action.Details.Effect.Change));
            await actions.UpdateAsync(action, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainConflictException)
        {
            return false;
        }

        // The card where a supervisor last moved it is edited in place; an action never moved from a card is posted in the signals channel.
        MessageTarget? target = action.Card is { } card ? new EditOf(card) : action.TenantId is { } tenantId ? new ToChannel(tenantId, ChannelPurpose.Signals) : null;
        if (target is not null)
        {
            await messages.EnqueueAsync(new ProactiveMessage("action-evaluated|" + action.ActionId, target, ContentKind: CardKind, SubjectId: action.ActionId),
                TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        LogEvaluated(logger, action.ActionId, action.Result?.Met);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {ActionId} passed its due date; its owner is told")]
    private static partial void LogOverdue(ILogger logger, string actionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {ActionId} evaluated; expected change met: {Met}")]
    private static partial void LogEvaluated(ILogger logger, string actionId, bool? met);
}

/// <summary>The action's card as stored when it is sent (the effect check's post in the signals channel).</summary>
public sealed class ActionCardContent(IImprovementActions actions) : IProactiveContent
{
    /// <inheritdoc />
    public string Kind => ActionPass.CardKind;

    /// <inheritdoc />
    public async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, System.Globalization.CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var action = message.SubjectId is null ? null : await actions.GetAsync(message.SubjectId, cancellationToken).ConfigureAwait(false);
        return action is null ? null : new ProactiveContent(null, CardJson.ToJsonObject(ActionCard.Build(action, canAct: true, culture)));
    }

    /// <inheritdoc />
    public Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;
}
