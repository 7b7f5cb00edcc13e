using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Settings;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Settings;

/// <summary>
/// The tenant's row and the "latest" row hold the same data. Setting a channel is a command that replaces
/// whatever was there (no read-modify-write), so both are plain upserts: the tenant row first, as it is the one
/// that matters for a known tenant; the latest row only serves callers that do not know the tenant.
/// </summary>
internal sealed class TableAlertChannels(StorageClients clients, StorageNames names) : IAlertChannels
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.AlertChannels);

    public async Task SetAsync(AlertChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        foreach (var partition in new[] { TenantPartition(channel.TenantId), AlertChannelEntity.LatestPartition })
        {
            await _table.UpsertEntityAsync(ToEntity(channel, partition), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<AlertChannel?> GetAsync(string? tenantId, CancellationToken cancellationToken)
    {
        var partition = tenantId is null ? AlertChannelEntity.LatestPartition : TenantPartition(tenantId);
        var e = await _table.FindAsync<AlertChannelEntity>(partition, AlertChannelEntity.Row, cancellationToken).ConfigureAwait(false);
        return e is null ? null : new AlertChannel(e.TenantId, e.TeamId, e.ChannelConversationId, e.Reference, e.SetBy, e.SetAt);
    }

    private static string TenantPartition(string tenantId) => TableKeys.Join("tenant", tenantId.ToLowerInvariant());

    private static AlertChannelEntity ToEntity(AlertChannel c, string partition) => new()
    {
        PartitionKey = partition,
        ETag = ETag.All,
        TenantId = c.TenantId,
        TeamId = c.TeamId,
        ChannelConversationId = c.ChannelConversationId,
        Reference = c.Reference,
        SetBy = c.SetBy,
        SetAt = c.SetAt,
    };
}
