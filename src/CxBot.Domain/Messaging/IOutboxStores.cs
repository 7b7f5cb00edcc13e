using CxBot.Domain.Channels;

namespace CxBot.Domain.Messaging;

/// <summary>One received outbox message: its body and the queue's handle on it.</summary>
/// <param name="Body">The JSON the sender enqueued.</param>
/// <param name="MessageId">The queue's message id.</param>
/// <param name="PopReceipt">Needed to delete or release it.</param>
/// <param name="DequeueCount">How often it was received.</param>
public sealed record OutboxEnvelope(string Body, string MessageId, string PopReceipt, long DequeueCount);

/// <summary>The durable outbox queue: opaque JSON bodies, received by the dispatching instance only.</summary>
public interface IOutboxQueue
{
    /// <summary>Largest body accepted, in UTF-8 bytes (the queue's 64 KB limit less Base64 growth and headroom).</summary>
    const int MaxBodyBytes = 45_000;

    /// <summary>Queues <paramref name="body"/>, visible after <paramref name="delay"/>.</summary>
    Task EnqueueAsync(string body, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> visible messages, hidden from other receives for <paramref name="visibility"/>.</summary>
    Task<IReadOnlyList<OutboxEnvelope>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Removes a handled message; one already gone is fine.</summary>
    Task DeleteAsync(OutboxEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Hands a message back, visible again after <paramref name="delay"/>.</summary>
    Task ReleaseAsync(OutboxEnvelope envelope, TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>Where a proactive message stands.</summary>
public enum OutboxStatus
{
    /// <summary>An attempt was started (its conversation may still be being found); nothing has gone to the channel yet.</summary>
    Sending,
    /// <summary>Posted; <see cref="OutboxLogEntry.Posted"/> says where.</summary>
    Sent,
    /// <summary>Given up (nothing to send, refused, or out of attempts).</summary>
    Dropped,
    /// <summary>
    /// The channel gave no certain answer to the post (a gateway error or no answer after it went out): it may have been
    /// posted, so it is not sent again. <see cref="OutboxLogEntry.Posted"/> names the conversation (without an activity
    /// id), <see cref="OutboxLogEntry.Reason"/> what happened.
    /// </summary>
    Unconfirmed,
    /// <summary>
    /// The post is going to the channel now (written after the last check, right before the call). Found again on a
    /// redelivery, its outcome was never recorded (the store failed or the instance died after the call went out): it
    /// may have landed, so it becomes <see cref="Unconfirmed"/> and is not sent again. <see cref="OutboxLogEntry.Posted"/>
    /// names the conversation.
    /// </summary>
    Posting,
}

/// <summary>The log's row of one message id.</summary>
/// <param name="Id">The message's idempotency key.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">Posts started.</param>
/// <param name="Posted">Where it landed, once sent (or may have landed, when unconfirmed).</param>
/// <param name="Reason">Why it was dropped, or why it is unconfirmed.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record OutboxLogEntry(string Id, OutboxStatus Status, int Attempts, PostedMessage? Posted, string? Reason, DateTimeOffset UpdatedAt);

/// <summary>The outbox log: per message id, whether it was sent, so a repeated id or a redelivered message is sent once.</summary>
public interface IOutboxLog
{
    /// <summary>The entry, or null when the id was never started.</summary>
    Task<OutboxLogEntry?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records that a post is about to start (before it goes out); returns the attempt number.</summary>
    Task<int> MarkSendingAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records that the post into <paramref name="target"/>'s conversation goes out now (after every check before it).</summary>
    Task MarkPostingAsync(string id, PostedMessage target, CancellationToken cancellationToken);

    /// <summary>Records that the post (marked Posting) certainly did not land: the attempt stands as Sending again.</summary>
    Task MarkNotPostedAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records where the message landed.</summary>
    Task MarkSentAsync(string id, PostedMessage posted, CancellationToken cancellationToken);

    /// <summary>Records that the message will not be sent.</summary>
    Task MarkDroppedAsync(string id, string reason, CancellationToken cancellationToken);

    /// <summary>Records that the post may have landed in <paramref name="posted"/>'s conversation and will not be repeated.</summary>
    Task MarkUnconfirmedAsync(string id, PostedMessage posted, string reason, CancellationToken cancellationToken);
}

/// <summary>A message waiting for a channel to be designated.</summary>
/// <param name="TenantId">Tenant.</param>
/// <param name="Purpose">The channel purpose it waits for.</param>
/// <param name="MessageId">The message's idempotency key.</param>
/// <param name="Body">The outbox body to enqueue again.</param>
/// <param name="HeldAt">Since when.</param>
public sealed record HeldMessage(string TenantId, ChannelPurpose Purpose, string MessageId, string Body, DateTimeOffset HeldAt);

/// <summary>Messages held per tenant and purpose until a channel for that purpose is designated.</summary>
public interface IHeldMessages
{
    /// <summary>Holds the message (holding it again changes nothing).</summary>
    Task HoldAsync(HeldMessage message, CancellationToken cancellationToken);

    /// <summary>Everything held for the tenant and purpose, oldest first.</summary>
    Task<IReadOnlyList<HeldMessage>> ListAsync(string tenantId, ChannelPurpose purpose, CancellationToken cancellationToken);

    /// <summary>Removes one (after it was queued again).</summary>
    Task RemoveAsync(HeldMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A "blocked until" shared by every instance: a <c>Retry-After</c> seen anywhere holds back every proactive send
/// until then.
/// </summary>
public interface ISendThrottle
{
    /// <summary>Until when sends must wait, or null.</summary>
    Task<DateTimeOffset?> GetBlockedUntilAsync(CancellationToken cancellationToken);

    /// <summary>Blocks sends until <paramref name="until"/>, unless they are blocked longer already.</summary>
    Task BlockUntilAsync(DateTimeOffset until, CancellationToken cancellationToken);
}
