using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Storage.Insights;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Surveys;

/// <summary>
/// Counts a reporting day's responses: one prefix read of the day's partition (response rows only, without their raw
/// answers), each row counted by <see cref="ResponseCounting"/>, then only the newest low-score comment pointers kept
/// (<see cref="LowScoreComments"/>).
/// </summary>
internal sealed class ResponseFactSource(StorageClients clients, StorageNames names) : IReportingFactSource, IRecordedDays
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.SurveyResponses);

    public string Name => "responses";

    public async Task CountDayAsync(DateOnly day, ScopedTallies into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(into);
        await foreach (var entity in _table.QueryAsync<ResponseEntity>(ResponseRows.DayRows(day, ResponseRows.ResponsePrefix),
            select: ResponseRows.CountingColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ResponseCounting.Count(ResponseRows.ToResponse(entity), into);
        }

        LowScoreComments.KeepNewest(into);
    }

    public IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        DayPartitions.ListAsync(_table, "", from, to, cancellationToken);
}
