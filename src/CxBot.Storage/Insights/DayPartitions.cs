using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CxBot.Domain.Insights;

namespace CxBot.Storage.Insights;

/// <summary>
/// Lists the day partitions (<c>{prefix}yyyyMMdd</c>) of a table without reading their rows: a skip scan that asks for
/// the first key after the last day found, one small request per day that exists (plus one to find the end).
/// </summary>
internal static class DayPartitions
{
    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    public static async IAsyncEnumerable<DateOnly> ListAsync(TableClient table, string prefix, DateOnly from, DateOnly to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = prefix + ReportingCalendar.Key(from.AddDays(-1)) + "~";
        var last = prefix + ReportingCalendar.Key(to) + "~";
        while (true)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey gt {after} and PartitionKey lt {last}");
            string? found = null;
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: KeysOnly, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                found = row.PartitionKey;
                break;
            }

            if (found is null)
            {
                yield break;
            }

            if (ReportingCalendar.TryParseKey(found[prefix.Length..], out var day))
            {
                yield return day;
            }

            // '~' sorts after every character a key of this table uses, so the next query starts at the next partition.
            after = found + "~";
        }
    }
}
