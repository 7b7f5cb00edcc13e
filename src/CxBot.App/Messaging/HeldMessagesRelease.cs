using CxBot.App.Channels;
using CxBot.Domain.Channels;
using CxBot.Domain.Messaging;

namespace CxBot.App.Messaging;

/// <summary>
/// When a channel is designated, queues again what was held for its tenant and purpose (the dispatcher then posts
/// it there, paced). Queued first and removed after, so a crash in between queues a message twice, which the outbox
/// log sends once.
/// </summary>
public sealed partial class HeldMessagesRelease(IHeldMessages held, IOutboxQueue queue, ILogger<HeldMessagesRelease> logger) : IChannelDesignationObserver
{
    /// <inheritdoc />
    public async Task OnDesignatedAsync(ChannelDesignation designation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(designation);
        var waiting = await held.ListAsync(designation.TenantId, designation.Purpose, cancellationToken).ConfigureAwait(false);
        foreach (var message in waiting)
        {
            await queue.EnqueueAsync(message.Body, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            await held.RemoveAsync(message, cancellationToken).ConfigureAwait(false);
        }

        if (waiting.Count > 0)
        {
            LogReleased(logger, waiting.Count, designation.Purpose);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} held messages queued for the newly designated {Purpose} channel")]
    private static partial void LogReleased(ILogger logger, int count, ChannelPurpose purpose);
}
