using Azure.Data.Tables;
using CxBot.Domain.Customers;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Customers;

/// <summary>
/// One row per customer. A change reads the row, applies the domain's guarded method and writes conditioned on the
/// ETag read, or inserts when there is no row: of two instances reserving one customer's window at once, one write
/// wins and the other fails (412 or 409), re-reads, and meets the winner's reservation in the guard.
/// </summary>
internal sealed class TableSuppressionWindows(StorageClients clients, StorageNames names) : ISuppressionWindows
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.CustomerSuppression);

    public async Task<SuppressionWindow> GetAsync(string customerKey, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync<SuppressionEntity>(TableKeys.Escape(customerKey), SuppressionEntity.Row, cancellationToken).ConfigureAwait(false);
        return ToWindow(customerKey, entity);
    }

    public async Task<SuppressionWindow> ChangeAsync(string customerKey, Func<SuppressionWindow, bool> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var stored = await _table.ChangeAsync<SuppressionEntity>(TableKeys.Escape(customerKey), SuppressionEntity.Row,
            entity =>
            {
                var window = ToWindow(customerKey, entity);
                return change(window) ? ToEntity(window) : null;
            }, cancellationToken).ConfigureAwait(false);
        return ToWindow(customerKey, stored);
    }

    private static SuppressionWindow ToWindow(string customerKey, SuppressionEntity? e)
    {
        if (e is null)
        {
            return SuppressionWindow.Free(customerKey);
        }

        var state = e is { SurveyId: { } surveyId, Hold: { } hold, At: { } at, ReservedUntil: { } until }
            ? new SuppressionState(surveyId, Enum.Parse<SuppressionHold>(hold), at, until)
            : null;
        return SuppressionWindow.Restore(customerKey, state, e.ETag.ToString());
    }

    private static SuppressionEntity ToEntity(SuppressionWindow w) => new()
    {
        PartitionKey = TableKeys.Escape(w.CustomerKey),
        CustomerKey = w.CustomerKey,
        SurveyId = w.State?.SurveyId,
        Hold = w.State?.Hold.ToString(),
        At = w.State?.At,
        ReservedUntil = w.State?.ReservedUntil,
    };
}
