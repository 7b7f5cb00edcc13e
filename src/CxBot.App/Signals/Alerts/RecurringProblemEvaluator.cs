using CxBot.App.Messaging;
using CxBot.Domain.Channels;
using CxBot.Domain.Signals;
using Microsoft.Extensions.Options;

namespace CxBot.App.Signals.Alerts;

/// <summary>
/// Decides whether a topic is a recurring problem now and announces it in the signals channel when the condition has just
/// become true (or is true again after a whole window false). The counts are read from the tenant's lists by key range;
/// the decision is one conditional write of the topic's alert state, so of two instances evaluating at once only the one
/// whose write wins announces, and the announcement's id (topic and round) makes the outbox send it once.
/// </summary>
public sealed partial class RecurringProblemEvaluator(
    ISignalTopicCounts counts,
    ITopicStore topics,
    ISignalAlerts alerts,
    IProactiveMessages messages,
    IOptionsMonitor<SignalLifecycleOptions> options,
    TimeProvider time,
    ILogger<RecurringProblemEvaluator> logger)
{
    /// <summary>Content kind of the announcement (<see cref="RecurringProblemContent"/>).</summary>
    public const string Kind = "signal-recurring";

    private const int MaxAttempts = 5;

    /// <summary>Evaluates the topic <paramref name="topicKey"/> counts as; returns true when this call announced it.</summary>
    public async Task<bool> EvaluateAsync(string? tenantId, string topicKey, CancellationToken cancellationToken)
    {
        var catalog = new TopicCatalog(await topics.ListAsync(tenantId, cancellationToken).ConfigureAwait(false));
        var target = catalog.Resolve(topicKey)?.Key ?? topicKey;
        var rule = options.CurrentValue.Rule;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var entries = await counts.ListAsync(tenantId, catalog.KeysCountingAs(target), rule.CountFrom(now), now.AddTicks(1), cancellationToken).ConfigureAwait(false);
            var finding = rule.Evaluate(entries.Select(e => e.ReportedAt), now);
            var state = await alerts.GetRecurringAsync(tenantId, target, cancellationToken).ConfigureAwait(false);
            if (RecurringAlertState.Decide(state, tenantId, target, finding.IsRecurring, now, rule.Window) is not { } decision)
            {
                return false;
            }

            if (!await alerts.TrySaveRecurringAsync(decision.State, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (!decision.Announce)
            {
                return false;
            }

            LogRecurring(logger, target, finding.Count, finding.UsualRate, decision.State.Round);
            if (tenantId is not null)
            {
                await messages.EnqueueAsync(new ProactiveMessage(MessageId(tenantId, target, decision.State.Round), new ToChannel(tenantId, ChannelPurpose.Signals),
                    ContentKind: Kind, SubjectId: target), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        return false;
    }

    /// <summary>The announcement's id: one per tenant, topic and round.</summary>
    public static string MessageId(string tenantId, string topicKey, int round) => $"{Kind}|{tenantId}|{topicKey}|{round}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring problem {TopicKey}: {Count} signals, usually {UsualRate:0.##}; announced (round {Round})")]
    private static partial void LogRecurring(ILogger logger, string topicKey, int count, double usualRate, int round);
}
