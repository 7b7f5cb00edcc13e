using Azure.Data.Tables;
using CxBot.Domain.Signals;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Signals;

/// <summary>
/// Counts a topic's signals from the tenant's two status lists in <c>SignalIndex</c>: each a single partition read over
/// the row-key range of the period (newest-first keys), filtered on the topic keys with <see cref="TableClient.CreateQueryFilter"/>.
/// Only the index columns are read. A signal whose entry is in both lists (a close interrupted half-way) counts once;
/// a withdrawn one counts nowhere.
/// </summary>
internal sealed class TableSignalTopicCounts(StorageClients clients, StorageNames names) : ISignalTopicCounts
{
    private readonly TableClient _index = clients.Tables.GetTableClient(names.SignalIndex);

    public async Task<IReadOnlyList<TopicSignalEntry>> ListAsync(string? tenantId, IReadOnlyList<string> topicKeys, DateTimeOffset from,
        DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topicKeys);
        if (topicKeys.Count == 0)
        {
            return [];
        }

        var partitions = "(" + TableClient.CreateQueryFilter($"PartitionKey eq {SignalLists.Open(tenantId)}") + " or "
            + TableClient.CreateQueryFilter($"PartitionKey eq {SignalLists.Done(tenantId)}") + ")";
        var topics = "(" + string.Join(" or ", topicKeys.Select(k => TableClient.CreateQueryFilter($"TopicKey eq {k}"))) + ")";
        var range = TableClient.CreateQueryFilter($"RowKey ge {SignalLists.FirstRowBefore(to)} and RowKey lt {SignalLists.EndOfRowsFrom(from)}");
        var filter = string.Join(" and ", partitions, range, topics);

        var bySignal = new Dictionary<string, (TopicSignalEntry Entry, bool Withdrawn)>(StringComparer.Ordinal);
        await foreach (var e in _index.QueryAsync<SignalIndexEntity>(filter,
            select: [nameof(SignalIndexEntity.SignalId), nameof(SignalIndexEntity.TopicKey), nameof(SignalIndexEntity.ReportedAt), nameof(SignalIndexEntity.Status)],
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var withdrawn = e.Status == nameof(SignalStatus.Withdrawn);
            bySignal[e.SignalId] = bySignal.TryGetValue(e.SignalId, out var seen)
                ? (seen.Entry, seen.Withdrawn || withdrawn)
                : (new TopicSignalEntry(e.SignalId, e.TopicKey, e.ReportedAt), withdrawn);
        }

        return [.. bySignal.Values.Where(v => !v.Withdrawn).Select(v => v.Entry).OrderByDescending(e => e.ReportedAt)];
    }
}
