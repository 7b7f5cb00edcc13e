using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxBot.Storage.Setup;

/// <summary>Creates every table and queue at startup. A store that is not reachable yet does not stop the app:
/// creation is retried in the background with backoff, and the health endpoint reports the store meanwhile.</summary>
internal sealed partial class StorageInitializer(StorageClients clients, StorageNames names, ILogger<StorageInitializer> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every table and queue exists.</summary>
    public Task Ready => _ready.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // First attempt inline, so a reachable store is ready before the first request is served.
        if (await TryCreateAllAsync(attempt: 1, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 2; !stoppingToken.IsCancellationRequested; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken).ConfigureAwait(false);
            if (await TryCreateAllAsync(attempt, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task<bool> TryCreateAllAsync(int attempt, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var table in names.AllTables)
            {
                await clients.Tables.CreateTableIfNotExistsAsync(table, cancellationToken).ConfigureAwait(false);
            }

            foreach (var queue in names.AllQueues)
            {
                await clients.Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            LogCreated(logger, names.AllTables.Count, names.AllQueues.Count);
            _ready.TrySetResult();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One warning per outage: later attempts only at debug level.
            if (attempt == 1)
            {
                LogRetry(logger, attempt, ex.Message);
            }
            else
            {
                LogStillNotReady(logger, attempt, ex.Message);
            }

            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage not ready (attempt {Attempt}): {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Storage still not ready (attempt {Attempt}): {Reason}")]
    private static partial void LogStillNotReady(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Tables} tables, {Queues} queues")]
    private static partial void LogCreated(ILogger logger, int tables, int queues);
}
