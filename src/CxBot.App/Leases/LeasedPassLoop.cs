using CxBot.App.Hosting;

namespace CxBot.App.Leases;

/// <summary>
/// The loop of a background pass that runs on the one instance holding a lease: run the pass, wait the interval, again,
/// until the lease is lost or the host stops. A failed pass (storage unavailable) waits as <see cref="OutageBackoff"/>
/// says, at least the interval; the next pass finds what the failed one missed.
/// </summary>
public static class LeasedPassLoop
{
    /// <summary>Runs <paramref name="pass"/> every <paramref name="interval"/> (read before each wait) while <paramref name="held"/> is held.</summary>
    /// <param name="held">The held lease.</param>
    /// <param name="outage">How failures are logged and spaced.</param>
    /// <param name="interval">The pause between passes, read each time (options can change at run time).</param>
    /// <param name="pass">One pass.</param>
    /// <param name="clock">The clock the pauses run on.</param>
    /// <param name="stoppingToken">The host's stop.</param>
    public static async Task RunAsync(HeldLease held, OutageBackoff outage, Func<TimeSpan> interval, Func<CancellationToken, Task> pass, TimeProvider clock,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(outage);
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentNullException.ThrowIfNull(pass);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, held.Lost);
        while (!stop.IsCancellationRequested && held.IsValid)
        {
            var pause = interval();
            try
            {
                await pass(stop.Token).ConfigureAwait(false);
                outage.Succeeded();
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                pause = TimeSpan.FromTicks(Math.Max(pause.Ticks, outage.Failed(ex).Ticks));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(pause, clock, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
