namespace CxBot.Testing.Processes;

/// <summary>
/// Records items that arrive in the background (activities, websocket frames) and lets a test await one.
/// </summary>
/// <remarks>
/// <see cref="WaitForAsync"/> looks at everything recorded so far as well as what arrives later, and hands
/// each item out once: two waits with the same predicate return two different items, in arrival order.
/// </remarks>
public sealed class AsyncRecorder<T>(Func<T, string> describe)
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly HashSet<int> _handedOut = [];
    private TaskCompletionSource _changed = NewSignal();
    private Exception? _failure;

    /// <summary>Everything recorded so far, in arrival order.</summary>
    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _items.Add(item);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>Makes every pending and later wait fail, e.g. when the source of the items broke.</summary>
    public void Fail(Exception failure)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _failure ??= failure;
            changed = _changed;
        }

        changed.TrySetResult();
    }

    /// <summary>The first item not handed out before that matches, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (var i = 0; i < _items.Count; i++)
                {
                    if (!_handedOut.Contains(i) && predicate(_items[i]))
                    {
                        _handedOut.Add(i);
                        return _items[i];
                    }
                }

                if (_failure is not null)
                {
                    throw new InvalidOperationException($"Recording stopped: {_failure.Message}", _failure);
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Nothing matching arrived within {timeout.TotalSeconds:0.#} s. Recorded so far:{Environment.NewLine}{Describe()}");
            }
        }
    }

    private string Describe()
    {
        lock (_gate)
        {
            return _items.Count == 0
                ? "(nothing)"
                : string.Join(Environment.NewLine, _items.Select((item, i) => $"  {i}{(_handedOut.Contains(i) ? " (handed out)" : "")}: {describe(item)}"));
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
