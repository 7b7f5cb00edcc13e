namespace CxBot.Storage.Setup;

/// <summary>Checks that the table store answers.</summary>
public sealed class StorageHealth(StorageClients clients)
{
    /// <summary>True when a cheap query against the table service succeeds within the timeout.</summary>
    public async Task<(bool Reachable, string? Error)> CheckAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await foreach (var _ in clients.Tables.QueryAsync(maxPerPage: 1, cancellationToken: cts.Token).AsPages(pageSizeHint: 1).ConfigureAwait(false))
            {
                break;
            }

            return (true, null);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException || StorageFailures.IsUnavailable(ex, cancellationToken))
        {
            // After the client's retries the failure of every try comes gathered: name the last one.
            var last = ex is AggregateException { InnerExceptions.Count: > 0 } tries ? tries.InnerExceptions[^1] : ex;
            return (false, last is OperationCanceledException ? "timeout" : last.GetType().Name);
        }
    }
}
