using Microsoft.Extensions.Options;

namespace CxBot.App.People;

/// <summary>Re-reads the stored directory every <c>Staff:CacheSeconds</c>, so a change made on any instance applies on this one.</summary>
public sealed partial class StaffDirectoryRefresher(
    StaffDirectory directory,
    IOptionsMonitor<StaffOptions> options,
    TimeProvider time,
    ILogger<StaffDirectoryRefresher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // A failed read keeps the last snapshot in use until a read succeeds.
        RepeatAsync(directory.RefreshAsync, () => TimeSpan.FromSeconds(options.CurrentValue.CacheSeconds), time, ex => LogFailed(logger, ex), stoppingToken);

    /// <summary>Runs <paramref name="pass"/> now and then after every <paramref name="interval"/> until stopped; a failed pass is reported and the next one runs.</summary>
    internal static async Task RepeatAsync(Func<CancellationToken, Task> pass, Func<TimeSpan> interval, TimeProvider time, Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(ex);
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
