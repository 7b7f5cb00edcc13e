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

    private async Task RunWhileHeldAsync(HeldLease lease, CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.CurrentValue.CheckMinutes);
        var outage = new OutageBackoff("Improvement actions", logger, interval, RetryCap);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(lease.Lost, stoppingToken);
        while (!abort.IsCancellationRequested)
        {
            var pause = TimeSpan.FromMinutes(options.CurrentValue.CheckMinutes);
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
