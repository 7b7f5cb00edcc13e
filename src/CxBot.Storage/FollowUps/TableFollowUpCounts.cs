using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Storage.Setup;

namespace CxBot.Storage.FollowUps;

/// <summary>
/// <c>FollowUpCounts</c>: PartitionKey = <c>t|</c> + escaped lower-case tenant (<c>t|</c> alone: no tenant), RowKey = escaped scope
/// key; columns <c>From</c> (the pass's hour), <c>Earlier</c> (due before it) and <c>Hours</c> (JSON: UTC due hour
/// <c>yyyyMMddHH</c> to count). One row per tenant and scope with anything unresolved, a few hundred at most, rewritten by
/// each pass in one-partition batches; <c>pass|last</c> holds the time of the last pass. A summary reads its series'
/// rows and the pass row by point reads.
/// </summary>
internal sealed class TableFollowUpCounts(StorageClients clients, StorageNames names) : IFollowUpCounts
{
    private const string TenantPrefix = "t|";
    private const string PassPartition = "pass";
    private const string PassRow = "last";
    private const string HourFormat = "yyyyMMddHH";
    private const int ParallelReads = 8;

    private readonly TableClient _table = clients.Tables.GetTableClient(names.FollowUpCounts);

    public async Task ReplaceAsync(FollowUpCountsSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var wanted = snapshot.Tallies.Select(t => ToRow(t.Key, t.Value)).ToList();
        var keep = wanted.Select(r => (r.PartitionKey, r.RowKey)).ToHashSet();
        var stale = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {TenantPrefix} and PartitionKey lt {"t}"}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!keep.Contains((row.PartitionKey, row.RowKey)))
            {
                stale.Add(row);
            }
        }

        var actions = wanted.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))
            .Concat(stale.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)));
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            await _table.SubmitInChunksAsync([.. partition], cancellationToken).ConfigureAwait(false);
        }

        // Last: the time shown as "as of" is never newer than the counts beside it.
        await _table.UpsertEntityAsync(new TableEntity(PassPartition, PassRow) { ["PassAt"] = snapshot.PassAt }, TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<FollowUpCountsReading> ReadAsync(string? tenantId, IReadOnlyList<ReportScope> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var partition = PartitionOf(tenantId);
        var passTask = _table.FindAsync<TableEntity>(PassPartition, PassRow, cancellationToken);
        var rows = new TableEntity?[scopes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, scopes.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => rows[i] = await _table.FindAsync<TableEntity>(partition, TableKeys.Escape(scopes[i].Key), ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        var passAt = (await passTask.ConfigureAwait(false))?.GetDateTimeOffset("PassAt");
        var from = OpenFollowUpTally.HourOf(passAt ?? DateTimeOffset.UnixEpoch);
        return new FollowUpCountsReading(OpenFollowUpTally.Sum(rows.OfType<TableEntity>().Select(ToTally), from), passAt);
    }

    private static string PartitionOf(string? tenantId) =>
        TenantPrefix + (FollowUpCountsKey.TenantOf(tenantId) is { } tenant ? TableKeys.Escape(tenant) : "");

    private static TableEntity ToRow(FollowUpCountsKey key, OpenFollowUpTally tally) => new(PartitionOf(key.TenantId), TableKeys.Escape(key.Scope.Key))
    {
        ["From"] = tally.From,
        ["Earlier"] = tally.Earlier,
        ["Hours"] = JsonSerializer.Serialize(tally.ByHour.OrderBy(h => h.Key)
            .ToDictionary(h => h.Key.UtcDateTime.ToString(HourFormat, CultureInfo.InvariantCulture), h => h.Value)),
    };

    private static OpenFollowUpTally ToTally(TableEntity row)
    {
        var hours = JsonSerializer.Deserialize<Dictionary<string, int>>(row.GetString("Hours") ?? "{}") ?? [];
        return new OpenFollowUpTally
        {
            From = row.GetDateTimeOffset("From") ?? DateTimeOffset.UnixEpoch,
            Earlier = row.GetInt32("Earlier") ?? 0,
            ByHour = hours.ToDictionary(
                h => new DateTimeOffset(DateTime.ParseExact(h.Key, HourFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero),
                h => h.Value),
        };
    }
}
