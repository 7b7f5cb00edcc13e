using Azure.Data.Tables;

namespace CxBot.Storage;

/// <summary>
/// Entity-group transactions, checked before they are sent: Azure takes one partition of one table and at most
/// <see cref="MaxOperations"/> operations per transaction, while Azurite accepts mixed partitions, so a batch that
/// passes every local test could be refused in production. Every batch the app writes goes through here.
/// </summary>
public static class TableBatches
{
    /// <summary>The most operations one transaction may hold.</summary>
    public const int MaxOperations = 100;

    /// <summary>Throws <see cref="InvalidOperationException"/> unless the actions are 1..100 operations on one partition.</summary>
    public static void Check(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            throw new InvalidOperationException("A transaction needs at least one operation.");
        }

        if (actions.Count > MaxOperations)
        {
            throw new InvalidOperationException($"A transaction holds at most {MaxOperations} operations; this one has {actions.Count}.");
        }

        var partition = actions[0].Entity.PartitionKey;
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"A transaction touches one partition; this one mixes '{partition}' and '{action.Entity.PartitionKey}'.");
            }
        }
    }

    /// <summary>Checks the actions (<see cref="Check"/>) and submits them as one transaction.</summary>
    public static async Task SubmitCheckedAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        Check(actions);
        await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Submits actions on one partition in transactions of at most <see cref="MaxOperations"/> (not atomic as a whole:
    /// for idempotent writes such as replacing an index, which a repeat completes).
    /// </summary>
    public static async Task SubmitInChunksAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var chunk in actions.Chunk(MaxOperations))
        {
            await table.SubmitCheckedAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }
}
