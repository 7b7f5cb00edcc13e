using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Insights;

/// <summary>
/// Interim marks of changed reporting days (table <c>ReportDays</c>: PartitionKey <c>changed</c>, RowKey the day key;
/// the row's ETag is the mark's version). The reporting store's roll-up brings the full implementation of
/// <see cref="IReportingChanges"/>, which replaces this file; until then the writers of day records have a real mark to set.
/// </summary>
internal sealed class TableReportDays(StorageClients clients, StorageNames names, TimeProvider time) : IReportingChanges
{
    private const string Partition = "changed";

    private readonly TableClient _table = clients.Tables.GetTableClient(names.ReportDays);

    public async Task MarkChangedAsync(DateOnly day, CancellationToken cancellationToken)
    {
        // A blind upsert: every mark gets a new ETag, so a roll-up that read an older mark does not clear this one.
        var row = new ReportDayEntity { PartitionKey = Partition, RowKey = ReportingCalendar.Key(day), MarkedAt = time.GetUtcNow() };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ChangedDay>> ListAsync(CancellationToken cancellationToken)
    {
        var days = new List<ChangedDay>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in _table.QueryAsync<ReportDayEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ReportingCalendar.TryParseKey(row.RowKey, out var day))
            {
                days.Add(new ChangedDay(day, row.ETag.ToString()));
            }
        }

        return days;
    }

    public async Task<bool> ClearAsync(ChangedDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        try
        {
            await _table.DeleteEntityAsync(Partition, ReportingCalendar.Key(day.Day), new ETag(day.Version), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return true;
        }
    }

    private sealed class ReportDayEntity : TableRow
    {
        public DateTimeOffset MarkedAt { get; set; }
    }
}
