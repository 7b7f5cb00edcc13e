using Azure.Data.Tables;
using CxBot.Domain.Settings;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Settings;

/// <summary>Keys are inserted, never replaced: when two instances start at once, both generate a key, one insert
/// wins and the other instance reads and uses the winner's key, so every instance signs with the same one.</summary>
internal sealed class TableGeneratedKeys(StorageClients clients, StorageNames names, TimeProvider time) : IGeneratedKeys
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.GeneratedKeys);

    public async Task<byte[]> GetOrCreateAsync(string name, Func<byte[]> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        var partition = TableKeys.Escape(name);
        var stored = await _table.FindAsync<GeneratedKeyEntity>(partition, GeneratedKeyEntity.Row, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            return stored.Value;
        }

        var candidate = new GeneratedKeyEntity { PartitionKey = partition, Name = name, Value = create(), CreatedAt = time.GetUtcNow() };
        if (await _table.TryAddAsync(candidate, cancellationToken).ConfigureAwait(false) is not null)
        {
            return candidate.Value;
        }

        var winner = await _table.FindAsync<GeneratedKeyEntity>(partition, GeneratedKeyEntity.Row, cancellationToken).ConfigureAwait(false);
        return winner?.Value ?? throw new InvalidOperationException($"The generated key {name} exists but cannot be read.");
    }
}
