using CxBot.Domain.Channels;

namespace CxBot.App.Channels;

/// <summary>
/// Finds the channel a record's message goes to: the queue's own channel for the purpose, else the purpose's channel
/// for all queues, else none (hold the message until one is designated). Only the record's own tenant's designations
/// are read, so one tenant's records never reach another tenant's channel (docs/tenancy.md).
/// </summary>
public sealed class ChannelResolver(IChannelDesignations designations, TenantRule tenants)
{
    /// <summary>
    /// The channel for the record of <paramref name="tenantId"/>, or null. A record without a tenant (stored before
    /// tenants were recorded) belongs to the deployment's own tenant, <c>Bot:TenantId</c>; without that, to none.
    /// </summary>
    public async Task<ChannelDesignation?> ResolveAsync(string? tenantId, ChannelPurpose purpose, string? queue, CancellationToken cancellationToken)
    {
        var tenant = tenants.OwnerOf(tenantId);
        if (tenant is null)
        {
            return null;
        }

        var list = await designations.ListAsync(tenant, cancellationToken).ConfigureAwait(false);
        return ChannelResolution.Resolve(list, tenant, purpose, queue);
    }
}
