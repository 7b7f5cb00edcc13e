using CxBot.App.FollowUps.Cards;
using CxBot.App.Routing;
using CxBot.Domain;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;

namespace CxBot.App.FollowUps;

/// <summary>
/// Claim and Resolve on a follow-up card. The stored follow-up is read, changed by its guarded methods and written
/// back only if nobody changed it meanwhile (ETag); a lost race is re-read, so a second claimer sees the owner.
/// </summary>
public sealed partial class FollowUpActionHandler(
    IFollowUps followUps,
    FollowUpService service,
    FollowUpCardFactory cards,
    ILogger<FollowUpActionHandler> logger)
{
    // A second copy of a follow-up card would be a second set of live buttons: a failed edit is not re-sent.
    /// <summary>Claim.</summary>
    public Task ClaimAsync(TurnContext turn, CancellationToken cancellationToken) =>
        ChangeAsync(turn, resolving: false, (followUp, actor) => followUp.Claim(actor, turn.ReceivedAt), cancellationToken);

    /// <summary>Resolve with a note.</summary>
    public Task ResolveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var note = turn.CardAction!.GetString(FollowUpCard.NoteInputId)?.Trim();
        return ChangeAsync(turn, resolving: true, (followUp, actor) => followUp.Resolve(actor, note ?? string.Empty, turn.ReceivedAt), cancellationToken, note);
    }

    private async Task ChangeAsync(TurnContext turn, bool resolving, Action<FollowUp, PersonRef> change, CancellationToken cancellationToken, string? note = null)
    {
        if (!FollowUpAction.TryRead(turn.CardAction!.Data, out var action))
        {
            await turn.AnswerActionWithTextAsync(FollowUpCardFactory.Text("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var from = turn.Activity.From;
        var actor = PersonRef.Staff(from?.AadObjectId ?? from?.Id ?? "unknown", string.IsNullOrWhiteSpace(from?.Name) ? FollowUpCardFactory.Text("Someone", turn.Culture) : from!.Name!);
        for (var attempt = 0; ; attempt++)
        {
            var followUp = await followUps.GetAsync(action.FollowUpId, cancellationToken).ConfigureAwait(false);
            if (followUp is null)
            {
                await turn.AnswerActionWithTextAsync(FollowUpCardFactory.Text("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
                return;
            }

            try
            {
                change(followUp, actor);
            }
            catch (DomainConflictException ex)
            {
                LogRefused(logger, followUp.FollowUpId, ex.Reason, actor.ObjectId);
                await turn.ReplaceCardAsync(cards.Build(followUp, turn.Culture, FollowUpCardFactory.RefusalBanner(ex.Reason, resolving, followUp, turn.Culture)), cancellationToken, sendIfEditFails: false).ConfigureAwait(false);
                return;
            }
            catch (ArgumentException)
            {
                await turn.ReplaceCardAsync(cards.Build(followUp, turn.Culture, FollowUpCardFactory.NoteBanner(note, followUp, turn.Culture)), cancellationToken, sendIfEditFails: false).ConfigureAwait(false);
                return;
            }

            try
            {
                await followUps.UpdateAsync(followUp, cancellationToken).ConfigureAwait(false);
            }
            catch (DomainConflictException) when (attempt < 3)
            {
                continue;
            }

            LogChanged(logger, followUp.FollowUpId, followUp.Status, actor.ObjectId);
            var card = cards.Build(followUp, turn.Culture, banner: null);
            await turn.ReplaceCardAsync(card, cancellationToken, sendIfEditFails: false).ConfigureAwait(false);
            if (turn.CardAction.IsInvoke)
            {
                // The invoke answer updates the clicker's view; the edit shows the new state to the whole channel.
                await service.RefreshCardAsync(followUp, turn.Activity.ServiceUrl!, card, cancellationToken).ConfigureAwait(false);
            }

            return;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up {FollowUpId}: {Reason} for {ActorId}")]
    private static partial void LogRefused(ILogger logger, string followUpId, ConflictReason reason, string? actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up {FollowUpId} is now {Status} ({ActorId})")]
    private static partial void LogChanged(ILogger logger, string followUpId, FollowUpStatus status, string? actorId);
}
