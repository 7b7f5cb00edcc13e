using CxBot.App.Hosting;
using CxBot.App.Leases;
using CxBot.Domain;
using CxBot.Domain.Messaging;
using CxBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace CxBot.App.Messaging;

/// <summary>
/// The one dispatcher of the deployment: runs on the instance holding the <see cref="LeaseName"/> lease and hands
/// each outbox message to the <see cref="IOutboxHandler"/> of its kind. A message is deleted only after its handler
/// is done, and handed back (visible at once) when the dispatcher stops or loses the lease before its send. On a
/// graceful stop the send in hand is finished and the lease released; after a kill, the lease expires and what the
/// dead instance held becomes visible again after the visibility timeout.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxQueue queue,
    IEnumerable<IOutboxHandler> handlers,
    LeaseKeeper keeper,
    MessagePacer pacer,
    IOptionsMonitor<MessagingOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>The lease's name.</summary>
    public const string LeaseName = "outbox-dispatcher";

    /// <summary>Messages taken per receive.</summary>
    public const int BatchSize = 4;

    /// <summary>Longest one message may take (the connector's own retries fit in it).</summary>
    public static readonly TimeSpan PerMessageBudget = TimeSpan.FromMinutes(4);

    /// <summary>How long a message handed to a missing handler waits (a newer version of the app may know it).</summary>
    public static readonly TimeSpan UnknownKindDelay = TimeSpan.FromMinutes(5);

    /// <summary>The longest pause between reads of a queue that does not answer; the first is one poll interval
    /// (<c>Messaging:PollSeconds</c>), doubling per failed read.</summary>
    public static readonly TimeSpan QueueRetryCap = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        keeper.RunAsync(LeaseName, options.CurrentValue.Lease, DispatchWhileHeldAsync, stoppingToken);

    private async Task DispatchWhileHeldAsync(HeldLease lease, CancellationToken stoppingToken)
    {
        // The previous holder may have sent a moment ago: wait one pacing window before the first send.
        pacer.QuietStart();
        var outage = new OutageBackoff("Outbox dispatch", logger, TimeSpan.FromSeconds(options.CurrentValue.PollSeconds), QueueRetryCap);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(lease.Lost, stoppingToken);
        while (!abort.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            IReadOnlyList<OutboxEnvelope> batch;
            try
            {
                batch = await queue.ReceiveAsync(BatchSize, TimeSpan.FromSeconds(settings.VisibilitySeconds), abort.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                await PauseAsync(outage.Failed(ex), abort.Token).ConfigureAwait(false);
                continue;
            }

            outage.Succeeded();

            if (batch.Count == 0)
            {
                await PauseAsync(TimeSpan.FromSeconds(settings.PollSeconds), abort.Token).ConfigureAwait(false);
                continue;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (abort.IsCancellationRequested || !lease.IsValid)
                {
                    // Not started: hand the rest back at once, so the next holder need not wait out the hold.
                    await ReleaseUnstartedAsync(batch.Skip(i)).ConfigureAwait(false);
                    return;
                }

                try
                {
                    await ProcessAsync(batch[i], () => lease.IsValid, abort.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The store failed around the message (its delete or hand-back): it reappears after the visibility timeout.
                    LogNotSettled(logger, batch[i].MessageId, ex.Message);
                }
            }
        }
    }

    /// <summary>Handles one message to the end (tests call this without a lease).</summary>
    public Task ProcessAsync(OutboxEnvelope envelope) => ProcessAsync(envelope, static () => true, CancellationToken.None);

    private async Task ProcessAsync(OutboxEnvelope envelope, Func<bool> mayStillSend, CancellationToken abort)
    {
        var work = Outbox.TryParse(envelope.Body);
        if (work is null)
        {
            LogPoison(logger, envelope.MessageId, envelope.Body.Length <= 200 ? envelope.Body : envelope.Body[..200]);
            await queue.DeleteAsync(envelope, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (!_handlers.TryGetValue(work.Kind, out var handler))
        {
            LogUnknownKind(logger, work.Id, work.Kind);
            await queue.ReleaseAsync(envelope, UnknownKindDelay, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        using var budget = new CancellationTokenSource(PerMessageBudget);
        // Each connector call gets the short policy: a call must end well inside the lease (a longer Retry-After comes
        // back as the work's own retry delay), so no message is still in flight when another instance takes over.
        using var bounded = ConnectorCallScope.Inline();
        try
        {
            var outcome = await ProactiveSender.RunGuardedAsync(mayStillSend, () => handler.HandleAsync(work, budget.Token), abort).ConfigureAwait(false);
            if (outcome.RetryAfter is { } delay)
            {
                await queue.ReleaseAsync(envelope, delay, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await queue.DeleteAsync(envelope, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (DispatchAbortedException ex)
        {
            LogHandedBack(logger, work.Id, ex.Message);
            await ReleaseUnstartedAsync([envelope]).ConfigureAwait(false);
        }
        catch (DomainConflictException ex)
        {
            // Its record changed meanwhile (e.g. the customer answered); the message comes back and is judged again.
            LogConflict(logger, work.Id, ex.Reason);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Storage trouble: leave the message; it reappears after the visibility timeout.
            LogFailed(logger, ex, work.Id);
        }
    }

    private async Task ReleaseUnstartedAsync(IEnumerable<OutboxEnvelope> envelopes)
    {
        foreach (var envelope in envelopes)
        {
            try
            {
                await queue.ReleaseAsync(envelope, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // It reappears after the visibility timeout instead.
                LogNotReleased(logger, envelope.MessageId, ex.Message);
            }
        }
    }

    // Real time: polling is about the queue, not the app's (replaceable) business clock.
    private static async Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} not settled ({Reason}); it returns after the visibility timeout")]
    private static partial void LogNotSettled(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted malformed outbox message {MessageId}: {Body}")]
    private static partial void LogPoison(ILogger logger, string messageId, string body);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox work {Id} has kind {Kind}, which no handler here knows; it waits")]
    private static partial void LogUnknownKind(ILogger logger, string id, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox work {Id} handed back unsent: {Reason}")]
    private static partial void LogHandedBack(ILogger logger, string id, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox work {Id}: its record changed meanwhile ({Reason}); it comes back")]
    private static partial void LogConflict(ILogger logger, string id, ConflictReason reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox work {Id} failed; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} not handed back ({Reason}); it returns after the visibility timeout")]
    private static partial void LogNotReleased(ILogger logger, string messageId, string reason);
}
