using Azure.Data.Tables;
using CxBot.Domain.Customers;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Customers;

/// <summary>
/// One row per customer. A change is a read, the domain's rule (<see cref="CustomerPreferences.WithOptOut"/>), and a
/// write conditional on the ETag read (or an insert when there is no row). The rule is "newest time wins", so on a lost
/// race it is simply re-applied to the fresh row; nothing is overwritten blindly.
/// </summary>
internal sealed class TableCustomerPreferences(StorageClients clients, StorageNames names) : ICustomerPreferencesStore
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.CustomerPreferences);

    public async Task<CustomerPreferences> GetAsync(string customerKey, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync<CustomerPreferencesEntity>(TableKeys.Escape(customerKey), CustomerPreferencesEntity.Row, cancellationToken).ConfigureAwait(false);
        return entity is null ? CustomerPreferences.None(customerKey) : ToPreferences(entity);
    }

    public Task SetOptOutAsync(string customerKey, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken) =>
        _table.ChangeAsync<CustomerPreferencesEntity>(TableKeys.Escape(customerKey), CustomerPreferencesEntity.Row, entity =>
        {
            var current = entity is null ? CustomerPreferences.None(customerKey) : ToPreferences(entity);
            var changed = current.WithOptOut(optedOut, at);
            if (ReferenceEquals(changed, current))
            {
                return null;
            }

            var row = entity ?? new CustomerPreferencesEntity { PartitionKey = TableKeys.Escape(customerKey), CustomerKey = customerKey };
            row.OptedOut = changed.OptedOut;
            row.OptedOutAt = changed.OptedOutAt;
            row.OptChangedAt = changed.OptChangedAt;
            return row;
        }, cancellationToken);

    private static CustomerPreferences ToPreferences(CustomerPreferencesEntity e) => new(e.CustomerKey, e.OptedOut, e.OptedOutAt, e.OptChangedAt);
}
