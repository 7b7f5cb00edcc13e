using CxBot.Domain.Learnings;
using Microsoft.Extensions.Options;

namespace CxBot.App.Learnings;

/// <summary>
/// This instance's search index of every learning, so that a search never reads the table. The first search (or the
/// warm-up at startup) loads it; after that a search answers from the index it has, and at most every
/// <see cref="LearningOptions.RefreshSeconds"/> starts a background point read of the store's version row, reloading the
/// whole index when another instance changed a learning or its counts. Changes made on this instance are applied to its
/// index at once.
/// </summary>
public sealed partial class LearningIndexCache(ILearningStore store, IOptionsMonitor<LearningOptions> options, TimeProvider time, ILogger<LearningIndexCache> logger)
{
    private readonly Lock _gate = new();
    private LearningSearchIndex? _index;
    private string? _version;
    private Task<LearningSearchIndex>? _loading;
    private Task? _checking;
    private DateTimeOffset _checkedAt;

    /// <summary>The index to search: loaded on first use; checked for other instances' changes in the background when due.</summary>
    public async Task<LearningSearchIndex> CurrentAsync(CancellationToken cancellationToken)
    {
        Task<LearningSearchIndex> loading;
        lock (_gate)
        {
            if (_index is { } index)
            {
                var now = time.GetUtcNow();
                if (_checking is null && now - _checkedAt >= TimeSpan.FromSeconds(options.CurrentValue.RefreshSeconds))
                {
                    _checkedAt = now;
                    _checking = Task.Run(CheckAsync, CancellationToken.None);
                }

                return index;
            }

            loading = _loading ??= Task.Run(LoadAsync, CancellationToken.None);
        }

        return await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The index, or null when it is still being loaded after <paramref name="wait"/> (the load goes on): a search must
    /// answer within Teams' 5 seconds, and the first load of a large set on a busy instance can take longer.
    /// </summary>
    public async Task<LearningSearchIndex?> CurrentOrNullAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var current = CurrentAsync(cancellationToken);
        if (await Task.WhenAny(current, Task.Delay(wait, time, cancellationToken)).ConfigureAwait(false) == current)
        {
            return await current.ConfigureAwait(false);
        }

        // Observe the load's outcome later, so a failure is not left unobserved.
        _ = current.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return null;
    }

    /// <summary>Puts a learning this instance stored or changed into its index (other instances follow the version row).</summary>
    public void Apply(Learning learning)
    {
        ArgumentNullException.ThrowIfNull(learning);
        lock (_gate)
        {
            // Not loaded yet: the load reads the table, which holds the change already.
            if (_index is not null)
            {
                _index = _index.With(learning);
            }
        }
    }

    private async Task<LearningSearchIndex> LoadAsync()
    {
        try
        {
            // The version is read before the rows: a change made while they are read moves it, and the next check reloads.
            var version = await store.VersionAsync(CancellationToken.None).ConfigureAwait(false);
            var learnings = new List<Learning>();
            await foreach (var learning in store.ListAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                learnings.Add(learning);
            }

            var index = LearningSearchIndex.Build(learnings);
            lock (_gate)
            {
                _index = index;
                _version = version;
                _checkedAt = time.GetUtcNow();
            }

            LogLoaded(logger, index.Count);
            return index;
        }
        finally
        {
            lock (_gate)
            {
                _loading = null;
            }
        }
    }

    private async Task CheckAsync()
    {
        try
        {
            var version = await store.VersionAsync(CancellationToken.None).ConfigureAwait(false);
            string? known;
            lock (_gate)
            {
                known = _version;
            }

            if (!string.Equals(version, known, StringComparison.Ordinal))
            {
                await LoadAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The index in hand keeps answering; the next due check tries again.
            LogCheckFailed(logger, ex);
        }
        finally
        {
            lock (_gate)
            {
                _checking = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Learnings search index loaded: {Count} learnings")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Learnings search index check failed; the index in hand keeps answering")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
