using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Insights;

/// <summary>Row of <c>DigestRuns</c>: PartitionKey = escaped lower-case tenant | escaped audience, RowKey = kind | first day | last day.</summary>
internal sealed class DigestRunEntity : TableRow
{
    public string TenantId { get; set; } = "";
    public string Audience { get; set; } = "";
    /// <summary>A <see cref="DigestKind"/> name.</summary>
    public string Kind { get; set; } = "";
    /// <summary>A <see cref="DigestRunState"/> name.</summary>
    public string State { get; set; } = "";
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
}

/// <summary>
/// The insert is the claim (409: another instance was first, and its row tells the state); the Queued mark is a merge
/// on any ETag because only the claimed-to-queued step ever changes a row and repeating it is harmless.
/// </summary>
internal sealed class TableDigestRuns(StorageClients clients, StorageNames names) : IDigestRuns
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.DigestRuns);

    public async Task<DigestClaim> ClaimAsync(DigestRunKey key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entity = new DigestRunEntity
        {
            PartitionKey = Partition(key),
            RowKey = Row(key),
            TenantId = key.TenantId,
            Audience = key.Audience,
            Kind = key.Kind.ToString(),
            State = nameof(DigestRunState.Claimed),
            ClaimedAt = at,
        };
        if (await _table.TryAddAsync(entity, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new DigestClaim(DigestRunState.Claimed, Mine: true, at);
        }

        var stored = await _table.GetEntityIfExistsAsync<DigestRunEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!stored.HasValue)
        {
            // Removed between the insert and the read (nothing removes runs today): claim it again next pass.
            return new DigestClaim(DigestRunState.Claimed, Mine: false, at);
        }

        var row = stored.Value!;
        return new DigestClaim(Enum.TryParse<DigestRunState>(row.State, out var state) ? state : DigestRunState.Claimed, Mine: false, row.ClaimedAt);
    }

    public async Task MarkQueuedAsync(DigestRunKey key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entity = new TableEntity(Partition(key), Row(key))
        {
            [nameof(DigestRunEntity.State)] = nameof(DigestRunState.Queued),
            [nameof(DigestRunEntity.QueuedAt)] = at,
        };
        await _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private static string Partition(DigestRunKey key) => TableKeys.Join(key.TenantId.Trim().ToLowerInvariant(), key.Audience);

    private static string Row(DigestRunKey key) =>
        TableKeys.Join(key.Kind.ToString(), ReportingCalendar.Key(key.Period.From), ReportingCalendar.Key(key.Period.To));
}
