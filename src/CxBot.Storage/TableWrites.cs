using Azure;
using Azure.Data.Tables;
using CxBot.Domain;

namespace CxBot.Storage;

/// <summary>The two conditional writes every adapter needs: insert-if-absent and replace-if-unchanged.
/// Free functions, not a base repository: each adapter keeps its own keys and mapping.</summary>
internal static class TableWrites
{

    /// <summary>Inserts the entity; returns its new ETag, or null when a row with its keys exists (nothing changed).</summary>
    public static async Task<string?> TryAddAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Replaces the row only if its ETag is still <paramref name="etag"/>; returns the new ETag.
    /// A row changed (412) or removed (404) since it was read is a lost race: <see cref="DomainConflictException"/> <c>concurrency</c>.</summary>
    public static async Task<string> ReplaceIfUnchangedAsync<T>(this TableClient table, T entity, string? etag, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        if (string.IsNullOrEmpty(etag))
        {
            throw new ArgumentException($"Row {entity.PartitionKey}/{entity.RowKey} has no ETag: read or add it before updating.", nameof(etag));
        }

        try
        {
            var response = await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service returned no ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new DomainConflictException(ConflictReason.Concurrency,
                $"Row {entity.PartitionKey}/{entity.RowKey} in {table.Name} was changed by someone else since it was read.");
        }
    }

    /// <summary>The entity, or null.</summary>
    public static async Task<T?> FindAsync<T>(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }
}
