using CxBot.App.Messaging;
using CxBot.Domain.Channels;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals.Alerts;

/// <summary>
/// Follows every count-moving change (<see cref="ISignalChangeObserver"/>, called by <see cref="SignalRecorder"/> after
/// the write won): a signal that is or becomes high severity is posted to the signals channel once, and the topics a
/// change adds to or takes from (report, triage reclassification, edit, withdrawal, merge) are evaluated for a recurring problem.
/// </summary>
public sealed class SignalAlertObserver(IProactiveMessages messages, ISignalAlerts alerts, RecurringProblemEvaluator recurring) : ISignalChangeObserver
{
    /// <summary>Content kind of the high-severity alert (<see cref="HighSeverityContent"/>).</summary>
    public const string HighSeverityKind = "signal-high";

    /// <inheritdoc />
    public async Task OnSignalChangedAsync(SignalChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == SignalChangeKind.Reported)
        {
            await alerts.NoteTenantAsync(change.TenantId, cancellationToken).ConfigureAwait(false);
        }

        var becameHigh = change.After.Severity == SignalSeverity.High && change.After.Counted
            && change.Kind is SignalChangeKind.Reported or SignalChangeKind.Edited && change.Before?.Severity != SignalSeverity.High;
        if (becameHigh && change.TenantId is { } tenantId)
        {
            await messages.EnqueueAsync(new ProactiveMessage($"{HighSeverityKind}|{change.SignalId}", new ToChannel(tenantId, ChannelPurpose.Signals, change.After.Queue),
                ContentKind: HighSeverityKind, SubjectId: change.SignalId), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        if (!change.MovesCounts)
        {
            return;
        }

        var topics = new[] { change.Before?.TopicKey, change.After.TopicKey }.OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            await recurring.EvaluateAsync(change.TenantId, topic, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task OnTopicMergedAsync(TopicMerge merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return recurring.EvaluateAsync(merge.TenantId, merge.IntoKey, cancellationToken);
    }
}
