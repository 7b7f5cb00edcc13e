using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Insights;

/// <summary>
/// Day marks in <c>ReportDays</c>: PartitionKey <c>changed</c>, RowKey the day key. A mark is an upsert, so marking a
/// marked day only gives it a new ETag (its version); clearing is a delete conditioned on the ETag the roll-up read, so a
/// day marked again meanwhile stays marked.
/// </summary>
internal sealed class TableReportingChanges(StorageClients clients, StorageNames names) : IReportingChanges
{
    public const string Partition = "changed";

    private readonly TableClient _table = clients.Tables.GetTableClient(names.ReportDays);

    public async Task MarkChangedAsync(DateOnly day, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new TableEntity(Partition, ReportingCalendar.Key(day)), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ChangedDay>> ListAsync(CancellationToken cancellationToken)
    {
        var days = new List<ChangedDay>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ReportingCalendar.TryParseKey(row.RowKey, out var day))
            {
                days.Add(new ChangedDay(day, row.ETag.ToString()) { MarkedAt = row.Timestamp });
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
            // Cleared by someone else already.
            return true;
        }
    }
}
