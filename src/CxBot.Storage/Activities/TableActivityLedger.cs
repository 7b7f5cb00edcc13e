using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Activities;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Activities;

/// <summary>
/// One row per inbound activity, partitioned by the UTC day it first arrived (old days can be dropped whole). The
/// insert is the claim; the row says Running (with when it started) until the turn completes (Done, with the invoke's
/// answer) or is abandoned (row deleted). Channels redeliver within seconds to minutes, so the previous day is read
/// only in the first <see cref="MidnightWindow"/> after midnight UTC, to catch a retry across it without a read per
/// activity.
/// </summary>
internal sealed class TableActivityLedger(StorageClients clients, StorageNames names) : IActivityLedger
{
    internal static readonly TimeSpan MidnightWindow = TimeSpan.FromHours(1);

    // Table keys hold at most 1 KiB; channels send ids far shorter, so a longer one is hashed rather than refused by storage.
    private const int MaxRowKeyLength = 255;

    // A string column holds 64 KiB (32K UTF-16 characters); an answer beyond that is not kept (a redelivery then gets 200 without it).
    internal const int MaxAnswerLength = 32_000;

    private const string Running = "Running";
    private const string Done = "Done";

    private readonly TableClient _table = clients.Tables.GetTableClient(names.ActivityLedger);

    public async Task<ActivityClaim> TryClaimAsync(ActivityKey key, DateTimeOffset receivedAt, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var row = RowKey(key);
        // The common case, a first delivery, costs one insert; a row is read only when the insert finds one.
        var existing = receivedAt.UtcDateTime.TimeOfDay < MidnightWindow
            ? await FindInAsync(Partition(receivedAt.AddDays(-1)), row, cancellationToken).ConfigureAwait(false)
            : null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (existing is null)
            {
                var entity = new TableEntity(Partition(receivedAt), row) { ["State"] = Running, ["StartedAt"] = receivedAt };
                try
                {
                    var added = await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    return new ActivityClaim(ActivityClaimStatus.Claimed, Version(entity.PartitionKey, added.Headers.ETag ?? default), null);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    existing = await FindInAsync(Partition(receivedAt), row, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            var state = StateOf(existing);
            if (state.Status != ActivityClaimStatus.InProgress || receivedAt - existing.GetDateTimeOffset("StartedAt").GetValueOrDefault() < staleAfter)
            {
                return state;
            }

            // The attempt that claimed it stopped answering (its instance died, or its turn outlived its budget): take over.
            existing["StartedAt"] = receivedAt;
            try
            {
                var taken = await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new ActivityClaim(ActivityClaimStatus.Claimed, Version(existing.PartitionKey, taken.Headers.ETag ?? default), null);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                existing = await FindAsync(row, receivedAt, cancellationToken).ConfigureAwait(false);
            }
        }

        // Still contended after three rounds: another delivery is busy with it right now.
        return new ActivityClaim(ActivityClaimStatus.InProgress, null, null);
    }

    public async Task CompleteAsync(ActivityKey key, ActivityClaim claim, StoredAnswer? answer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (partition, _) = ParseVersion(claim);
        var entity = new TableEntity(partition, RowKey(key)) { ["State"] = Done, ["CompletedAt"] = at };
        if (answer is not null)
        {
            entity["AnswerStatus"] = answer.Status;
            if (answer.BodyJson is { Length: <= MaxAnswerLength } body)
            {
                entity["AnswerBody"] = body;
            }
        }

        // Unconditional on purpose: the turn ran; even if a stale-claim takeover raced it, "done" is the truth.
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task AbandonAsync(ActivityKey key, ActivityClaim claim, CancellationToken cancellationToken)
    {
        var (partition, etag) = ParseVersion(claim);
        try
        {
            // Only our own claim: a takeover by another delivery since then is left alone.
            await _table.DeleteEntityAsync(partition, RowKey(key), etag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    public async Task<ActivityClaim?> GetAsync(ActivityKey key, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(RowKey(key), receivedAt, cancellationToken).ConfigureAwait(false);
        return existing is null ? null : StateOf(existing);
    }

    private async Task<TableEntity?> FindAsync(string row, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        await FindInAsync(Partition(receivedAt), row, cancellationToken).ConfigureAwait(false)
        ?? (receivedAt.UtcDateTime.TimeOfDay < MidnightWindow
            ? await FindInAsync(Partition(receivedAt.AddDays(-1)), row, cancellationToken).ConfigureAwait(false)
            : null);

    private async Task<TableEntity?> FindInAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }

    private static ActivityClaim StateOf(TableEntity entity)
    {
        if (!string.Equals(entity.GetString("State"), Done, StringComparison.Ordinal) && entity.GetString("State") is not null)
        {
            return new ActivityClaim(ActivityClaimStatus.InProgress, null, null);
        }

        // Rows written before states existed have no State column: they were handled.
        var status = entity.GetInt32("AnswerStatus");
        return new ActivityClaim(ActivityClaimStatus.Completed, null, status is null ? null : new StoredAnswer(status.Value, entity.GetString("AnswerBody")));
    }

    private static string Version(string partition, ETag etag) => partition + "\n" + etag;

    private static (string Partition, ETag ETag) ParseVersion(ActivityClaim claim)
    {
        if (claim.Status != ActivityClaimStatus.Claimed || claim.Version?.Split('\n', 2) is not [var partition, var etag])
        {
            throw new ArgumentException("Only a claim made by this delivery can be completed or abandoned.", nameof(claim));
        }

        return (partition, new ETag(etag));
    }

    // "%s" never comes out of TableKeys.Join ('%' is escaped to "%25"), so a hashed key cannot equal a plain one.
    private static string RowKey(ActivityKey key)
    {
        var row = TableKeys.Join(key.ChannelId, key.ConversationId, key.ActivityId);
        return row.Length <= MaxRowKeyLength ? row : "%sha256|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(row)));
    }

    private static string Partition(DateTimeOffset time) => TableKeys.Day(time);
}
