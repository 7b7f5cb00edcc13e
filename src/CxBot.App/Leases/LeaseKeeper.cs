using CxBot.App.Hosting;
using CxBot.Domain.Leases;

namespace CxBot.App.Leases;

/// <summary>A lease this instance holds while its work runs.</summary>
public sealed class HeldLease : IDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private readonly TimeProvider _time;

    internal HeldLease(Lease lease, TimeProvider time)
    {
        Current = lease;
        _time = time;
    }

    /// <summary>The lease as last acquired or renewed.</summary>
    public Lease Current { get; internal set; }

    /// <summary>Cancelled the moment a renewal fails: stop at once.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>True while the lease is held and not past its expiry by this instance's clock.</summary>
    public bool IsValid => !_lost.IsCancellationRequested && _time.GetUtcNow() < Current.ExpiresAt;

    internal void MarkLost() => _lost.Cancel();

    /// <inheritdoc />
    public void Dispose() => _lost.Dispose();
}

/// <summary>
/// Runs work on one instance of the deployment at a time: acquire the named lease (retried every quarter of its
/// length), renew it every quarter of its length while the work runs, cancel <see cref="HeldLease.Lost"/> the moment a
/// renewal fails, and release it when the work ends on a graceful stop so another instance takes over at once.
/// </summary>
public sealed partial class LeaseKeeper(ILeases leases, TimeProvider time, ILogger<LeaseKeeper> logger)
{
    /// <summary>This instance's name as lease owner.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Runs <paramref name="work"/> whenever this instance holds <paramref name="name"/>, until <paramref name="stoppingToken"/>.</summary>
    public async Task RunAsync(string name, TimeSpan duration, Func<HeldLease, CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var interval = duration / 4;
        // Acquiring is retried every quarter of the lease whatever happens; the backoff only keeps an outage to two log lines.
        var outage = new OutageBackoff($"Lease {name}", logger, interval, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            Lease? lease;
            try
            {
                lease = await leases.TryAcquireAsync(name, Owner, duration, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                await PauseAsync(outage.Failed(ex), stoppingToken).ConfigureAwait(false);
                continue;
            }

            outage.Succeeded();
            if (lease is null)
            {
                await PauseAsync(interval, stoppingToken).ConfigureAwait(false);
                continue;
            }

            LogAcquired(logger, name, Owner);
            var pauseAfterWork = TimeSpan.Zero;
            using var held = new HeldLease(lease, time);
            using var stopRenewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var renewing = RenewAsync(held, duration, interval, stopRenewing.Token);
            try
            {
                await work(held, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && !stoppingToken.IsCancellationRequested)
            {
                // The work must not end the host: it starts again under a (re)acquired lease after a pause.
                LogWorkFailed(logger, ex, name);
                pauseAfterWork = interval;
            }
            finally
            {
                await stopRenewing.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(false);
                if (!held.Lost.IsCancellationRequested)
                {
                    await ReleaseAsync(held.Current).ConfigureAwait(false);
                }
            }

            if (pauseAfterWork > TimeSpan.Zero)
            {
                await PauseAsync(pauseAfterWork, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RenewAsync(HeldLease held, TimeSpan duration, TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await PauseAsync(interval, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested)
            {
                return;
            }

            Lease? renewed;
            try
            {
                renewed = await leases.RenewAsync(held.Current, duration, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRenewFailed(logger, held.Current.Name, ex.Message);
                renewed = null;
            }

            if (renewed is null)
            {
                LogLost(logger, held.Current.Name);
                held.MarkLost();
                return;
            }

            held.Current = renewed;
        }
    }

    private async Task ReleaseAsync(Lease lease)
    {
        try
        {
            await leases.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
            LogReleased(logger, lease.Name);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // It expires by itself instead.
            LogReleaseFailed(logger, lease.Name, ex.Message);
        }
    }

    private async Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Name} acquired by {Owner}")]
    private static partial void LogAcquired(ILogger logger, string name, string owner);

    [LoggerMessage(Level = LogLevel.Error, Message = "The work under lease {Name} failed; it starts again")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Name} could not be renewed: {Reason}")]
    private static partial void LogRenewFailed(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Name} lost; its work stops at once")]
    private static partial void LogLost(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Name} released")]
    private static partial void LogReleased(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Name} not released ({Reason}); it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, string name, string reason);
}
