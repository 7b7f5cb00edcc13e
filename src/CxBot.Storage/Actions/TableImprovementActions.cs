using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using CxBot.Domain.Actions;
using CxBot.Domain.Insights;
using CxBot.Domain.Messaging;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Actions;

/// <summary>
/// One partition per action in <c>ImprovementActions</c>, added only if absent (a repeated submit adds nothing) and
/// replaced with its ETag, so of two supervisors moving an action at once the second gets a conflict. Lists read
/// <c>ActionIndex</c>: per tenant and status, per tenant and department, and per status across tenants (for the
/// background passes), each one partition with newest-first row keys, never a scan of the actions table. The action's
/// row is written first and its entries after it; every entry read is checked against the row (an interrupted write
/// shows nothing wrong), and the next write of the action or a repeated add puts the entries right.
/// </summary>
internal sealed class TableImprovementActions(StorageClients clients, StorageNames names) : IImprovementActions
{
    private readonly TableClient _actions = clients.Tables.GetTableClient(names.ImprovementActions);
    private readonly TableClient _index = clients.Tables.GetTableClient(names.ActionIndex);

    public async Task<bool> TryAddAsync(ImprovementAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var etag = await _actions.TryAddAsync(ToEntity(action), cancellationToken).ConfigureAwait(false);
        if (etag is null)
        {
            // The repeat of an add whose entries were interrupted completes them from the stored action.
            if (await GetAsync(action.ActionId, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                await WriteEntriesAsync(stored, [], cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        action.RecordStoredVersion(etag);
        await WriteEntriesAsync(action, [], cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<ImprovementAction?> GetAsync(string actionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        var entity = await _actions.FindAsync<ImprovementActionEntity>(TableKeys.Escape(actionId), ImprovementActionEntity.Row, cancellationToken)
            .ConfigureAwait(false);
        return entity is null ? null : ToAction(entity);
    }

    public async Task UpdateAsync(ImprovementAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        // The lists it was in before come from the stored row (a point read); an ETag that moved on fails the replace anyway.
        var before = await GetAsync(action.ActionId, cancellationToken).ConfigureAwait(false);
        action.RecordStoredVersion(await _actions.ReplaceIfUnchangedAsync(ToEntity(action), action.ETag, cancellationToken).ConfigureAwait(false));
        await WriteEntriesAsync(action, before is null ? [] : ActionLists.Of(before), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ImprovementAction>> ListAsync(string? tenantId, IReadOnlyCollection<ActionStatus> statuses, int max,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var lists = await Task.WhenAll(statuses.Distinct().Select(status =>
            ReadListAsync(ActionLists.ForStatus(tenantId, status), max, a => a.Status == status && SameTenant(a, tenantId), cancellationToken)))
            .ConfigureAwait(false);
        return lists.SelectMany(l => l).OrderByDescending(a => a.ProposedAt).ThenBy(a => a.ActionId, StringComparer.Ordinal).Take(max).ToList();
    }

    public Task<IReadOnlyList<ImprovementAction>> ListByDepartmentAsync(string? tenantId, string department, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        var key = ActionLists.DepartmentKey(department);
        return ReadListAsync(ActionLists.ForDepartment(tenantId, department), int.MaxValue,
            a => SameTenant(a, tenantId) && ActionLists.Departments(a).Contains(key, StringComparer.Ordinal), cancellationToken);
    }

    public async IAsyncEnumerable<ImprovementAction> ListEveryTenantAsync(ActionStatus status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ActionLists.EveryTenant(status)}");
        await foreach (var entry in _index.QueryAsync<ActionIndexEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (await GetAsync(entry.ActionId, cancellationToken).ConfigureAwait(false) is { } action && action.Status == status)
            {
                yield return action;
            }
        }
    }

    private async Task<IReadOnlyList<ImprovementAction>> ReadListAsync(string partition, int max, Func<ImprovementAction, bool> matches,
        CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var found = new List<ImprovementAction>();
        await foreach (var page in _index.QueryAsync<ActionIndexEntity>(filter, Math.Min(max, 1000), cancellationToken: cancellationToken)
            .AsPages().ConfigureAwait(false))
        {
            var read = await Task.WhenAll(page.Values.Select(e => GetAsync(e.ActionId, cancellationToken))).ConfigureAwait(false);
            found.AddRange(read.OfType<ImprovementAction>().Where(matches));
            if (found.Count >= max)
            {
                break;
            }
        }

        return found.Take(max).ToList();
    }

    // Upserts the entries of the lists the action is in now and removes those of the lists it has left.
    private async Task WriteEntriesAsync(ImprovementAction action, IReadOnlyList<string> before, CancellationToken cancellationToken)
    {
        var rowKey = ActionLists.RowKey(action);
        var now = ActionLists.Of(action);
        foreach (var list in now)
        {
            await _index.UpsertEntityAsync(new ActionIndexEntity { PartitionKey = list, RowKey = rowKey, ActionId = action.ActionId },
                TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        foreach (var left in before.Except(now, StringComparer.Ordinal))
        {
            try
            {
                await _index.DeleteEntityAsync(left, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }
    }

    private static bool SameTenant(ImprovementAction action, string? tenantId) =>
        string.Equals(action.TenantId?.Trim() ?? "", tenantId?.Trim() ?? "", StringComparison.OrdinalIgnoreCase);

    private static ImprovementActionEntity ToEntity(ImprovementAction a)
    {
        var s = a.State;
        var d = s.Details;
        return new ImprovementActionEntity
        {
            PartitionKey = TableKeys.Escape(s.ActionId),
            ActionId = s.ActionId,
            TenantId = s.TenantId,
            ProposedByJson = ActionJson.Write(s.ProposedBy),
            ProposedAt = s.ProposedAt,
            OriginKind = s.Origin.Kind.ToString(),
            OriginKey = s.Origin.Key,
            Title = d.Title,
            Kind = d.Kind.ToString(),
            Voice = d.Voice.ToString(),
            Driver = d.Driver,
            Gap = (int?)d.Gap,
            OwnerPersonJson = ActionJson.WriteOrNull(d.Owner.Person),
            OwnerDepartment = d.Owner.Department,
            OwningDepartment = d.OwningDepartment,
            DueAt = d.DueAt,
            EffectFigure = d.Effect.Figure.ToString(),
            EffectScope = d.Effect.Scope.Key,
            EffectChange = d.Effect.Change,
            EffectDriver = d.Effect.Driver,
            EffectTopicKey = d.Effect.TopicKey,
            Status = s.Status.ToString(),
            AgreedAt = s.AgreedAt,
            BaselineJson = ActionJson.WriteOrNull(MeasureJson.Of(s.Baseline)),
            DoneAt = s.DoneAt,
            Outcome = s.Outcome,
            ResultJson = ActionJson.WriteOrNull(ResultJson.Of(s.Result)),
            CustomerMessageJson = ActionJson.WriteOrNull(s.CustomerMessage),
            OverdueAnnouncedAt = s.OverdueAnnouncedAt,
            SignalIdsJson = ActionJson.Write(s.SignalIds),
            FollowUpIdsJson = ActionJson.Write(s.FollowUpIds),
            HistoryJson = ActionJson.Write(s.History),
            CardJson = ActionJson.WriteOrNull(s.Card),
        };
    }

    private static ImprovementAction ToAction(ImprovementActionEntity e) => ImprovementAction.Restore(new ImprovementActionState
    {
        ActionId = e.ActionId,
        TenantId = e.TenantId,
        ProposedBy = ActionJson.Read<PersonRef>(e.ProposedByJson),
        ProposedAt = e.ProposedAt,
        Origin = new ActionOrigin(Enum.Parse<ActionOriginKind>(e.OriginKind), e.OriginKey),
        Details = new ImprovementActionDetails
        {
            Title = e.Title,
            Kind = Enum.Parse<ActionKind>(e.Kind),
            Voice = Enum.Parse<SignalVoice>(e.Voice),
            Driver = e.Driver,
            Gap = e.Gap is { } gap ? (ServiceGap)gap : null,
            Owner = ActionJson.ReadOrNull<PersonRef>(e.OwnerPersonJson) is { } person
                ? ActionOwner.OfPerson(person)
                : ActionOwner.OfDepartment(e.OwnerDepartment ?? ""),
            OwningDepartment = e.OwningDepartment,
            DueAt = e.DueAt,
            Effect = new ExpectedEffect(Enum.Parse<EffectFigure>(e.EffectFigure),
                ReportScope.FromKey(e.EffectScope) ?? throw new InvalidOperationException($"Action {e.ActionId} has an unknown effect scope."),
                e.EffectChange, e.EffectDriver, e.EffectTopicKey),
        },
        Status = Enum.Parse<ActionStatus>(e.Status),
        AgreedAt = e.AgreedAt,
        Baseline = ActionJson.ReadOrNull<MeasureJson>(e.BaselineJson)?.ToMeasure(),
        DoneAt = e.DoneAt,
        Outcome = e.Outcome,
        Result = ActionJson.ReadOrNull<ResultJson>(e.ResultJson)?.ToResult(),
        CustomerMessage = ActionJson.ReadOrNull<CustomerMessage>(e.CustomerMessageJson),
        OverdueAnnouncedAt = e.OverdueAnnouncedAt,
        SignalIds = ActionJson.Read<List<string>>(e.SignalIdsJson),
        FollowUpIds = ActionJson.Read<List<string>>(e.FollowUpIdsJson),
        History = ActionJson.Read<List<ActionStep>>(e.HistoryJson),
        Card = ActionJson.ReadOrNull<PostedMessage>(e.CardJson),
        ETag = e.ETag.ToString(),
    });
}
