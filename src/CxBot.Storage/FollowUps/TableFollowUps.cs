using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Storage.Setup;
using CxBot.Domain.Messaging;
using CxBot.Domain.People;

namespace CxBot.Storage.FollowUps;

/// <summary>
/// One partition per follow-up, updated with its ETag, so of two supervisors claiming at once the second gets a
/// conflict. Beside them, <c>OpenFollowUps</c> indexes the unresolved ones by deadline (<see cref="OpenFollowUpEntity"/>):
/// its row is written before the follow-up is added and removed after the follow-up is stored resolved, so a crash
/// leaves at worst an entry too many, which <see cref="ListUnresolvedDueBeforeAsync"/> finds and removes, and never an
/// unresolved follow-up without its entry. Nothing reads the whole <c>FollowUps</c> table except the one backfill of
/// follow-ups stored before the index existed.
/// </summary>
internal sealed class TableFollowUps(StorageClients clients, StorageNames names, TimeProvider time) : IFollowUps, IOpenFollowUps
{
    // An entry whose follow-up is missing may belong to an add in flight: it is removed only once older than this.
    private static readonly TimeSpan AddSettles = TimeSpan.FromMinutes(10);
    private const int ParallelReads = 16;

    private readonly TableClient _table = clients.Tables.GetTableClient(names.FollowUps);
    private readonly TableClient _open = clients.Tables.GetTableClient(names.OpenFollowUps);

    public async Task<bool> TryAddAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var entry = OpenFollowUpEntity.Of(followUp, time.GetUtcNow());
        if (followUp.Status != FollowUpStatus.Resolved)
        {
            await _open.UpsertEntityAsync(entry, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        var etag = await _table.TryAddAsync(ToEntity(followUp), cancellationToken).ConfigureAwait(false);
        if (etag is null)
        {
            // The stored follow-up has its own entry (keyed by its own deadline); this one is an entry too many unless it is the same.
            var stored = await GetAsync(followUp.FollowUpId, cancellationToken).ConfigureAwait(false);
            if (stored is not null && (stored.Status == FollowUpStatus.Resolved || stored.DueAt != followUp.DueAt))
            {
                await RemoveEntryAsync(entry.PartitionKey, entry.RowKey, cancellationToken).ConfigureAwait(false);
            }

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
        if (followUp.Status == FollowUpStatus.Resolved)
        {
            await RemoveEntryAsync(OpenFollowUpEntity.PartitionOf(followUp.DueAt), OpenFollowUpEntity.RowOf(followUp.DueAt, followUp.FollowUpId),
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<FollowUp> ListUnresolvedDueBeforeAsync(DateTimeOffset time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Key ranges on the index: the due days up to time's, and within them the exact "due before" on the ticks.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {OpenFollowUpEntity.PartitionPrefix} and PartitionKey le {OpenFollowUpEntity.PartitionOf(time)} and RowKey lt {TableKeys.Ticks(time)}");
        var entries = new List<OpenFollowUpEntity>();
        await foreach (var entry in _open.QueryAsync<OpenFollowUpEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        var followUps = new FollowUp?[entries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => followUps[i] = await CheckedAsync(entries[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var followUp in followUps)
        {
            if (followUp is not null && followUp.DueAt < time)
            {
                yield return followUp;
            }
        }
    }

    public async IAsyncEnumerable<OpenFollowUp> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {OpenFollowUpEntity.PartitionPrefix} and PartitionKey lt {"d}"}");
        await foreach (var entry in _open.QueryAsync<OpenFollowUpEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entry.ToEntry();
        }
    }

    public async Task<int> BackfillAsync(CancellationToken cancellationToken)
    {
        if (await _open.FindAsync<TableEntity>(OpenFollowUpEntity.MarkerPartition, OpenFollowUpEntity.BackfilledRow, cancellationToken).ConfigureAwait(false) is not null)
        {
            return 0;
        }

        // Once per store: the follow-ups stored before the index existed. Rewriting an entry that is there already changes nothing.
        var added = 0;
        var filter = TableClient.CreateQueryFilter($"Status ne {nameof(FollowUpStatus.Resolved)}");
        var now = time.GetUtcNow();
        await foreach (var entity in _table.QueryAsync<FollowUpEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await _open.UpsertEntityAsync(OpenFollowUpEntity.Of(ToFollowUp(entity), now), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            added++;
        }

        await _open.UpsertEntityAsync(new TableEntity(OpenFollowUpEntity.MarkerPartition, OpenFollowUpEntity.BackfilledRow), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>The entry's follow-up when it is unresolved and the entry is its own; otherwise null, and a stale entry removed.</summary>
    private async Task<FollowUp?> CheckedAsync(OpenFollowUpEntity entry, CancellationToken cancellationToken)
    {
        var followUp = await GetAsync(entry.FollowUpId, cancellationToken).ConfigureAwait(false);
        if (followUp is not null && followUp.Status != FollowUpStatus.Resolved && followUp.DueAt == entry.DueAt)
        {
            return followUp;
        }

        if (followUp is not null || entry.ListedAt < time.GetUtcNow() - AddSettles)
        {
            await RemoveEntryAsync(entry.PartitionKey, entry.RowKey, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private async Task RemoveEntryAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await _open.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
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
        SourceDay = f.Source.Day is { } day ? ReportingCalendar.Key(day) : null,
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
                : new FollowUpSource(Enum.Parse<FollowUpSourceKind>(e.SourceKind), e.SourceId ?? e.FollowUpId, DayOf(e.SourceDay)),
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

    private static DateOnly? DayOf(string? key) => ReportingCalendar.TryParseKey(key, out var day) ? day : null;

    private static PersonRef? ActorOf(string? id, string? name) => id is null ? null : PersonRef.Staff(id, name ?? id);
}
