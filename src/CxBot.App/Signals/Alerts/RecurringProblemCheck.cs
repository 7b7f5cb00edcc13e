using System.Text.Json.Nodes;
using CxBot.App.Messaging;

namespace CxBot.App.Signals.Alerts;

/// <summary>
/// The recurring-problem check of one topic as outbox work: a capture or another count-moving change only queues it, and
/// the lease-holding dispatcher runs <see cref="RecurringProblemEvaluator"/> later, so no request reads the topic's list
/// entries. Running a check twice is harmless: the evaluation's decision is one ETag-guarded write of the topic's alert
/// state and the announcement's id is fixed per round.
/// </summary>
public sealed class RecurringProblemCheck(IOutbox outbox, RecurringProblemEvaluator recurring) : IOutboxHandler
{
    /// <summary>The outbox work kind.</summary>
    public const string WorkKind = "signal-recurring-check";

    private const string TenantField = "tenantId";
    private const string TopicField = "topicKey";

    /// <inheritdoc />
    public string Kind => WorkKind;

    /// <summary>Queues a check of <paramref name="topicKey"/>, caused by <paramref name="causeId"/> (for the work's id).</summary>
    public Task EnqueueAsync(string? tenantId, string topicKey, string causeId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicKey);
        var data = new JsonObject { [TenantField] = tenantId, [TopicField] = topicKey };
        return outbox.EnqueueAsync(new OutboxWork(WorkKind, $"{WorkKind}|{tenantId}|{topicKey}|{causeId}", data), TimeSpan.Zero, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<OutboxOutcome> HandleAsync(OutboxWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Data[TopicField]?.GetValue<string>() is not { Length: > 0 } topicKey)
        {
            return OutboxOutcome.Done;
        }

        var tenantId = work.Data[TenantField]?.GetValue<string>();
        await recurring.EvaluateAsync(tenantId, topicKey, cancellationToken).ConfigureAwait(false);
        return OutboxOutcome.Done;
    }
}
