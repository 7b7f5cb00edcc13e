using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Conversations;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Conversations;

internal sealed class TableConversationRecords(StorageClients clients, StorageNames names) : IConversationRecords
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.Conversations);

    public async Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        // Every key is built first: one too long (TableKeyTooLongException) leaves no row half written.
        foreach (var (partition, row) in KeysOf(record).ToList())
        {
            await _table.UpsertEntityAsync(ToEntity(record, partition, row), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<ConversationRecord?> FindConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        GetAsync(ConversationPartition(channelId), TableKeys.Escape(conversationId), cancellationToken);

    public Task<ConversationRecord?> FindPersonalByUserAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        GetAsync(UserPartition(channelId), TableKeys.Escape(userId), cancellationToken);

    public Task<ConversationRecord?> FindPersonalByAadAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
        GetAsync(AadPartition(tenantId), TableKeys.Escape(aadObjectId.ToLowerInvariant()), cancellationToken);

    public Task<ConversationRecord?> FindTeamAsync(string channelId, string teamId, CancellationToken cancellationToken) =>
        GetAsync(TeamPartition(channelId), TableKeys.Escape(teamId), cancellationToken);

    public async Task<IReadOnlyList<ConversationRecord>> ListTeamAsync(string channelId, string teamId, CancellationToken cancellationToken)
    {
        var partition = TeamConversationsPartition(channelId, teamId);
        var list = new List<ConversationRecord>();
        await foreach (var e in _table.QueryAsync<ConversationEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToRecord(e));
        }

        return list;
    }

    // Each lookup row is changed only while it still names this conversation, and only on the ETag it was read with:
    // a row rewritten meanwhile by a newer activity (the person wrote again) keeps what that activity wrote.
    public async Task<bool> MarkStaleAsync(string channelId, string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return await ForEachRowAsync(channelId, conversationId, async row =>
        {
            if (row.StaleSince is not null)
            {
                return;
            }

            row.StaleSince = at;
            row.StaleReason = reason.Length <= 500 ? reason : reason[..500];
            await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> RemoveAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        ForEachRowAsync(channelId, conversationId,
            row => _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken), cancellationToken);

    // The conversation row names the other keys, so it is changed last: a crash half-way leaves it to find them again.
    private async Task<bool> ForEachRowAsync(string channelId, string conversationId, Func<ConversationEntity, Task> change, CancellationToken cancellationToken)
    {
        var anchor = await _table.FindAsync<ConversationEntity>(ConversationPartition(channelId), TableKeys.Escape(conversationId), cancellationToken)
            .ConfigureAwait(false);
        if (anchor is null)
        {
            return false;
        }

        foreach (var (partition, row) in KeysOf(ToRecord(anchor)).Skip(1))
        {
            var entity = await _table.FindAsync<ConversationEntity>(partition, row, cancellationToken).ConfigureAwait(false);
            if (entity is not null && string.Equals(entity.ConversationId, conversationId, StringComparison.Ordinal))
            {
                await IgnoringLostRaceAsync(change(entity)).ConfigureAwait(false);
            }
        }

        await IgnoringLostRaceAsync(change(anchor)).ConfigureAwait(false);
        return true;
    }

    private static async Task IgnoringLostRaceAsync(Task write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    private async Task<ConversationRecord?> GetAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<ConversationEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    private static IEnumerable<(string Partition, string Row)> KeysOf(ConversationRecord record)
    {
        yield return (ConversationPartition(record.ChannelId), TableKeys.Escape(record.ConversationId));
        if (!string.IsNullOrEmpty(record.TeamId))
        {
            yield return (TeamPartition(record.ChannelId), TableKeys.Escape(record.TeamId));
            yield return (TeamConversationsPartition(record.ChannelId, record.TeamId), TableKeys.Escape(record.ConversationId));
        }

        if (!record.IsPersonal)
        {
            yield break;
        }

        if (!string.IsNullOrEmpty(record.UserId))
        {
            yield return (UserPartition(record.ChannelId), TableKeys.Escape(record.UserId));
        }

        // Only Teams vouches for an Entra object id and a tenant: a web chat client chooses what it claims, so its
        // records never become the place a Teams user's messages go.
        if (string.Equals(record.ChannelId, "msteams", StringComparison.Ordinal) &&
            !string.IsNullOrEmpty(record.AadObjectId) && !string.IsNullOrEmpty(record.TenantId))
        {
            yield return (AadPartition(record.TenantId), TableKeys.Escape(record.AadObjectId.ToLowerInvariant()));
        }
    }

    private static string ConversationPartition(string channelId) => TableKeys.Join("conv", channelId);
    private static string UserPartition(string channelId) => TableKeys.Join("user", channelId);
    private static string TeamPartition(string channelId) => TableKeys.Join("team", channelId);
    private static string TeamConversationsPartition(string channelId, string teamId) => TableKeys.Join("teamconv", channelId, teamId);
    private static string AadPartition(string tenantId) => TableKeys.Join("aad", tenantId.ToLowerInvariant());

    private static ConversationEntity ToEntity(ConversationRecord r, string partition, string row) => new()
    {
        PartitionKey = partition,
        RowKey = row,
        ETag = ETag.All,
        ChannelId = r.ChannelId,
        ConversationId = r.ConversationId,
        ConversationType = r.ConversationType,
        UserId = r.UserId,
        AadObjectId = r.AadObjectId,
        TenantId = r.TenantId,
        TeamId = r.TeamId,
        Locale = r.Locale,
        Reference = r.Reference,
        LastSeen = r.LastSeen,
        StaleSince = r.StaleSince,
        StaleReason = r.StaleReason,
    };

    private static ConversationRecord ToRecord(ConversationEntity e) => new()
    {
        ChannelId = e.ChannelId,
        ConversationId = e.ConversationId,
        ConversationType = e.ConversationType,
        UserId = e.UserId,
        AadObjectId = e.AadObjectId,
        TenantId = e.TenantId,
        TeamId = e.TeamId,
        Locale = e.Locale,
        Reference = e.Reference,
        LastSeen = e.LastSeen,
        StaleSince = e.StaleSince,
        StaleReason = e.StaleReason,
    };
}
