namespace CxBot.App.Learnings;

/// <summary>Loads the learnings search index when the instance starts, so the first search does not wait for it.</summary>
public sealed partial class LearningIndexWarmup(LearningIndexCache cache, ILogger<LearningIndexWarmup> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await cache.CurrentAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The first search loads it instead.
            LogWarmupFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Learnings search index not loaded at startup; the first search loads it")]
    private static partial void LogWarmupFailed(ILogger logger, Exception exception);
}
