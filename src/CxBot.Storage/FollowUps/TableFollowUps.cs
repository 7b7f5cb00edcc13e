using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CxBot.Domain.FollowUps;
using CxBot.Storage.Setup;
using CxBot.Domain.Messaging;
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

        followUp.RecordStoredVersion(etag);
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
        followUp.RecordStoredVersion(await _table.ReplaceIfUnchangedAsync(ToEntity(followUp), followUp.ETag, cancellationToken).ConfigureAwait(false));
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
        SourceKind = f.Source.Kind.ToString(),
        SourceId = f.Source.Id,
        SurveyId = f.Source.Kind == FollowUpSourceKind.SurveyResponse ? f.Source.Id : null,
        ContactId = f.ContactId,
        TenantId = f.TenantId,
        CustomerName = f.CustomerName,
        AgentId = f.Agent.AgentId!,
        AgentName = f.Agent.DisplayName,
        AgentObjectId = f.Agent.ObjectId,
        Queue = f.Queue,
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
        ResolutionNote = f.Resolution?.Note,
        ResolutionCustomerReached = f.Resolution?.CustomerReached,
        ResolutionRecovered = f.Resolution?.Recovered?.ToString(),
        ResolutionDriver = f.Resolution?.RootCauseDriver,
        ResolutionTopic = f.Resolution?.RootCauseTopic,
        OverdueAnnouncedAt = f.OverdueAnnouncedAt,
        CardChannelId = f.Card?.ChannelId,
        CardServiceUrl = f.Card?.ServiceUrl,
        CardConversationId = f.Card?.ConversationId,
        CardActivityId = f.Card?.ActivityId,
        CardTenantId = f.Card?.TenantId,
    };

    private static FollowUp ToFollowUp(FollowUpEntity e)
    {
        var followUp = new FollowUp
        {
            FollowUpId = e.FollowUpId,
            Source = e.SourceKind is null
                ? FollowUpSource.SurveyResponse(e.SurveyId ?? e.FollowUpId)
                : new FollowUpSource(Enum.Parse<FollowUpSourceKind>(e.SourceKind), e.SourceId ?? e.FollowUpId),
            ContactId = e.ContactId,
            TenantId = e.TenantId,
            CustomerName = e.CustomerName,
            Agent = PersonRef.Agent(e.AgentId, e.AgentName, e.AgentObjectId),
            Queue = e.Queue,
            Reasons = Enum.Parse<FollowUpReasons>(e.Reasons),
            CallBack = e.CallBack,
            CreatedAt = e.CreatedAt,
            DueAt = e.DueAt,
            Csat = e.Csat,
            Comment = e.Comment,
        };
        return followUp.Restore(new FollowUpState
        {
            Status = Enum.Parse<FollowUpStatus>(e.Status),
            Owner = ActorOf(e.OwnerId, e.OwnerName),
            ClaimedAt = e.ClaimedAt,
            ResolvedBy = ActorOf(e.ResolvedById, e.ResolvedByName),
            ResolvedAt = e.ResolvedAt,
            Resolution = e.ResolutionNote is null ? null : new FollowUpResolution
            {
                Note = e.ResolutionNote,
                CustomerReached = e.ResolutionCustomerReached,
                Recovered = e.ResolutionRecovered is null ? null : Enum.Parse<RecoveryOutcome>(e.ResolutionRecovered),
                RootCauseDriver = e.ResolutionDriver,
                RootCauseTopic = e.ResolutionTopic,
            },
            OverdueAnnouncedAt = e.OverdueAnnouncedAt,
            // Rows from before the card's service URL was kept cannot be edited or replied to; their card stays as it was.
            Card = e.CardServiceUrl is null || e.CardConversationId is null
                ? null
                : new PostedMessage(e.CardChannelId ?? "msteams", e.CardServiceUrl, e.CardConversationId, e.CardActivityId, e.CardTenantId),
            ETag = e.ETag.ToString(),
        });
    }

    private static PersonRef? ActorOf(string? id, string? name) => id is null ? null : PersonRef.Staff(id, name ?? id);
}
