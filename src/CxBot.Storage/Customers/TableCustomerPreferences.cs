using Azure.Data.Tables;
using CxBot.Domain;
using CxBot.Domain.Customers;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Customers;

/// <summary>
/// One row per customer. Each change is a read, a rule, and a write conditional on the ETag read (or an insert
/// when there is no row). Both changes are "newest time wins", so on a lost race the change is simply re-applied
/// to the fresh row; nothing is overwritten blindly, and a late, older stop or start cannot undo a newer one.
/// </summary>
internal sealed class TableCustomerPreferences(StorageClients clients, StorageNames names) : ICustomerPreferencesStore
{
    // One writer wins each round; with a short random pause between rounds every writer gets through even when
    // many change the same customer at once.
    private const int MaxAttempts = 20;

    private readonly TableClient _table = clients.Tables.GetTableClient(names.CustomerPreferences);

    public async Task<CustomerPreferences> GetAsync(string customerKey, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(customerKey, cancellationToken).ConfigureAwait(false);
        return entity is null
            ? CustomerPreferences.None(customerKey)
            : new CustomerPreferences(entity.CustomerKey, entity.OptedOut, entity.OptedOutAt, entity.LastSurveyedAt);
    }

    public Task SetOptOutAsync(string customerKey, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(customerKey, e =>
        {
            if (e.OptChangedAt >= at)
            {
                return false;
            }

            e.OptedOut = optedOut;
            e.OptChangedAt = at;
            if (optedOut)
            {
                e.OptedOutAt = at;
            }

            return true;
        }, cancellationToken);

    public Task MarkSurveyedAsync(string customerKey, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(customerKey, e =>
        {
            if (e.LastSurveyedAt >= at)
            {
                return false;
            }

            e.LastSurveyedAt = at;
            return true;
        }, cancellationToken);

    /// <param name="apply">Changes the row; returns false when there is nothing to change.</param>
    private async Task ChangeAsync(string customerKey, Func<CustomerPreferencesEntity, bool> apply, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var entity = await FindAsync(customerKey, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                var created = new CustomerPreferencesEntity { PartitionKey = TableKeys.Escape(customerKey), CustomerKey = customerKey };
                if (!apply(created) || await _table.TryAddAsync(created, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return;
                }

                continue;
            }

            if (!apply(entity))
            {
                return;
            }

            try
            {
                await _table.ReplaceIfUnchangedAsync(entity, entity.ETag.ToString(), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DomainConflictException) when (attempt < MaxAttempts)
            {
                // Someone changed the row since it was read: read it again and re-apply.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25)), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new DomainConflictException(ConflictReason.Concurrency, $"The preferences of {customerKey} kept changing; gave up after {MaxAttempts} attempts.");
    }

    private Task<CustomerPreferencesEntity?> FindAsync(string customerKey, CancellationToken cancellationToken) =>
        _table.FindAsync<CustomerPreferencesEntity>(TableKeys.Escape(customerKey), CustomerPreferencesEntity.Row, cancellationToken);
}
