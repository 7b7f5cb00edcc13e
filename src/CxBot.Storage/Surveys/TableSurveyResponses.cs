using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Surveys;

/// <summary>
/// Responses in <c>SurveyResponses</c>, one partition per reporting day (see <see cref="ResponseEntity"/>). A response
/// is one transaction in its day's partition: the response row, for CSAT 1-2 with a comment its low-score pointer row,
/// and (for a recent day, <see cref="ResponseMarkWindow"/>) the day's "changed" mark, so a stored answer is never left
/// unmarked by a crash. The insert is the "one response per survey" guard: a second response to the survey makes the
/// transaction fail (409) and changes nothing, whatever order concurrent submits arrive in. An answer to an older day
/// marks its day in <c>ReportDays</c> beside the transaction.
/// </summary>
internal sealed class TableSurveyResponses(StorageClients clients, StorageNames names, IReportingChanges changes, ResponseMarkWindow window,
    ReportingCalendar calendar, TimeProvider time) : ISurveyResponses
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.SurveyResponses);

    public async Task<bool> TryAddAsync(DateOnly day, SurveyResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var actions = new List<TableTransactionAction>(3) { new(TableTransactionActionType.Add, ResponseRows.ToEntity(day, response)) };
        if (ResponseRows.IsLowWithComment(response.Answers))
        {
            actions.Add(new(TableTransactionActionType.Add, ResponseRows.ToLowScore(day, response)));
        }

        var markBeside = window.MarksBesideResponse(day, calendar.DayOf(time.GetUtcNow()));
        if (markBeside)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, ResponseRows.ToMark(day)));
        }

        var adding = AddAsync(actions, cancellationToken);
        if (!markBeside)
        {
            await Task.WhenAll(adding, changes.MarkChangedAsync(day, cancellationToken)).ConfigureAwait(false);
        }

        return await adding.ConfigureAwait(false);
    }

    public async Task<SurveyResponse?> GetAsync(DateOnly day, string surveyId, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync<ResponseEntity>(ResponseRows.Partition(day), ResponseRows.ResponseRow(surveyId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ResponseRows.ToResponse(entity);
    }

    private async Task<bool> AddAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitCheckedAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
