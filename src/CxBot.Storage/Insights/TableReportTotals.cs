using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Insights;

/// <summary>
/// Counts in <c>ReportTotals</c>: PartitionKey = escaped scope key, RowKey = day key, the counts as a JSON object in
/// <c>Counts</c> (continued in <c>Counts1</c>, <c>Counts2</c>... past a column's 32 K characters). A period of one scope is
/// one range query in one partition. Beside it, <c>ReportDays</c> keeps per day (PartitionKey <c>s|yyyyMMdd</c>) one row
/// per scope written, with a hash of its counts: a recount writes only the scopes whose counts changed and removes the
/// scopes that no longer have any.
/// </summary>
internal sealed class TableReportTotals(StorageClients clients, StorageNames names) : IReportTotalsStore
{
    private const string CountsColumn = "Counts";
    private const string HashColumn = "Hash";
    private const string ScopeColumn = "Scope";
    private const int ColumnChars = 30_000;
    private const int ParallelWrites = 16;
    private const string IndexPrefix = "s|";

    private readonly TableClient _totals = clients.Tables.GetTableClient(names.ReportTotals);
    private readonly TableClient _days = clients.Tables.GetTableClient(names.ReportDays);

    public async Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Escape(scope.Key)} and RowKey ge {ReportingCalendar.Key(from)} and RowKey le {ReportingCalendar.Key(to)}");
        var days = new List<DayTally>();
        await foreach (var row in _totals.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ReportingCalendar.TryParseKey(row.RowKey, out var day))
            {
                days.Add(new DayTally(day, ReadCounts(row)));
            }
        }

        return days;
    }

    public async Task ReplaceDayAsync(DateOnly day, ScopedTallies counts, CancellationToken cancellationToken, bool rewriteAll = false)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var dayKey = ReportingCalendar.Key(day);
        var stored = await ReadIndexAsync(day, cancellationToken).ConfigureAwait(false);
        var wanted = counts.ByScope.Where(s => !s.Value.IsEmpty)
            .ToDictionary(s => TableKeys.Escape(s.Key.Key), s => (Scope: s.Key, Counts: s.Value, Hash: Hash(s.Value)), StringComparer.Ordinal);
        var changed = wanted.Where(w => rewriteAll || !stored.TryGetValue(w.Key, out var hash) || hash != w.Value.Hash).ToList();
        var vanished = stored.Keys.Where(k => !wanted.ContainsKey(k)).ToList();

        // Totals first, the index after: the index never names a hash the totals do not hold, so a crash in between only
        // makes the next recount write those scopes again.
        await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = ParallelWrites, CancellationToken = cancellationToken },
            async (scope, ct) => await _totals.UpsertEntityAsync(ToRow(scope.Key, dayKey, scope.Value.Counts), TableUpdateMode.Replace, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        await Parallel.ForEachAsync(vanished, new ParallelOptions { MaxDegreeOfParallelism = ParallelWrites, CancellationToken = cancellationToken },
            async (scopeKey, ct) => await _totals.DeleteEntityAsync(scopeKey, dayKey, ETag.All, ct).ConfigureAwait(false))
            .ConfigureAwait(false);

        var index = IndexPrefix + dayKey;
        var actions = changed
            .Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(index, c.Key) { [HashColumn] = c.Value.Hash, [ScopeColumn] = c.Value.Scope.Key }))
            .Concat(vanished.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(index, k), ETag.All)))
            .ToList();
        if (actions.Count > 0)
        {
            await _days.SubmitInChunksAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ScopedTallies> ReadDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var dayKey = ReportingCalendar.Key(day);
        var stored = await ReadIndexAsync(day, cancellationToken).ConfigureAwait(false);
        var result = new ScopedTallies();
        var rows = new TableEntity?[stored.Count];
        var keys = stored.Keys.ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelWrites, CancellationToken = cancellationToken },
            async (i, ct) => rows[i] = await _totals.FindAsync<TableEntity>(keys[i], dayKey, ct).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var row in rows)
        {
            if (row is not null && ReportScope.FromKey(Unescape(row.PartitionKey)) is { } scope)
            {
                foreach (var (name, count) in ReadCounts(row).Counts)
                {
                    result.Add([scope], name, count);
                }
            }
        }

        return result;
    }

    public IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        DayPartitions.ListAsync(_days, IndexPrefix, from, to, cancellationToken);

    private async Task<Dictionary<string, string>> ReadIndexAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexPrefix + ReportingCalendar.Key(day)}");
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in _days.QueryAsync<TableEntity>(filter, select: ["RowKey", HashColumn], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            index[row.RowKey] = row.GetString(HashColumn) ?? "";
        }

        return index;
    }

    private static TableEntity ToRow(string partitionKey, string dayKey, Tally counts)
    {
        var json = JsonSerializer.Serialize(counts.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value));
        var row = new TableEntity(partitionKey, dayKey);
        for (int part = 0, start = 0; start < json.Length; part++, start += ColumnChars)
        {
            row[part == 0 ? CountsColumn : CountsColumn + part] = json.Substring(start, Math.Min(ColumnChars, json.Length - start));
        }

        return row;
    }

    private static Tally ReadCounts(TableEntity row)
    {
        var json = new StringBuilder(row.GetString(CountsColumn) ?? "{}");
        for (var part = 1; row.GetString(CountsColumn + part) is { } more; part++)
        {
            json.Append(more);
        }

        return Tally.From(JsonSerializer.Deserialize<Dictionary<string, long>>(json.ToString()) ?? []);
    }

    private static string Hash(Tally counts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(counts.ToString())), 0, 16);

    // The inverse of TableKeys.Escape: %XX back to the character.
    private static string Unescape(string key) => Uri.UnescapeDataString(key);
}
