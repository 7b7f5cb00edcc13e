using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Activities;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Activities;

/// <summary>Claims activity ids with an insert that fails on a duplicate key. Partitioned by day, so old days
/// can be dropped whole. Channels redeliver within seconds to minutes, so the previous day is read only in the
/// first <see cref="MidnightWindow"/> after midnight UTC, to catch a retry across it without a read per activity.</summary>
internal sealed class TableActivityLedger(StorageClients clients, StorageNames names) : IActivityLedger
{
    internal static readonly TimeSpan MidnightWindow = TimeSpan.FromHours(1);

    // Table keys hold at most 1 KiB; channels send ids far shorter, so a longer one is hashed rather than refused by storage.
    private const int MaxRowKeyLength = 255;

    private readonly TableClient _table = clients.Tables.GetTableClient(names.ActivityLedger);

    public async Task<bool> TryClaimAsync(string channelId, string conversationId, string activityId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var row = RowKey(channelId, conversationId, activityId);
        if (receivedAt.UtcDateTime.TimeOfDay < MidnightWindow)
        {
            var previousDay = Partition(receivedAt.AddDays(-1));
            var earlier = await _table.GetEntityIfExistsAsync<TableEntity>(previousDay, row, select: ["PartitionKey"], cancellationToken).ConfigureAwait(false);
            if (earlier.HasValue)
            {
                return false;
            }
        }

        try
        {
            await _table.AddEntityAsync(new TableEntity(Partition(receivedAt), row), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    // "%s" never comes out of TableKeys.Join ('%' is escaped to "%25"), so a hashed key cannot equal a plain one.
    private static string RowKey(string channelId, string conversationId, string activityId)
    {
        var row = TableKeys.Join(channelId, conversationId, activityId);
        return row.Length <= MaxRowKeyLength ? row : "%sha256|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(row)));
    }

    private static string Partition(DateTimeOffset time) => TableKeys.Day(time);
}
