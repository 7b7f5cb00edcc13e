using CxBot.App.Hosting;
using Microsoft.Extensions.Options;

namespace CxBot.App.People;

/// <summary>Re-reads the stored directory every <c>Staff:CacheSeconds</c>, so a change made on any instance applies on this one.</summary>
public sealed partial class StaffDirectoryRefresher(
    StaffDirectory directory,
    IOptionsMonitor<StaffOptions> options,
    TimeProvider time,
    ILogger<StaffDirectoryRefresher> logger) : BackgroundService
{
    /// <summary>How long startup waits for the first read of the stored directory.</summary>
    public static readonly TimeSpan FirstReadBudget = TimeSpan.FromSeconds(15);

    /// <summary>Reads the stored directory once before the app takes requests, so roles are right from the first one.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(FirstReadBudget);
        try
        {
            await directory.RefreshAsync(budget.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Storage is not there yet: until a read succeeds nobody is staff (RoleResolver), and the loop below retries.
            LogFailed(logger, ex);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // A failed read keeps the last snapshot in use until a read succeeds.
        RepeatAsync(directory.RefreshAsync, () => TimeSpan.FromSeconds(options.CurrentValue.CacheSeconds), time,
            new OutageBackoff("Staff directory refresh (the last directory read stays in use)", logger), stoppingToken);

    /// <summary>Runs <paramref name="pass"/> now and then after every <paramref name="interval"/> until stopped; a failed pass
    /// is reported to <paramref name="outage"/> (a store outage once, not per pass) and the next one runs.</summary>
    internal static async Task RepeatAsync(Func<CancellationToken, Task> pass, Func<TimeSpan> interval, TimeProvider time, OutageBackoff outage,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken).ConfigureAwait(false);
                outage.Succeeded();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                outage.Failed(ex);
            }

            try
            {
                await Task.Delay(interval(), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the staff directory; the last one read stays in use")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
