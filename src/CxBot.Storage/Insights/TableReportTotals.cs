using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Insights;

/// <summary>
/// Counts in <c>ReportTotals</c>: PartitionKey = escaped scope key, RowKey = month <c>yyyyMM</c>, one column per day
/// (<see cref="TotalsMonthRow"/>). A period of one scope is one point read per month it touches, whatever the number of
/// records or days kept. Beside it, <c>ReportDays</c> keeps per day one row naming the scopes written, with a hash of
/// their counts (<see cref="DayScopeIndex"/>): a recount writes only the scopes whose counts changed and empties the
/// scopes that no longer have any.
/// </summary>
internal sealed class TableReportTotals(StorageClients clients, StorageNames names) : IReportTotalsStore
{
    private const int ParallelWrites = 16;
    private const int Rounds = 20;

    private readonly TableClient _totals = clients.Tables.GetTableClient(names.ReportTotals);
    private readonly DayScopeIndex _index = new(clients.Tables.GetTableClient(names.ReportDays));

    public async Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var partition = TableKeys.Escape(scope.Key);
        var rows = await Task.WhenAll(TotalsMonthRow.Months(from, to)
            .Select(month => _totals.FindAsync<TableEntity>(partition, TotalsMonthRow.MonthKey(month), cancellationToken))).ConfigureAwait(false);
        return [.. rows.OfType<TableEntity>().SelectMany(row => TotalsMonthRow.Days(row, from, to))];
    }

    public async Task ReplaceDayAsync(DateOnly day, ScopedTallies counts, CancellationToken cancellationToken, bool rewriteAll = false)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var stored = await _index.ReadAsync(day, cancellationToken).ConfigureAwait(false);
        var wanted = counts.ByScope.Where(s => !s.Value.IsEmpty).ToDictionary(s => s.Key.Key, s => (Counts: s.Value, Hash: Hash(s.Value)), StringComparer.Ordinal);
        var writes = wanted.Where(w => rewriteAll || !stored.TryGetValue(w.Key, out var hash) || hash != w.Value.Hash)
            .Select(w => (ScopeKey: w.Key, w.Value.Counts))
            .Concat(stored.Keys.Where(k => !wanted.ContainsKey(k)).Select(k => (ScopeKey: k, Counts: new Tally())))
            .ToList();

        // Totals first, the index after: the index never names a hash the totals do not hold, so a crash in between only
        // makes the next recount write those scopes again.
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = ParallelWrites, CancellationToken = cancellationToken },
            async (write, ct) => await WriteDayAsync(TableKeys.Escape(write.ScopeKey), day, write.Counts, ct).ConfigureAwait(false)).ConfigureAwait(false);

        if (writes.Count > 0 || rewriteAll)
        {
            await _index.WriteAsync(day, wanted.ToDictionary(w => w.Key, w => w.Value.Hash, StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ScopedTallies> ReadDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var stored = await _index.ReadAsync(day, cancellationToken).ConfigureAwait(false);
        var result = new ScopedTallies();
        var keys = stored.Keys.ToList();
        var read = new Tally?[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelWrites, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var row = await _totals.FindAsync<TableEntity>(TableKeys.Escape(keys[i]), TotalsMonthRow.MonthKey(day), ct).ConfigureAwait(false);
                read[i] = row is null ? null : TotalsMonthRow.Read(row, day);
            }).ConfigureAwait(false);
        for (var i = 0; i < keys.Count; i++)
        {
            if (read[i] is { } tally && ReportScope.FromKey(keys[i]) is { } scope)
            {
                foreach (var (name, count) in tally.Counts)
                {
                    result.Add([scope], name, count);
                }
            }
        }

        return result;
    }

    public IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        _index.DaysAsync(from, to, cancellationToken);

    // A day that fits its fair share of the row is merged blind: other days of the month (written by recounts running
    // beside this one) are untouched, and the row cannot outgrow its limits. A longer day reads the row first, checks the
    // limits with the other days as stored, and merges on the ETag read, so no write beside it can slip past the check.
    private async Task WriteDayAsync(string partition, DateOnly day, Tally counts, CancellationToken cancellationToken)
    {
        var month = TotalsMonthRow.MonthKey(day);
        var columns = TotalsMonthRow.Columns(day, counts);
        if (columns.Count == 1 && ((string)columns.Values.Single()).Length <= TotalsMonthRow.FairShareChars)
        {
            await MergeAsync(new TableEntity(columns) { PartitionKey = partition, RowKey = month }, ETag.All, cancellationToken).ConfigureAwait(false);
            return;
        }

        for (var round = 1; ; round++)
        {
            var row = await _totals.FindAsync<TableEntity>(partition, month, cancellationToken).ConfigureAwait(false);
            var change = new TableEntity(columns) { PartitionKey = partition, RowKey = month };
            foreach (var stale in row is null ? [] : TotalsMonthRow.StoredColumns(row, day).Where(c => !columns.ContainsKey(c)))
            {
                change[stale] = "";
            }

            Guard(row, change, day);
            try
            {
                if (row is null)
                {
                    await _totals.AddEntityAsync(change, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await MergeAsync(change, row.ETag, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && round < Rounds)
            {
                // Another day of the month was written meanwhile: check again against the row as it is now.
            }
        }
    }

    private async Task MergeAsync(TableEntity change, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            if (etag == ETag.All)
            {
                await _totals.UpsertEntityAsync(change, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _totals.UpdateEntityAsync(change, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && ex.ErrorCode is "EntityTooLarge" or "TooManyProperties" or "PropertyValueTooLarge")
        {
            throw new ReportTotalsLimitException($"The counts of {change.PartitionKey} for {change.RowKey} do not fit in one ReportTotals row ({ex.ErrorCode}).");
        }
    }

    // The row after the merge: the stored columns with this change applied, counted as the Table service counts them.
    private static void Guard(TableEntity? row, TableEntity change, DateOnly day)
    {
        var after = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in row ?? [])
        {
            if (value is string text && name is not ("PartitionKey" or "RowKey") && !name.StartsWith("odata.", StringComparison.Ordinal))
            {
                after[name] = text;
            }
        }

        foreach (var (name, value) in change)
        {
            if (name is not ("PartitionKey" or "RowKey"))
            {
                after[name] = (string)value;
            }
        }

        var size = TotalsMonthRow.SizeOf(change.PartitionKey, change.RowKey, after);
        if (after.Count > TotalsMonthRow.MaxProperties || size > TotalsMonthRow.MaxEntityBytes)
        {
            throw new ReportTotalsLimitException(
                $"The counts of {change.PartitionKey} for {day:yyyy-MM-dd} do not fit in the month's ReportTotals row: {after.Count} columns (at most {TotalsMonthRow.MaxProperties}), {size} bytes (at most {TotalsMonthRow.MaxEntityBytes}).");
        }
    }

    private static string Hash(Tally counts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(counts.ToString())), 0, 16);
}
