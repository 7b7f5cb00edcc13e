using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CxBot.Domain;
using CxBot.Domain.Signals;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Signals;

/// <summary>One partition per tenant: its recurring-problem states and dated claims, each written by insert or by replace
/// with the ETag read, so that of several instances deciding the same thing one write wins.</summary>
internal sealed class TableSignalAlerts(StorageClients clients, StorageNames names) : ISignalAlerts
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.SignalAlerts);

    public async Task<RecurringAlertState?> GetRecurringAsync(string? tenantId, string topicKey, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync<SignalAlertEntity>(Partition(tenantId), RecurringRow(topicKey), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToState(entity);
    }

    public async Task<IReadOnlyList<RecurringAlertState>> ListRecurringAsync(string? tenantId, CancellationToken cancellationToken)
    {
        // "recurring|" up to "recurring}" ('}' follows '|'): the partition's recurring-problem rows only.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition(tenantId)} and RowKey gt {SignalAlertEntity.RecurringPrefix} and RowKey lt {"recurring}"}");
        var states = new List<RecurringAlertState>();
        await foreach (var entity in _table.QueryAsync<SignalAlertEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            states.Add(ToState(entity));
        }

        return states;
    }

    public async Task<bool> TrySaveRecurringAsync(RecurringAlertState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = new SignalAlertEntity
        {
            PartitionKey = Partition(state.TenantId),
            RowKey = RecurringRow(state.TopicKey),
            TenantId = state.TenantId,
            TopicKey = state.TopicKey,
            Round = state.Round,
            AnnouncedAt = state.AnnouncedAt,
            FalseSince = state.FalseSince,
        };
        if (state.ETag is null)
        {
            return await _table.TryAddAsync(entity, cancellationToken).ConfigureAwait(false) is not null;
        }

        try
        {
            await _table.ReplaceIfUnchangedAsync(entity, state.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DomainConflictException ex) when (ex.Reason == ConflictReason.Concurrency)
        {
            return false;
        }
    }

    public async Task<bool> TryClaimDayAsync(string? tenantId, string purpose, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var entity = new SignalAlertEntity
        {
            PartitionKey = Partition(tenantId),
            RowKey = SignalAlertEntity.DayPrefix + TableKeys.Join(purpose, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            TenantId = tenantId,
        };
        return await _table.TryAddAsync(entity, cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task NoteTenantAsync(string? tenantId, CancellationToken cancellationToken)
    {
        var entity = new SignalAlertEntity { PartitionKey = SignalAlertEntity.TenantsPartition, RowKey = Partition(tenantId), TenantId = tenantId };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string?>> ListTenantsAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SignalAlertEntity.TenantsPartition}");
        var tenants = new List<string?>();
        await foreach (var entity in _table.QueryAsync<SignalAlertEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tenants.Add(entity.TenantId);
        }

        return tenants;
    }

    private static string Partition(string? tenantId) =>
        string.IsNullOrWhiteSpace(tenantId) ? "-" : TableKeys.Escape(tenantId.Trim().ToLowerInvariant());

    private static string RecurringRow(string topicKey) => SignalAlertEntity.RecurringPrefix + TableKeys.Escape(topicKey);

    private static RecurringAlertState ToState(SignalAlertEntity e) => new()
    {
        TenantId = e.TenantId,
        TopicKey = e.TopicKey ?? "",
        Round = e.Round,
        AnnouncedAt = e.AnnouncedAt ?? DateTimeOffset.MinValue,
        FalseSince = e.FalseSince,
        ETag = e.ETag.ToString(),
    };
}
