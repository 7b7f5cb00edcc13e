namespace CxBot.Domain.Settings;

/// <summary>The one team channel per tenant of earlier versions; now only copied into the channel designations once (docs/storage.md).</summary>
/// <param name="TenantId">Tenant.</param>
/// <param name="TeamId">Team.</param>
/// <param name="ChannelConversationId">The channel's conversation id (without a thread suffix).</param>
/// <param name="Reference">The conversation reference JSON to post with.</param>
/// <param name="SetBy">Who designated it.</param>
/// <param name="SetAt">When.</param>
public sealed record AlertChannel(string TenantId, string? TeamId, string ChannelConversationId, string Reference, string SetBy, DateTimeOffset SetAt);

/// <summary>Stores the alert channel per tenant.</summary>
public interface IAlertChannels
{
    /// <summary>Sets (replaces) the tenant's alert channel.</summary>
    Task SetAsync(AlertChannel channel, CancellationToken cancellationToken);

    /// <summary>The tenant's alert channel; with a null tenant, the most recently set one.</summary>
    Task<AlertChannel?> GetAsync(string? tenantId, CancellationToken cancellationToken);
}

/// <summary>Stores secrets the app generates for itself when none is configured (e.g. the survey token key).</summary>
public interface IGeneratedKeys
{
    /// <summary>The key with this name, created with <paramref name="create"/> the first time (race-safe: one wins).</summary>
    Task<byte[]> GetOrCreateAsync(string name, Func<byte[]> create, CancellationToken cancellationToken);
}
