using CxBot.Domain.People;

namespace CxBot.Domain.Channels;

/// <summary>A team channel a supervisor designated for a purpose, for all of the tenant's queues or for one.</summary>
/// <param name="TenantId">The tenant whose records may be posted there (and no other's).</param>
/// <param name="Purpose">What for.</param>
/// <param name="Queue">The queue it is for; null for every queue without its own channel.</param>
/// <param name="TeamId">The team.</param>
/// <param name="ChannelConversationId">The channel's conversation id (without a thread suffix).</param>
/// <param name="Reference">The stored conversation reference JSON to post with.</param>
/// <param name="SetBy">Who designated it.</param>
/// <param name="SetAt">When.</param>
public sealed record ChannelDesignation(
    string TenantId,
    ChannelPurpose Purpose,
    string? Queue,
    string? TeamId,
    string ChannelConversationId,
    string Reference,
    PersonRef SetBy,
    DateTimeOffset SetAt)
{
    /// <summary>The team's name as Teams sent it when the channel was designated, for lists.</summary>
    public string? TeamName { get; init; }

    /// <summary>The channel's name as Teams sent it (Teams sends none for General), for lists.</summary>
    public string? ChannelName { get; init; }

    /// <summary>When the channel refused a post (403 or 404); while set, the designation counts as absent and its
    /// messages are held. Designating the channel again, or installing the bot in its team again, clears it.</summary>
    public DateTimeOffset? StaleSince { get; init; }

    /// <summary>Why it is stale: the connector's outcome and error code.</summary>
    public string? StaleReason { get; init; }

    /// <summary>True when the designation counts as absent.</summary>
    public bool IsStale => StaleSince is not null;
}

/// <summary>Channel designations, kept per tenant.</summary>
public interface IChannelDesignations
{
    /// <summary>Sets (replaces) the designation for its tenant, purpose and queue.</summary>
    Task SetAsync(ChannelDesignation designation, CancellationToken cancellationToken);

    /// <summary>Removes one; false when there was none.</summary>
    Task<bool> RemoveAsync(string tenantId, ChannelPurpose purpose, string? queue, CancellationToken cancellationToken);

    /// <summary>Every designation of the tenant.</summary>
    Task<IReadOnlyList<ChannelDesignation>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks (<paramref name="reason"/> and <paramref name="at"/>) or, with a null <paramref name="at"/>, clears the stale
    /// mark of the tenant's designations that point at <paramref name="channelConversationId"/>; returns those changed.
    /// A designation replaced meanwhile (designated again) is left as it is.
    /// </summary>
    Task<IReadOnlyList<ChannelDesignation>> SetStaleAsync(string tenantId, string channelConversationId, string? reason, DateTimeOffset? at,
        CancellationToken cancellationToken);
}

/// <summary>
/// Which channel gets a record's message: the queue's own channel for the purpose, else the purpose's channel for
/// all queues, else none (the message is held and posted when one is designated). Only the record's own tenant's
/// designations are ever considered, and a stale one (its channel refused a post) counts as absent.
/// </summary>
public static class ChannelResolution
{
    /// <summary>The channel for the purpose and queue among <paramref name="designations"/> of <paramref name="tenantId"/>, or null.</summary>
    public static ChannelDesignation? Resolve(IEnumerable<ChannelDesignation> designations, string tenantId, ChannelPurpose purpose, string? queue)
    {
        ArgumentNullException.ThrowIfNull(designations);
        var candidates = designations
            .Where(d => string.Equals(d.TenantId, tenantId, StringComparison.OrdinalIgnoreCase) && d.Purpose == purpose && !d.IsStale)
            .ToList();
        var key = NormalizeQueue(queue);
        return (key is null ? null : candidates.Find(d => NormalizeQueue(d.Queue) == key))
            ?? candidates.Find(d => d.Queue is null);
    }

    /// <summary>Queue names compare trimmed and case-insensitively ("Billing" and "billing " are one queue).</summary>
    public static string? NormalizeQueue(string? queue) =>
        string.IsNullOrWhiteSpace(queue) ? null : queue.Trim().ToLowerInvariant();
}
