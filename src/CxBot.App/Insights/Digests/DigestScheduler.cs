using CxBot.App.Hosting;
using CxBot.App.Leases;

namespace CxBot.App.Insights.Digests;

/// <summary>
/// Runs <see cref="DigestPass"/> every minute on the one instance that holds the <c>digests</c> lease. A failed pass
/// (storage unavailable) waits with <see cref="OutageBackoff"/>; what it missed is found by the next pass, since every
/// pass looks at every digest due within the catch-up window.
/// </summary>
public sealed class DigestScheduler(LeaseKeeper keeper, DigestPass pass, ILogger<DigestScheduler> logger) : BackgroundService
{
    /// <summary>The lease's name.</summary>
    public const string LeaseName = "digests";

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryCap = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => keeper.RunAsync(LeaseName, Lease, RunWhileHeldAsync, stoppingToken);

    private async Task RunWhileHeldAsync(HeldLease lease, CancellationToken stoppingToken)
    {
        var outage = new OutageBackoff("Digests", logger, Interval, RetryCap);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(lease.Lost, stoppingToken);
        while (!abort.IsCancellationRequested)
        {
            var pause = Interval;
            try
            {
                await pass.RunOnceAsync(abort.Token).ConfigureAwait(false);
                outage.Succeeded();
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                pause = outage.Failed(ex);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                return;
            }

            try
            {
                // Real time between passes: the lease and its renewals run on the system clock too.
                await Task.Delay(pause, TimeProvider.System, abort.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
