using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Messaging;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Messaging;

/// <summary>
/// One row for the bot. Raising the time is a read and a conditional write (insert, or replace on the ETag read),
/// repeated on a lost race, so a shorter wait written late never shortens a longer one.
/// </summary>
internal sealed class TableSendThrottle(StorageClients clients, StorageNames names) : ISendThrottle
{
    private const string Partition = "bot";
    private const string Row = "throttle";
    private const int Attempts = 5;

    private readonly TableClient _table = clients.Tables.GetTableClient(names.Throttles);

    public async Task<DateTimeOffset?> GetBlockedUntilAsync(CancellationToken cancellationToken)
    {
        var row = await _table.FindAsync<ThrottleEntity>(Partition, Row, cancellationToken).ConfigureAwait(false);
        return row?.BlockedUntil;
    }

    public async Task BlockUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var row = await _table.FindAsync<ThrottleEntity>(Partition, Row, cancellationToken).ConfigureAwait(false);
            if (row is not null && row.BlockedUntil >= until)
            {
                return;
            }

            var next = new ThrottleEntity { PartitionKey = Partition, RowKey = Row, BlockedUntil = until };
            if (row is null)
            {
                if (await _table.TryAddAsync(next, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return;
                }

                continue;
            }

            try
            {
                await _table.UpdateEntityAsync(next, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Someone else raised (or removed) it meanwhile: read again.
            }
        }
    }
}

/// <summary>Row of <c>Throttles</c>.</summary>
internal sealed class ThrottleEntity : TableRow
{
    public DateTimeOffset BlockedUntil { get; set; }
}
