using Azure;
using CxBot.App.Leases;
using CxBot.Domain.Leases;
using CxBot.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxBot.App.Tests.Messaging;

/// <summary>The keeper's loop over a scripted lease store, in real (short) time.</summary>
public sealed class LeaseKeeperTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task WhenARenewalFailsTheWorkIsToldAtOnce_AndTheLeaseIsNotReleased()
    {
        var leases = new ScriptedLeases { RenewalsBeforeLoss = 2 };
        var keeper = new LeaseKeeper(leases, TimeProvider.System, NullLogger<LeaseKeeper>.Instance);
        using var stop = new CancellationTokenSource();
        var lostAfterRenewals = -1;

        var running = keeper.RunAsync("work", Duration, async (held, _) =>
        {
            await Task.Delay(Timeout.Infinite, held.Lost).ContinueWith(_ => { }, TaskScheduler.Default);
            lostAfterRenewals = leases.Renewals;
            Assert.False(held.IsValid);
            await stop.CancelAsync();
        }, stop.Token);
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, lostAfterRenewals);
        Assert.Equal(0, leases.Releases);
    }

    [Fact]
    public async Task AGracefulStopReleasesTheLease_AndWorkRunsOnlyWhileHeld()
    {
        var leases = new ScriptedLeases { RefusedAcquisitions = 2 };
        var keeper = new LeaseKeeper(leases, TimeProvider.System, NullLogger<LeaseKeeper>.Instance);
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource();

        var running = keeper.RunAsync("work", Duration, async (held, stopping) =>
        {
            Assert.True(held.IsValid);
            started.SetResult();
            await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }, stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // Renewals every quarter of the lease; wait for two of them however slow the machine is.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (leases.Renewals < 2 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, leases.Acquisitions);
        Assert.True(leases.Renewals >= 2, $"{leases.Renewals} renewals");
        Assert.Equal(1, leases.Releases);
    }

    [Fact]
    public async Task WhileTheStoreIsDown_AcquiringIsRetriedAtItsPace_LoggedOnce_AndTheWorkStartsWhenTheStoreIsBack()
    {
        var leases = new ScriptedLeases { UnreachableAcquisitions = 6 };
        using var logs = new RecordingLoggerProvider();
        var keeper = new LeaseKeeper(leases, TimeProvider.System, logs.CreateLogger<LeaseKeeper>());
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource();

        var running = keeper.RunAsync("work", Duration, async (_, stopping) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }, stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(7, leases.Acquisitions);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("paused: storage unavailable", StringComparison.Ordinal));
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("resumed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkThatThrows_DoesNotEndTheKeeper_ItRunsAgainUnderTheLease()
    {
        var leases = new ScriptedLeases();
        var keeper = new LeaseKeeper(leases, TimeProvider.System, NullLogger<LeaseKeeper>.Instance);
        using var stop = new CancellationTokenSource();
        var runs = 0;

        var running = keeper.RunAsync("work", Duration, async (_, stopping) =>
        {
            if (Interlocked.Increment(ref runs) < 3)
            {
                throw new RequestFailedException(0, "Connection refused");
            }

            await stop.CancelAsync();
        }, stop.Token);
        await running.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(3, runs);
        Assert.Equal(3, leases.Releases);
    }

    private sealed class ScriptedLeases : ILeases
    {
        public int RefusedAcquisitions { get; init; }

        /// <summary>The first acquisitions throw as a store that does not answer does.</summary>
        public int UnreachableAcquisitions { get; init; }

        public int RenewalsBeforeLoss { get; init; } = int.MaxValue;

        public int Acquisitions { get; private set; }

        public int Renewals { get; private set; }

        public int Releases { get; private set; }

        public Task<Lease?> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken)
        {
            Acquisitions++;
            if (Acquisitions <= UnreachableAcquisitions)
            {
                throw new AggregateException(new RequestFailedException(0, "Connection refused"), new RequestFailedException(0, "Connection refused"));
            }

            return Task.FromResult(Acquisitions <= RefusedAcquisitions ? null : new Lease(name, owner, DateTimeOffset.UtcNow + duration) { ETag = "1" });
        }

        public Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken)
        {
            Renewals++;
            return Task.FromResult(Renewals > RenewalsBeforeLoss ? null : lease with { ExpiresAt = DateTimeOffset.UtcNow + duration });
        }

        public Task ReleaseAsync(Lease lease, CancellationToken cancellationToken)
        {
            Releases++;
            return Task.CompletedTask;
        }
    }
}
