using CxBot.App.Hosting;
using CxBot.App.Leases;
using Microsoft.Extensions.Options;

namespace CxBot.App.Actions;

/// <summary>
/// Runs <see cref="ActionPass"/> every <c>Actions:CheckMinutes</c> on the one instance that holds the <c>actions</c>
/// lease. A failed pass (storage unavailable) waits with <see cref="OutageBackoff"/>; the next pass finds what it missed.
/// </summary>
public sealed class ActionScheduler(LeaseKeeper keeper, ActionPass pass, IOptionsMonitor<ActionsOptions> options, ILogger<ActionScheduler> logger)
    : BackgroundService
{
    /// <summary>The lease's name.</summary>
    public const string LeaseName = "actions";

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RetryCap = TimeSpan.FromMinutes(30);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => keeper.RunAsync(LeaseName, Lease, RunWhileHeldAsync, stoppingToken);

    // Real time between passes: the lease and its renewals run on the system clock too.
    private Task RunWhileHeldAsync(HeldLease lease, CancellationToken stoppingToken) =>
        LeasedPassLoop.RunAsync(lease, new OutageBackoff("Improvement actions", logger, TimeSpan.FromMinutes(options.CurrentValue.CheckMinutes), RetryCap),
            () => TimeSpan.FromMinutes(options.CurrentValue.CheckMinutes), pass.RunOnceAsync, TimeProvider.System, stoppingToken);
}
