using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Storage.Setup;
using CxBot.Storage.Surveys;

namespace CxBot.Storage.Insights;

/// <summary>
/// Day marks, in two places. In <c>ReportDays</c>: PartitionKey <c>changed</c>, RowKey the day key (funnel, signals, and
/// answers to days older than <see cref="ResponseMarkWindow"/>). Beside the responses: the row <c>m|changed</c> of a
/// recent day's <c>SurveyResponses</c> partition, written in the response's own transaction; listed by one point read per
/// day of the window (never a query on that table, which grows with the responses). A mark is an upsert, so marking a
/// marked day only gives it a new ETag; the version names the mark's place and ETag, and clearing is a delete of that
/// row conditioned on the ETag the roll-up read, so a day marked again meanwhile stays marked.
/// </summary>
internal sealed class TableReportingChanges(StorageClients clients, StorageNames names, ResponseMarkWindow window, ReportingCalendar calendar,
    TimeProvider time) : IReportingChanges
{
    public const string Partition = "changed";

    private const string DaysSource = "d:";
    private const string ResponsesSource = "r:";

    private readonly TableClient _table = clients.Tables.GetTableClient(names.ReportDays);
    private readonly TableClient _responses = clients.Tables.GetTableClient(names.SurveyResponses);

    public async Task MarkChangedAsync(DateOnly day, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new TableEntity(Partition, ReportingCalendar.Key(day)), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ChangedDay>> ListAsync(CancellationToken cancellationToken)
    {
        var besideResponses = Task.WhenAll(window.ListedDays(calendar.DayOf(time.GetUtcNow())).Select(day => FindResponsesMarkAsync(day, cancellationToken)));
        var days = new List<ChangedDay>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ReportingCalendar.TryParseKey(row.RowKey, out var day))
            {
                days.Add(new ChangedDay(day, DaysSource + row.ETag) { MarkedAt = row.Timestamp });
            }
        }

        days.AddRange((await besideResponses.ConfigureAwait(false)).OfType<ChangedDay>());
        return [.. days.OrderBy(d => d.Day)];
    }

    public async Task<bool> ClearAsync(ChangedDay day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        var (table, partition, row, etag) = day.Version.StartsWith(ResponsesSource, StringComparison.Ordinal)
            ? (_responses, ResponseRows.Partition(day.Day), ResponseRows.MarkRow, day.Version[ResponsesSource.Length..])
            : (_table, Partition, ReportingCalendar.Key(day.Day),
                day.Version.StartsWith(DaysSource, StringComparison.Ordinal) ? day.Version[DaysSource.Length..] : day.Version);
        try
        {
            await table.DeleteEntityAsync(partition, row, new ETag(etag), cancellationToken).ConfigureAwait(false);
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

    private async Task<ChangedDay?> FindResponsesMarkAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var mark = await _responses.FindAsync<TableEntity>(ResponseRows.Partition(day), ResponseRows.MarkRow, cancellationToken).ConfigureAwait(false);
        return mark is null ? null : new ChangedDay(day, ResponsesSource + mark.ETag) { MarkedAt = mark.Timestamp };
    }
}
