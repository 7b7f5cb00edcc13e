using System.Globalization;
using CxBot.App.Channels;
using CxBot.App.FollowUps.Cards;
using CxBot.App.People;
using CxBot.App.Routing;
using CxBot.Domain;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;

namespace CxBot.App.FollowUps;

/// <summary>
/// Claim, Resolve, Release and Reassign on a follow-up card. The stored follow-up is read, changed by its guarded
/// methods and written back only if nobody changed it meanwhile (ETag); a lost race is re-read, so a second claimer
/// sees the owner. The clicker is answered inline; an edit of the posted card, queued in the outbox, shows the new
/// state to the whole channel.
/// </summary>
public sealed partial class FollowUpActionHandler(
    IFollowUps followUps,
    FollowUpService service,
    FollowUpCardFactory cards,
    IFollowUpAssignees assignees,
    StaffDirectory directory,
    TenantRule tenants,
    ILogger<FollowUpActionHandler> logger)
{
    private const int MaxAttempts = 4;

    /// <summary>Claim.</summary>
    public Task ClaimAsync(TurnContext turn, CancellationToken cancellationToken) =>
        ChangeAsync(turn, (followUp, actor) => Done(() => followUp.Claim(actor, turn.ReceivedAt)), cancellationToken);

    /// <summary>Release: the owner or a supervisor gives a claimed follow-up back.</summary>
    public Task ReleaseAsync(TurnContext turn, CancellationToken cancellationToken) =>
        ChangeAsync(turn, (followUp, actor) => Done(() => followUp.Release(actor, IsSupervisor(turn))), cancellationToken);

    /// <summary>Resolve with the structured resolution and a note.</summary>
    public Task ResolveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = turn.CardAction!;
        var note = action.GetString(FollowUpCard.NoteInputId);
        return ChangeAsync(turn, (followUp, actor) =>
        {
            FollowUpResolution resolution;
            try
            {
                resolution = FollowUpResolution.Create(
                    YesNo(action.GetString(FollowUpCard.ReachedInputId)),
                    Outcome(action.GetString(FollowUpCard.RecoveredInputId)),
                    action.GetString(FollowUpCard.DriverInputId),
                    action.GetString(FollowUpCard.TopicInputId),
                    note);
            }
            catch (ArgumentException ex) when (followUp.Status != FollowUpStatus.Resolved)
            {
                return Task.FromResult<string?>(FollowUpCardFactory.ResolutionBanner(ex.ParamName, note, followUp, turn.Culture));
            }
            catch (ArgumentException)
            {
                // Resolved meanwhile: say so rather than what was missing.
                throw new DomainConflictException(ConflictReason.AlreadyResolved, "The follow-up is resolved.");
            }

            followUp.Resolve(actor, resolution, turn.ReceivedAt);
            return Task.FromResult<string?>(null);
        }, cancellationToken);
    }

    /// <summary>Reassign: a supervisor hands the follow-up to someone on the list; the new owner is told.</summary>
    public Task ReassignAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var chosen = turn.CardAction!.GetString(FollowUpCard.AssigneeInputId)?.Trim();
        PersonRef? assignee = null;
        return ChangeAsync(turn, async (followUp, actor) =>
        {
            var candidates = await assignees.ListAsync(followUp.TenantId, cancellationToken).ConfigureAwait(false);
            assignee = candidates.FirstOrDefault(p => string.Equals(p.ObjectId, chosen, StringComparison.OrdinalIgnoreCase));
            if (assignee is null)
            {
                return FollowUpCard.Banner(FollowUpNotice.AssigneeUnknown, followUp, turn.Culture);
            }

            followUp.Reassign(actor, IsSupervisor(turn), assignee, turn.ReceivedAt);
            return null;
        }, cancellationToken, (followUp, change) => service.TellNewOwnerAsync(followUp, assignee!, change, cancellationToken));
    }

    /// <param name="turn">The click.</param>
    /// <param name="change">Changes the follow-up by a guarded method; returns a banner when the input was refused (nothing changed).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <param name="changed">What else to do once the change is stored, unless the owner stayed the same.</param>
    private async Task ChangeAsync(TurnContext turn, Func<FollowUp, PersonRef, Task<string?>> change, CancellationToken cancellationToken,
        Func<FollowUp, string, Task>? changed = null)
    {
        if (!FollowUpAction.TryRead(turn.CardAction!.Data, out var action))
        {
            await turn.AnswerActionWithTextAsync(FollowUpCardFactory.Text("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var actor = Actor(turn);
        for (var attempt = 1; ; attempt++)
        {
            var followUp = await followUps.GetAsync(action.FollowUpId, cancellationToken).ConfigureAwait(false);
            // Another tenant's follow-up does not exist for this person (docs/tenancy.md): not shown, not changed.
            if (followUp is null || !tenants.Allows(followUp.TenantId, turn.Activity))
            {
                if (followUp is not null)
                {
                    LogOtherTenant(logger, followUp.FollowUpId, actor.ObjectId);
                }

                await turn.AnswerActionWithTextAsync(FollowUpCardFactory.Text("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
                return;
            }

            if (directory.ResolveAgent(followUp.Agent).ObjectId is { } agentObjectId)
            {
                followUp.RecognizeAgent(agentObjectId);
            }

            var ownerBefore = followUp.Owner;
            string? refusal;
            try
            {
                refusal = await change(followUp, actor).ConfigureAwait(false);
            }
            catch (DomainConflictException ex)
            {
                LogRefused(logger, followUp.FollowUpId, action.Verb, ex.Reason, actor.ObjectId);
                refusal = FollowUpCardFactory.RefusalBanner(ex.Reason, action.Verb, followUp, turn.Culture);
            }

            if (refusal is not null)
            {
                await AnswerAsync(turn, followUp, refusal, cancellationToken).ConfigureAwait(false);
                return;
            }

            try
            {
                await followUps.UpdateAsync(followUp, cancellationToken).ConfigureAwait(false);
            }
            catch (DomainConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            LogChanged(logger, followUp.FollowUpId, action.Verb, followUp.Status, actor.ObjectId);
            await AnswerAsync(turn, followUp, banner: null, cancellationToken).ConfigureAwait(false);
            var changeId = action.Verb + "-" + turn.ReceivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
            try
            {
                await service.ShowChangeAsync(followUp, changeId, cancellationToken).ConfigureAwait(false);
                if (changed is not null && followUp.Owner is not null && !followUp.Owner.IsSamePerson(ownerBefore))
                {
                    await changed(followUp, changeId).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The change is stored and the clicker sees it; the channel's copy catches up with the next change.
                LogNotQueued(logger, followUp.FollowUpId, ex);
            }

            return;
        }
    }

    // A second copy of a follow-up card would be a second set of live buttons: a failed edit is not re-sent.
    private async Task AnswerAsync(TurnContext turn, FollowUp followUp, string? banner, CancellationToken cancellationToken) =>
        await turn.ReplaceCardAsync(await cards.BuildAsync(followUp, turn.Culture, banner, cancellationToken).ConfigureAwait(false),
            cancellationToken, sendIfEditFails: false).ConfigureAwait(false);

    private static PersonRef Actor(TurnContext turn)
    {
        var from = turn.Activity.From;
        return PersonRef.Staff(from?.AadObjectId ?? from?.Id ?? "unknown",
            string.IsNullOrWhiteSpace(from?.Name) ? FollowUpCardFactory.Text("Someone", turn.Culture) : from!.Name!);
    }

    private static bool IsSupervisor(TurnContext turn) => turn.Role >= UserRole.Supervisor;

    private static Task<string?> Done(Action change)
    {
        change();
        return Task.FromResult<string?>(null);
    }

    private static bool? YesNo(string? value) => value switch
    {
        FollowUpCard.Yes => true,
        FollowUpCard.No => false,
        _ => null,
    };

    private static RecoveryOutcome? Outcome(string? value) =>
        Enum.GetValues<RecoveryOutcome>().Select(o => (RecoveryOutcome?)o).FirstOrDefault(o => FollowUpCard.RecoveredValue(o!.Value) == value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} acted on from another tenant by {ActorId}; refused")]
    private static partial void LogOtherTenant(ILogger logger, string followUpId, string? actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up {FollowUpId}: {Verb} refused ({Reason}) for {ActorId}")]
    private static partial void LogRefused(ILogger logger, string followUpId, string verb, ConflictReason reason, string? actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up {FollowUpId}: {Verb}, now {Status} ({ActorId})")]
    private static partial void LogChanged(ILogger logger, string followUpId, string verb, FollowUpStatus status, string? actorId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} changed, but the channel's card edit was not queued")]
    private static partial void LogNotQueued(ILogger logger, string followUpId, Exception exception);
}
