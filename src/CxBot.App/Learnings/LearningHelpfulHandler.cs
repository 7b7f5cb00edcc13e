using CxBot.App.Channels;
using CxBot.App.Routing;
using CxBot.App.Signals;
using CxBot.Domain.Learnings;

namespace CxBot.App.Learnings;

/// <summary>
/// "Did this help?" on a result card: one answer per person per learning, which they may change; the counts on the
/// learning change in the same transaction as the answer, so they are exact across instances. The clicker's card is
/// replaced by the learning with its new counts.
/// </summary>
public sealed partial class LearningHelpfulHandler(
    ILearningStore learnings,
    LearningIndexCache index,
    SignalTopics topics,
    TenantRule tenants,
    ILogger<LearningHelpfulHandler> logger)
{
    /// <summary>Records the answer.</summary>
    public async Task AnswerAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!LearningHelpfulAction.TryRead(turn.CardAction!.Data, out var action))
        {
            await turn.AnswerActionWithTextAsync(LearningCard.Strings.Get("Publish.Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var learning = await learnings.GetAsync(action.LearningId, cancellationToken).ConfigureAwait(false);
        // Another tenant's learning does not exist for this person (docs/tenancy.md).
        if (learning is null || !tenants.Allows(learning.TenantId, turn.Activity))
        {
            await turn.AnswerActionWithTextAsync(LearningCard.Strings.Get("Publish.Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var voter = SignalPeople.Acting(turn).ObjectId!;
        var updated = await learnings.AnswerAsync(learning.LearningId, voter, action.Helpful, turn.ReceivedAt, cancellationToken).ConfigureAwait(false);
        if (updated is null)
        {
            await turn.AnswerActionWithTextAsync(LearningCard.Strings.Get("Publish.Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        index.Apply(updated);
        LogAnswered(logger, updated.LearningId, action.Helpful, updated.Counts.Helped, updated.Counts.NotHelped);
        var catalog = await topics.CatalogAsync(updated.TenantId, cancellationToken).ConfigureAwait(false);
        var banner = LearningCard.Strings.Get(action.Helpful ? "Card.Thanks.Yes" : "Card.Thanks.No", turn.Culture);
        await turn.ReplaceCardAsync(LearningCard.Build(updated, catalog, turn.Culture, banner: banner), cancellationToken, sendIfEditFails: false)
            .ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Learning {LearningId} answered helpful {Helpful}; now {Helped} yes, {NotHelped} no")]
    private static partial void LogAnswered(ILogger logger, string learningId, bool helpful, int helped, int notHelped);
}
