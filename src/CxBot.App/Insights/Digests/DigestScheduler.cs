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

    // Real time between passes: the lease and its renewals run on the system clock too.
    private Task RunWhileHeldAsync(HeldLease lease, CancellationToken stoppingToken) =>
        LeasedPassLoop.RunAsync(lease, new OutageBackoff("Digests", logger, Interval, RetryCap), () => Interval, pass.RunOnceAsync, TimeProvider.System, stoppingToken);
}
