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

    /// <summary>
    /// Read, change, conditional write of one row, repeated on a lost race. <paramref name="change"/> gets the row as read
    /// (null when there is none) and returns the row to write, or null when there is nothing to change. The write is an
    /// insert when there was no row and a replace conditioned on the ETag read otherwise; when another writer got there
    /// first (409, 412, 404) the row is read again after a short random pause and <paramref name="change"/> is applied to
    /// the winner's row. One writer wins each round, so every writer gets through even when many change one row at once.
    /// </summary>
    /// <returns>The row as stored: the one written (with its new ETag), or the one read when nothing changed.</returns>
    public static async Task<T?> ChangeAsync<T>(this TableClient table, string partitionKey, string rowKey, Func<T?, T?> change,
        CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        const int MaxAttempts = 20;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var read = await table.FindAsync<T>(partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
            if (change(read) is not { } changed)
            {
                return read;
            }

            if (read is null)
            {
                if (await table.TryAddAsync(changed, cancellationToken).ConfigureAwait(false) is { } added)
                {
                    changed.ETag = new ETag(added);
                    return changed;
                }
            }
            else
            {
                try
                {
                    changed.ETag = new ETag(await table.ReplaceIfUnchangedAsync(changed, read.ETag.ToString(), cancellationToken).ConfigureAwait(false));
                    return changed;
                }
                catch (DomainConflictException ex) when (ex.Reason == ConflictReason.Concurrency)
                {
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25)), cancellationToken).ConfigureAwait(false);
        }

        throw new DomainConflictException(ConflictReason.Concurrency,
            $"Row {partitionKey}/{rowKey} in {table.Name} kept changing; gave up after {MaxAttempts} attempts.");
    }

    /// <summary>The entity, or null.</summary>
    public static async Task<T?> FindAsync<T>(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }
}
