using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;
using CxBot.Domain.People;

namespace CxBot.Storage.FollowUps;

/// <summary>
/// One partition per follow-up, updated with its ETag, so of two supervisors claiming at once the second gets a
/// conflict. The overdue scan is a filter on Status and DueAt over the whole table: follow-ups are a small
/// fraction of responses (hundreds a month), so this stays cheap; an index partition of unresolved ids would be
/// the next step if it ever is not.
/// </summary>
internal sealed class TableFollowUps(StorageClients clients, StorageNames names) : IFollowUps
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.FollowUps);

    public async Task<bool> TryAddAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var etag = await _table.TryAddAsync(ToEntity(followUp), cancellationToken).ConfigureAwait(false);
        if (etag is null)
        {
            return false;
        }

        followUp.ETag = etag;
        return true;
    }

    public async Task<FollowUp?> GetAsync(string followUpId, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync<FollowUpEntity>(TableKeys.Escape(followUpId), FollowUpEntity.Row, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToFollowUp(entity);
    }

    public async Task UpdateAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        followUp.ETag = await _table.ReplaceIfUnchangedAsync(ToEntity(followUp), followUp.ETag, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<FollowUp> ListUnresolvedDueBeforeAsync(DateTimeOffset time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // "le" on the server and the exact "<" here: Azurite compares datetimes in filters to the millisecond only.
        var filter = TableClient.CreateQueryFilter($"Status ne {nameof(FollowUpStatus.Resolved)} and DueAt le {time}");
        await foreach (var entity in _table.QueryAsync<FollowUpEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.DueAt < time)
            {
                yield return ToFollowUp(entity);
            }
        }
    }

    private static FollowUpEntity ToEntity(FollowUp f) => new()
    {
        PartitionKey = TableKeys.Escape(f.FollowUpId),
        FollowUpId = f.FollowUpId,
        SurveyId = f.SurveyId,
        ContactId = f.ContactId,
        AgentId = f.Agent.AgentId!,
        AgentName = f.Agent.DisplayName,
        Queue = f.Queue,
        TenantId = f.TenantId,
        Reasons = f.Reasons.ToString(),
        CallBack = f.CallBack,
        CreatedAt = f.CreatedAt,
        DueAt = f.DueAt,
        Csat = f.Csat,
        Comment = f.Comment,
        Status = f.Status.ToString(),
        OwnerId = f.Owner?.ObjectId,
        OwnerName = f.Owner?.DisplayName,
        ClaimedAt = f.ClaimedAt,
        ResolvedById = f.ResolvedBy?.ObjectId,
        ResolvedByName = f.ResolvedBy?.DisplayName,
        ResolvedAt = f.ResolvedAt,
        ResolutionNote = f.ResolutionNote,
        OverdueAnnouncedAt = f.OverdueAnnouncedAt,
        CardConversationId = f.CardConversationId,
        CardActivityId = f.CardActivityId,
    };

    private static FollowUp ToFollowUp(FollowUpEntity e)
    {
        var followUp = new FollowUp
        {
            FollowUpId = e.FollowUpId,
            SurveyId = e.SurveyId,
            ContactId = e.ContactId,
            Agent = PersonRef.Agent(e.AgentId, e.AgentName),
            Queue = e.Queue,
            TenantId = e.TenantId,
            Reasons = Enum.Parse<FollowUpReasons>(e.Reasons),
            CallBack = e.CallBack,
            CreatedAt = e.CreatedAt,
            DueAt = e.DueAt,
            Csat = e.Csat,
            Comment = e.Comment,
            CardConversationId = e.CardConversationId,
            CardActivityId = e.CardActivityId,
            ETag = e.ETag.ToString(),
        };
        return followUp.Restore(Enum.Parse<FollowUpStatus>(e.Status), ActorOf(e.OwnerId, e.OwnerName), e.ClaimedAt,
            ActorOf(e.ResolvedById, e.ResolvedByName), e.ResolvedAt, e.ResolutionNote, e.OverdueAnnouncedAt);
    }

    private static PersonRef? ActorOf(string? id, string? name) => id is null ? null : PersonRef.Staff(id, name ?? id);
}
