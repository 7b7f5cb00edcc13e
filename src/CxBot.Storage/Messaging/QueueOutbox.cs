using System.Text;
using Azure;
using Azure.Storage.Queues;
using CxBot.Domain.Messaging;
using CxBot.Storage.Setup;
using Microsoft.Extensions.Logging;

namespace CxBot.Storage.Messaging;

/// <summary>
/// The outbox on Azure Storage Queues (<c>{prefix}-outbox</c>). Bodies are JSON (Base64 on the wire, by the client's
/// encoding) and never expire: a message waits until the dispatcher handles it.
/// </summary>
internal sealed partial class QueueOutbox(StorageClients clients, StorageNames names, ILogger<QueueOutbox> logger) : IOutboxQueue
{
    /// <summary>The longest visibility timeout the service accepts.</summary>
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _queue = clients.Queues.GetQueueClient(names.OutboxQueue);

    public async Task EnqueueAsync(string body, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(body);
        var size = Encoding.UTF8.GetByteCount(body);
        if (size > IOutboxQueue.MaxBodyBytes)
        {
            throw new ArgumentException($"An outbox message of {size} bytes is over the {IOutboxQueue.MaxBodyBytes} the queue can carry.", nameof(body));
        }

        await _queue.SendMessageAsync(body, Clamp(delay, TimeSpan.Zero), NeverExpires, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OutboxEnvelope>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var received = await _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), Clamp(visibility, TimeSpan.FromSeconds(1)), cancellationToken)
            .ConfigureAwait(false);
        return [.. received.Value.Select(m => new OutboxEnvelope(m.Body.ToString(), m.MessageId, m.PopReceipt, m.DequeueCount))];
    }

    public async Task DeleteAsync(OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        try
        {
            await _queue.DeleteMessageAsync(envelope.MessageId, envelope.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            LogAlreadyGone(logger, envelope.MessageId);
        }
    }

    public async Task ReleaseAsync(OutboxEnvelope envelope, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        await _queue.UpdateMessageAsync(envelope.MessageId, envelope.PopReceipt, message: null, Clamp(delay, TimeSpan.Zero), cancellationToken)
            .ConfigureAwait(false);
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min) => value < min ? min : value > MaxDelay ? MaxDelay : value;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox message {MessageId} was already deleted")]
    private static partial void LogAlreadyGone(ILogger logger, string messageId);
}
