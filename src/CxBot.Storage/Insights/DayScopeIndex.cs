using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CxBot.Domain.Insights;

namespace CxBot.Storage.Insights;

/// <summary>
/// Which scopes a day's totals hold, with a hash of each scope's counts: one <c>ReportDays</c> row per day (PartitionKey
/// <c>scopes</c>, RowKey the day key), the JSON object scope key → hash in <c>Scopes</c>, continued in <c>Scopes1</c>,
/// <c>Scopes2</c>... past 30,000 characters. A day without scopes has no row.
/// </summary>
internal sealed class DayScopeIndex(TableClient days)
{
    public const string Partition = "scopes";
    private const string Column = "Scopes";

    public async Task<Dictionary<string, string>> ReadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var row = await days.FindAsync<TableEntity>(Partition, ReportingCalendar.Key(day), cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var json = new StringBuilder(row.GetString(Column) ?? "{}");
        for (var part = 1; row.GetString(Column + part) is { } more; part++)
        {
            json.Append(more);
        }

        return new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json.ToString()) ?? [], StringComparer.Ordinal);
    }

    /// <summary>Replaces the day's row (a replace drops continuation columns a longer earlier index had).</summary>
    public async Task WriteAsync(DateOnly day, IReadOnlyDictionary<string, string> hashes, CancellationToken cancellationToken)
    {
        var dayKey = ReportingCalendar.Key(day);
        if (hashes.Count == 0)
        {
            await days.DeleteEntityAsync(Partition, dayKey, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
            return;
        }

        var json = JsonSerializer.Serialize(hashes.OrderBy(h => h.Key, StringComparer.Ordinal).ToDictionary(h => h.Key, h => h.Value));
        var row = new TableEntity(Partition, dayKey);
        for (int part = 0, start = 0; start < json.Length; part++, start += TotalsMonthRow.ColumnChars)
        {
            row[part == 0 ? Column : Column + part] = json.Substring(start, Math.Min(TotalsMonthRow.ColumnChars, json.Length - start));
        }

        if (row.Count - 2 > TotalsMonthRow.MaxProperties
            || TotalsMonthRow.SizeOf(Partition, dayKey, row.Where(c => c.Value is string).Select(c => new KeyValuePair<string, string>(c.Key, (string)c.Value))) > TotalsMonthRow.MaxEntityBytes)
        {
            throw new ReportTotalsLimitException($"The scope index of {day:yyyy-MM-dd} ({hashes.Count} scopes, {json.Length} characters) does not fit in one ReportDays row.");
        }

        await days.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and RowKey ge {ReportingCalendar.Key(from)} and RowKey le {ReportingCalendar.Key(to)}");
        await foreach (var row in days.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ReportingCalendar.TryParseKey(row.RowKey, out var day))
            {
                yield return day;
            }
        }
    }
}

/// <summary>Counts that do not fit the Table service's limits for one entity (1 MiB, 252 properties): refused, never cut.</summary>
public sealed class ReportTotalsLimitException(string message) : InvalidOperationException(message);
