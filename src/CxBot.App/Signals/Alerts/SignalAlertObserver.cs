using CxBot.App.Messaging;
using CxBot.Domain.Channels;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals.Alerts;

/// <summary>
/// Follows every count-moving change (<see cref="ISignalChangeObserver"/>, called by <see cref="SignalRecorder"/> after
/// the write won): a signal that is or becomes high severity is posted to the signals channel once, and the topics a
/// change adds to or takes from (report, triage reclassification, edit, withdrawal, merge) get a recurring-problem check
/// queued (<see cref="RecurringProblemCheck"/>): the check reads the topic's list entries off the request path.
/// </summary>
public sealed class SignalAlertObserver(IProactiveMessages messages, ISignalAlerts alerts, RecurringProblemCheck recurring) : ISignalChangeObserver
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
            await recurring.EnqueueAsync(change.TenantId, topic, change.SignalId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task OnTopicMergedAsync(TopicMerge merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return recurring.EnqueueAsync(merge.TenantId, merge.IntoKey, "merge-" + merge.FromKey, cancellationToken);
    }
}
