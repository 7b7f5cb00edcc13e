using System.Collections.Concurrent;

namespace CxBot.App.Hosting;

/// <summary>
/// Work a turn leaves for after its HTTP answer (the activity ledger's completion): started at once
/// beside the answer, tracked until done, waited for when the host stops, failures logged. Each piece must be safe to
/// lose (a redelivery or a later pass repeats it); this only keeps it off the answer's critical path.
/// </summary>
public sealed partial class PostAnswerWork(ILogger<PostAnswerWork> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _next;

    /// <summary>Starts <paramref name="work"/> in the background; <paramref name="what"/> names it in logs.</summary>
    public void Run(string what, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var id = Interlocked.Increment(ref _next);
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailed(logger, ex, what);
            }
            finally
            {
                _running.TryRemove(id, out _);
            }
        });
        _running.TryAdd(id, task);
        if (task.IsCompleted)
        {
            _running.TryRemove(id, out _);
        }
    }

    /// <summary>Completes when every piece started so far has ended.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time is up: what still runs is cancelled and repeated by a redelivery or a later pass.
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work after an answer failed: {What}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
