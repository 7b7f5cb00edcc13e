using Azure;
using Azure.Data.Tables;
using CxBot.Domain.People;
using CxBot.Storage.Setup;

namespace CxBot.Storage.People;

/// <summary>
/// One partition per stored source (<c>api</c>, <c>roster</c>), one row per person; the directory is small (staff,
/// not customers), so a full read is a two-partition query. An index partition maps each platform agent id of an
/// API entry to the person. Writes are commands that replace the person's entry (idempotent, no read-modify-write
/// to lose); the index is written after the entry and checked against it on read, so a crash between the two
/// leaves a stale index row that is ignored, never a wrong answer.
/// </summary>
internal sealed class TableStaff(StorageClients clients, StorageNames names) : IStaffStore
{
    private const char ListSeparator = '\n';
    private readonly TableClient _table = clients.Tables.GetTableClient(names.Staff);

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken) =>
        [.. await ListAsync(StaffSource.Api, cancellationToken).ConfigureAwait(false),
            .. await ListAsync(StaffSource.Roster, cancellationToken).ConfigureAwait(false)];

    public async Task<IReadOnlyList<StaffMember>> ListAsync(StaffSource source, CancellationToken cancellationToken)
    {
        var partition = Partition(source);
        var members = new List<StaffMember>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var e in _table.QueryAsync<StaffEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            members.Add(ToMember(e, source));
        }

        return members;
    }

    public async Task<StaffMember?> FindAsync(StaffSource source, string objectId, CancellationToken cancellationToken)
    {
        var e = await _table.FindAsync<StaffEntity>(Partition(source), Row(objectId), cancellationToken).ConfigureAwait(false);
        return e is null ? null : ToMember(e, source);
    }

    public async Task<string?> FindObjectIdByAgentIdAsync(string agentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        var index = await _table.FindAsync<StaffAgentIndexEntity>(StaffAgentIndexEntity.Partition, Row(agentId), cancellationToken).ConfigureAwait(false);
        if (index is null)
        {
            return null;
        }

        // The entry is the truth; an index row left by an interrupted change is ignored.
        var entry = await FindAsync(StaffSource.Api, index.ObjectId, cancellationToken).ConfigureAwait(false);
        return entry is not null && entry.AgentIds.Contains(agentId, StringComparer.OrdinalIgnoreCase) ? entry.ObjectId : null;
    }

    public async Task UpsertAsync(StaffMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var partition = Partition(member.Source);
        var previous = member.Source == StaffSource.Api
            ? await FindAsync(StaffSource.Api, member.ObjectId, cancellationToken).ConfigureAwait(false)
            : null;
        await _table.UpsertEntityAsync(ToEntity(member, partition), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (member.Source != StaffSource.Api)
        {
            return;
        }

        foreach (var agentId in member.AgentIds)
        {
            var index = new StaffAgentIndexEntity { RowKey = Row(agentId), ETag = ETag.All, AgentId = agentId, ObjectId = member.ObjectId };
            await _table.UpsertEntityAsync(index, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        var dropped = previous?.AgentIds.Except(member.AgentIds, StringComparer.OrdinalIgnoreCase) ?? [];
        await DeleteIndexRowsAsync(member.ObjectId, dropped, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(StaffSource source, string objectId, CancellationToken cancellationToken)
    {
        var previous = await FindAsync(source, objectId, cancellationToken).ConfigureAwait(false);
        if (previous is null)
        {
            return false;
        }

        var response = await _table.DeleteEntityAsync(Partition(source), Row(objectId), ETag.All, cancellationToken).ConfigureAwait(false);
        await DeleteIndexRowsAsync(objectId, previous.AgentIds, cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>Deletes the index rows of these agent ids that still point to the person (another may hold one now).</summary>
    private async Task DeleteIndexRowsAsync(string objectId, IEnumerable<string> agentIds, CancellationToken cancellationToken)
    {
        foreach (var agentId in agentIds)
        {
            var index = await _table.FindAsync<StaffAgentIndexEntity>(StaffAgentIndexEntity.Partition, Row(agentId), cancellationToken).ConfigureAwait(false);
            if (index is not null && string.Equals(index.ObjectId, objectId, StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    await _table.DeleteEntityAsync(index.PartitionKey, index.RowKey, index.ETag, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // Taken over by another person since it was read: theirs now, keep it.
                }
            }
        }
    }

    private static string Partition(StaffSource source) => source switch
    {
        StaffSource.Api => "api",
        StaffSource.Roster => "roster",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Only the API and roster sources are stored."),
    };

    private static string Row(string id) => TableKeys.Escape(id.ToLowerInvariant());

    private static StaffEntity ToEntity(StaffMember m, string partition) => new()
    {
        PartitionKey = partition,
        RowKey = Row(m.ObjectId),
        ETag = ETag.All,
        ObjectId = m.ObjectId,
        DisplayName = m.DisplayName,
        Roles = m.Roles.ToString(),
        AgentIds = string.Join(ListSeparator, m.AgentIds),
        Team = m.Team,
        Queues = string.Join(ListSeparator, m.Queues),
        TenantId = m.TenantId,
    };

    private static StaffMember ToMember(StaffEntity e, StaffSource source) => new(e.ObjectId, e.DisplayName)
    {
        Roles = Enum.Parse<StaffRoles>(e.Roles),
        AgentIds = Split(e.AgentIds),
        Team = e.Team,
        Queues = Split(e.Queues),
        TenantId = e.TenantId,
        Source = source,
    };

    private static string[] Split(string value) => value.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries);
}
