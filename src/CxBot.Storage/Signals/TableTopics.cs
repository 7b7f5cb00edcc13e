using Azure.Data.Tables;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Signals;

/// <summary>One partition per tenant: the whole list is one single-partition query, and topics are tens, not thousands.
/// Adds are inserts (the key is the uniqueness claim); renames and merges replace with the ETag read.</summary>
internal sealed class TableTopics(StorageClients clients, StorageNames names) : ITopicStore
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.Topics);

    public async Task<IReadOnlyList<Topic>> ListAsync(string? tenantId, CancellationToken cancellationToken)
    {
        var topics = new List<Topic>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenantId)}");
        await foreach (var entity in _table.QueryAsync<TopicEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            topics.Add(ToTopic(entity));
        }

        return topics;
    }

    public async Task<Topic?> GetAsync(string? tenantId, string key, CancellationToken cancellationToken)
    {
        var normalized = TopicKey.Normalize(key);
        if (normalized.Length == 0)
        {
            return null;
        }

        var entity = await _table.FindAsync<TopicEntity>(Partition(tenantId), TableKeys.Escape(normalized), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToTopic(entity);
    }

    public async Task<bool> TryAddAsync(string? tenantId, Topic topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var etag = await _table.TryAddAsync(ToEntity(tenantId, topic), cancellationToken).ConfigureAwait(false);
        if (etag is null)
        {
            return false;
        }

        topic.RecordStoredVersion(etag);
        return true;
    }

    public async Task SaveAsync(string? tenantId, Topic topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        topic.RecordStoredVersion(await _table.ReplaceIfUnchangedAsync(ToEntity(tenantId, topic), topic.ETag, cancellationToken).ConfigureAwait(false));
    }

    private static string Partition(string? tenantId) =>
        string.IsNullOrWhiteSpace(tenantId) ? "-" : TableKeys.Escape(tenantId.Trim().ToLowerInvariant());

    private static TopicEntity ToEntity(string? tenantId, Topic t) => new()
    {
        PartitionKey = Partition(tenantId),
        RowKey = TableKeys.Escape(t.Key),
        TenantId = tenantId,
        Key = t.Key,
        English = t.English,
        Dutch = t.Dutch,
        Reviewed = t.Reviewed,
        MergedInto = t.MergedInto,
        AddedById = t.AddedBy?.ObjectId,
        AddedByName = t.AddedBy?.DisplayName,
        AddedAt = t.AddedAt,
    };

    private static Topic ToTopic(TopicEntity e) => Topic.Restore(e.Key, e.English, e.Dutch, e.Reviewed, e.MergedInto,
        e.AddedByName is null && e.AddedById is null ? null : new PersonRef(e.AddedByName ?? e.AddedById!) { ObjectId = e.AddedById },
        e.AddedAt, e.ETag.ToString());
}
