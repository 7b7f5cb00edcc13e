using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Channels;
using CxBot.Domain.People;
using CxBot.Domain.Settings;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Channels;

/// <summary>
/// One partition per tenant, so a tenant's designations are one query and no query ever spans two tenants.
/// Setting is a command that replaces whatever was there (a blind upsert); removing is a delete.
/// The first read or write for a tenant copies its channel from the old <c>AlertChannels</c> table to every purpose
/// that has no channel for all queues yet, once (see docs/storage.md).
/// </summary>
internal sealed class TableChannelDesignations(StorageClients clients, StorageNames names, IAlertChannels legacy, TimeProvider time)
    : IChannelDesignations, IDesignationsByPurpose
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.ChannelDesignations);

    public async Task SetAsync(ChannelDesignation designation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(designation);
        await ListAsync(designation.TenantId, cancellationToken).ConfigureAwait(false);
        await _table.UpsertEntityAsync(ToEntity(designation), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveAsync(string tenantId, ChannelPurpose purpose, string? queue, CancellationToken cancellationToken)
    {
        await ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        // The client reports a missing row as a 404 response rather than an exception.
        var response = await _table.DeleteEntityAsync(Partition(tenantId), Row(purpose, queue), ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    public async Task<IReadOnlyList<ChannelDesignation>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var (designations, migrated) = await ReadAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (migrated)
        {
            return designations;
        }

        return await MigrateAsync(tenantId, designations, cancellationToken).ConfigureAwait(false)
            ? (await ReadAsync(tenantId, cancellationToken).ConfigureAwait(false)).Designations
            : designations;
    }

    // The table holds a few rows per tenant: one filtered scan across tenants is cheap. A tenant whose only channel is
    // still in the old AlertChannels table appears once its designations are first read (any command or post does).
    public async Task<IReadOnlyList<ChannelDesignation>> ListAllAsync(ChannelPurpose purpose, CancellationToken cancellationToken)
    {
        var name = purpose.ToString();
        var list = new List<ChannelDesignation>();
        await foreach (var e in _table.QueryAsync<ChannelDesignationEntity>(TableClient.CreateQueryFilter($"Purpose eq {name}"),
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey != ChannelDesignationEntity.MigratedRow)
            {
                list.Add(ToDesignation(e));
            }
        }

        return list;
    }

    // Each row is written on the ETag it was read with: a designation replaced meanwhile (designated again, here or on
    // another instance) is a new one and keeps its own state.
    public async Task<IReadOnlyList<ChannelDesignation>> SetStaleAsync(string tenantId, string channelConversationId, string? reason, DateTimeOffset? at,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        await ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var changed = new List<ChannelDesignation>();
        var partition = Partition(tenantId);
        await foreach (var e in _table.QueryAsync<ChannelDesignationEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ChannelConversationId eq {channelConversationId}"),
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == ChannelDesignationEntity.MigratedRow || (e.StaleSince is null) == (at is null))
            {
                continue;
            }

            e.StaleSince = at;
            e.StaleReason = at is null ? null : reason is { Length: > 500 } ? reason[..500] : reason;
            try
            {
                await _table.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                changed.Add(ToDesignation(e));
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
            }
        }

        return changed;
    }

    private async Task<(List<ChannelDesignation> Designations, bool Migrated)> ReadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var partition = Partition(tenantId);
        var designations = new List<ChannelDesignation>();
        var migrated = false;
        await foreach (var e in _table.QueryAsync<ChannelDesignationEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == ChannelDesignationEntity.MigratedRow)
            {
                migrated = true;
            }
            else
            {
                designations.Add(ToDesignation(e));
            }
        }

        return (designations, migrated);
    }

    // Inserts only (409 ignored), so a designation set meanwhile, here or on another instance, is never replaced by
    // the old channel; the marker is written last, so a crash half-way repeats the copy on the next read.
    // True when a channel was copied (the caller reads the partition again).
    private async Task<bool> MigrateAsync(string tenantId, List<ChannelDesignation> current, CancellationToken cancellationToken)
    {
        var old = await legacy.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (old is not null)
        {
            foreach (var purpose in ChannelPurposes.All.Where(p => !current.Exists(d => d.Purpose == p && d.Queue is null)))
            {
                var copy = new ChannelDesignation(tenantId, purpose, null, old.TeamId, old.ChannelConversationId, old.Reference,
                    new PersonRef(old.SetBy), old.SetAt);
                await _table.TryAddAsync(ToEntity(copy), cancellationToken).ConfigureAwait(false);
            }
        }

        await _table.TryAddAsync(new ChannelDesignationEntity
        {
            PartitionKey = Partition(tenantId),
            RowKey = ChannelDesignationEntity.MigratedRow,
            TenantId = tenantId,
            SetAt = time.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        return old is not null;
    }

    private static string Partition(string tenantId) => TableKeys.Escape(tenantId.Trim().ToLowerInvariant());

    // A queue's '*' is escaped after TableKeys.Escape has escaped '%', so a queue named "*" is not the wildcard and
    // cannot meet a queue named "%2A".
    private static string Row(ChannelPurpose purpose, string? queue) => ChannelResolution.NormalizeQueue(queue) is { } key
        ? TableKeys.Join(purpose.ToString(), key).Replace("*", "%2A", StringComparison.Ordinal)
        : purpose + "|" + ChannelDesignationEntity.AllQueues;

    private static ChannelDesignationEntity ToEntity(ChannelDesignation d) => new()
    {
        PartitionKey = Partition(d.TenantId),
        RowKey = Row(d.Purpose, d.Queue),
        ETag = ETag.All,
        TenantId = d.TenantId,
        Purpose = d.Purpose.ToString(),
        Queue = d.Queue?.Trim(),
        TeamId = d.TeamId,
        TeamName = d.TeamName,
        ChannelName = d.ChannelName,
        ChannelConversationId = d.ChannelConversationId,
        Reference = d.Reference,
        SetByName = d.SetBy.DisplayName,
        SetByObjectId = d.SetBy.ObjectId,
        SetAt = d.SetAt,
        StaleSince = d.StaleSince,
        StaleReason = d.StaleReason,
    };

    private static ChannelDesignation ToDesignation(ChannelDesignationEntity e) => new(
        e.TenantId,
        Enum.Parse<ChannelPurpose>(e.Purpose),
        e.Queue,
        e.TeamId,
        e.ChannelConversationId,
        e.Reference,
        new PersonRef(e.SetByName) { ObjectId = e.SetByObjectId },
        e.SetAt)
    {
        TeamName = e.TeamName,
        ChannelName = e.ChannelName,
        StaleSince = e.StaleSince,
        StaleReason = e.StaleReason,
    };
}
