using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Surveys;

/// <summary>
/// Responses in <c>SurveyResponses</c>, one partition per reporting day (see <see cref="ResponseEntity"/>). A response
/// is one transaction in its day's partition: the response row and, for CSAT 1-2 with a comment, its low-score pointer
/// row. The insert is the "one response per survey" guard: a second response to the survey makes the transaction fail
/// (409) and changes nothing, whatever order concurrent submits arrive in.
/// </summary>
internal sealed class TableSurveyResponses(StorageClients clients, StorageNames names) : ISurveyResponses
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.SurveyResponses);

    public async Task<bool> TryAddAsync(DateOnly day, SurveyResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var actions = new List<TableTransactionAction>(2) { new(TableTransactionActionType.Add, ResponseRows.ToEntity(day, response)) };
        if (ResponseRows.IsLowWithComment(response.Answers))
        {
            actions.Add(new(TableTransactionActionType.Add, ResponseRows.ToLowScore(day, response)));
        }

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

    public async Task<SurveyResponse?> GetAsync(DateOnly day, string surveyId, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync<ResponseEntity>(ResponseRows.Partition(day), ResponseRows.ResponseRow(surveyId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ResponseRows.ToResponse(entity);
    }
}
