using CxBot.App.Channels;
using CxBot.App.Messaging;
using CxBot.App.Routing;
using CxBot.App.Signals;
using CxBot.Domain.Channels;
using CxBot.Domain.Learnings;
using CxBot.Domain.Signals;

namespace CxBot.App.Learnings;

/// <summary>
/// A supervisor publishes a learning from a closed signal: "publish a learning" on the signal's card opens the form,
/// and its "publish" stores the learning under the id the form chose (a retried or redelivered submit finds it stored
/// and changes nothing) and queues it once for the tenant's learnings channel (the outbox's fixed message id makes
/// every instance's queuing one post). Without a learnings channel it is stored and not posted.
/// </summary>
public sealed partial class LearningPublishHandler(
    ISignalStore signals,
    SignalTopics topics,
    ILearningStore learnings,
    LearningIndexCache index,
    ChannelResolver channels,
    IProactiveMessages messages,
    TenantRule tenants,
    ILogger<LearningPublishHandler> logger)
{
    /// <summary>Opens the form, prefilled from the signal.</summary>
    public async Task FormAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!LearningFormAction.TryRead(turn.CardAction!.Data, out var action))
        {
            await SayAsync(turn, "Publish.Missing", cancellationToken).ConfigureAwait(false);
            return;
        }

        var signal = await ClosedSignalAsync(turn, action.SignalId, cancellationToken).ConfigureAwait(false);
        if (signal is null)
        {
            return;
        }

        var catalog = await topics.CatalogAsync(signal.TenantId, cancellationToken).ConfigureAwait(false);
        await turn.ReplaceCardAsync(LearningForm.Build(signal, catalog, LearningForm.NewLearningId(), turn.Culture), cancellationToken, sendIfEditFails: false)
            .ConfigureAwait(false);
    }

    /// <summary>Publishes the form's learning.</summary>
    public async Task PublishAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var data = turn.CardAction!;
        if (!LearningPublishAction.TryRead(data.Data, out var action))
        {
            await SayAsync(turn, "Publish.Missing", cancellationToken).ConfigureAwait(false);
            return;
        }

        var signal = await ClosedSignalAsync(turn, action.SignalId, cancellationToken).ConfigureAwait(false);
        if (signal is null)
        {
            return;
        }

        var catalog = await topics.CatalogAsync(signal.TenantId, cancellationToken).ConfigureAwait(false);
        var topicInput = data.GetString(LearningForm.TopicInputId);
        var topicKey = topicInput is null ? null
            : catalog.Find(topicInput)?.Key ?? (TopicKey.Normalize(topicInput) == signal.TopicKey ? signal.TopicKey : null);
        var learning = new Learning
        {
            LearningId = action.LearningId,
            TenantId = tenants.OwnerOf(signal.TenantId),
            Problem = data.GetString(LearningForm.ProblemInputId)?.Trim() ?? "",
            Answer = data.GetString(LearningForm.AnswerInputId)?.Trim() ?? "",
            Driver = data.GetString(LearningForm.DriverInputId)?.Trim().ToLowerInvariant() ?? "",
            TopicKey = topicKey ?? "",
            Source = new LearningSource(LearningSourceKind.Signal, signal.SignalId),
            Language = data.GetString(LearningForm.LanguageInputId)?.Trim().ToLowerInvariant() ?? "",
            PublishedBy = SignalPeople.Acting(turn),
            PublishedAt = turn.ReceivedAt,
        };
        if (learning.Problems() is { } problem)
        {
            await SayAsync(turn, "Publish.Invalid." + problem, cancellationToken, problem switch
            {
                LearningProblem.Problem => Learning.MaxProblemLength,
                LearningProblem.Answer => Learning.MaxAnswerLength,
                _ => null,
            }).ConfigureAwait(false);
            return;
        }

        var (stored, added) = await learnings.AddOrGetAsync(learning, cancellationToken).ConfigureAwait(false);
        if (stored.Source != learning.Source || !string.Equals(stored.TenantId, learning.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            // An id taken by another signal's learning: never show or touch that one from here.
            LogIdTaken(logger, learning.LearningId, signal.SignalId);
            await SayAsync(turn, "Publish.Invalid.Id", cancellationToken).ConfigureAwait(false);
            return;
        }

        index.Apply(stored);
        var queue = signal.Contact?.Queue;
        var channel = stored.TenantId is null ? null
            : await channels.ResolveAsync(stored.TenantId, ChannelPurpose.Learnings, queue, cancellationToken).ConfigureAwait(false);
        if (channel is not null)
        {
            // Queued on every attempt (the first may have stopped right after storing); the fixed id posts it once.
            await messages.EnqueueAsync(new ProactiveMessage(MessageId(stored.LearningId), new ToChannel(stored.TenantId!, ChannelPurpose.Learnings, queue),
                ContentKind: LearningChannelContent.Kind, SubjectId: stored.LearningId), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        LogPublished(logger, stored.LearningId, signal.SignalId, added, channel is not null);
        var banner = LearningCard.Strings.Get(!added ? "Publish.Already" : channel is null ? "Publish.NoChannel" : "Publish.Posted", turn.Culture);
        await turn.ReplaceCardAsync(LearningCard.Build(stored, catalog, turn.Culture, banner: banner), cancellationToken, sendIfEditFails: false)
            .ConfigureAwait(false);
    }

    /// <summary>The outbox id of a learning's post in the learnings channel.</summary>
    public static string MessageId(string learningId) => "learning|" + learningId;

    private async Task<Signal?> ClosedSignalAsync(TurnContext turn, string signalId, CancellationToken cancellationToken)
    {
        var signal = await signals.GetAsync(signalId, cancellationToken).ConfigureAwait(false);
        // Another tenant's signal does not exist for this supervisor (docs/tenancy.md).
        if (signal is null || !tenants.Allows(signal.TenantId, turn.Activity))
        {
            await SayAsync(turn, "Publish.Missing", cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (signal.Status != SignalStatus.Closed)
        {
            await SayAsync(turn, "Publish.NotClosed", cancellationToken).ConfigureAwait(false);
            return null;
        }

        return signal;
    }

    private static Task SayAsync(TurnContext turn, string key, CancellationToken cancellationToken, params object?[] args) =>
        turn.AnswerActionWithTextAsync(LearningCard.Strings.Format(key, turn.Culture, args), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Learning {LearningId} from signal {SignalId}: stored now {Added}, for a channel {Channel}")]
    private static partial void LogPublished(ILogger logger, string learningId, string signalId, bool added, bool channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Learning id {LearningId} is taken by another record; publish from signal {SignalId} refused")]
    private static partial void LogIdTaken(ILogger logger, string learningId, string signalId);
}
