using Azure;
using CxBot.Domain.Leases;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Leases;

/// <summary>
/// One row per lease name. Taking a free name is an insert (409: someone else was first); taking an expired one, or
/// renewing, is a replace conditioned on the ETag read (412: someone else changed it first). Expiry is judged by the
/// clock of the instance that reads the row, so instances are assumed to keep time within a few seconds (NTP).
/// </summary>
internal sealed class TableLeases(StorageClients clients, StorageNames names, TimeProvider time) : ILeases
{
    private readonly Azure.Data.Tables.TableClient _table = clients.Tables.GetTableClient(names.Leases);

    public async Task<Lease?> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var partition = TableKeys.Escape(name);
        var now = time.GetUtcNow();
        var entity = new LeaseEntity { PartitionKey = partition, Name = name, Owner = owner, ExpiresAt = now + duration };
        var stored = await _table.FindAsync<LeaseEntity>(partition, LeaseEntity.Row, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            var added = await _table.TryAddAsync(entity, cancellationToken).ConfigureAwait(false);
            return added is null ? null : ToLease(entity, added);
        }

        var mine = string.Equals(stored.Owner, owner, StringComparison.Ordinal);
        if (!mine && stored.ExpiresAt > now)
        {
            return null;
        }

        return await TryReplaceAsync(entity, stored.ETag, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (string.IsNullOrEmpty(lease.ETag))
        {
            throw new ArgumentException("A lease without an ETag was not acquired here.", nameof(lease));
        }

        var entity = new LeaseEntity
        {
            PartitionKey = TableKeys.Escape(lease.Name), Name = lease.Name, Owner = lease.Owner,
            ExpiresAt = time.GetUtcNow() + duration,
        };
        return await TryReplaceAsync(entity, new ETag(lease.ETag), cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        try
        {
            await _table.DeleteEntityAsync(TableKeys.Escape(lease.Name), LeaseEntity.Row, new ETag(lease.ETag ?? "*"), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Taken over or gone already: nothing of ours to release.
        }
    }

    private async Task<Lease?> TryReplaceAsync(LeaseEntity entity, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.UpdateEntityAsync(entity, etag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return ToLease(entity, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    private static Lease ToLease(LeaseEntity entity, string? etag) => new(entity.Name, entity.Owner, entity.ExpiresAt) { ETag = etag };
}

/// <summary>Row of <c>Leases</c>: PartitionKey = escaped lease name, RowKey = <see cref="Row"/>.</summary>
internal sealed class LeaseEntity : TableRow
{
    public const string Row = "lease";

    public LeaseEntity() => RowKey = Row;

    public string Name { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
