using CxBot.App.Hosting;
using CxBot.App.Leases;
using CxBot.Domain.Insights;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Rollup;

/// <summary>
/// Keeps <c>ReportTotals</c> up to date, on one instance at a time (lease <c>report-rollup</c>): every
/// <c>Reporting:RollupSeconds</c> each day marked changed is recounted from its records and its totals replaced; the mark
/// is cleared only if nobody marked the day again meanwhile (ETag), and only once it is older than a turn's budget, so a
/// record whose write was still in flight beside its mark is never left uncounted. Every
/// <c>Reporting:RecountOpenDaysMinutes</c> the last <c>Reporting:OpenDays</c> days are recounted as well, which repairs a
/// mark lost in a crash.
/// </summary>
public sealed partial class ReportRollup(
    LeaseKeeper leases,
    IReportingChanges changes,
    DayRecount recount,
    ReportingCalendar calendar,
    IOptionsMonitor<ReportingOptions> options,
    IOptionsMonitor<TurnOptions> turns,
    TimeProvider time,
    ILogger<ReportRollup> logger) : BackgroundService
{
    /// <summary>The lease name.</summary>
    public const string LeaseName = "report-rollup";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(5);
    private DateTimeOffset _nextOpenDaysRecount = DateTimeOffset.MinValue;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leases.RunAsync(LeaseName, LeaseDuration, WorkAsync, stoppingToken);

    private Task WorkAsync(HeldLease held, CancellationToken stoppingToken) =>
        LeasedPassLoop.RunAsync(held, new OutageBackoff("Report roll-up", logger, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)),
            () => TimeSpan.FromSeconds(options.CurrentValue.RollupSeconds), RunPassAsync, time, stoppingToken);

    /// <summary>One pass: the marked days, and the open days when their recount is due. Returns the days recounted.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.CurrentValue;
        var recounted = new HashSet<DateOnly>();
        var settled = now - turns.CurrentValue.Timeout - ClockMargin;
        foreach (var changed in await changes.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            // A day can be marked in two places (beside its responses and in the day marks): one recount after the
            // listing covers both.
            if (recounted.Add(changed.Day))
            {
                await recount.RecountAsync(changed.Day, cancellationToken).ConfigureAwait(false);
            }

            // A fresh mark may belong to a record still being written beside it: it stays until it has settled, and the
            // reader recounts the day live meanwhile.
            if (changed.MarkedAt is { } markedAt && markedAt <= settled)
            {
                await changes.ClearAsync(changed, cancellationToken).ConfigureAwait(false);
            }
        }

        if (now >= _nextOpenDaysRecount)
        {
            var today = calendar.DayOf(now);
            for (var day = today.AddDays(1 - settings.OpenDays); day <= today; day = day.AddDays(1))
            {
                if (recounted.Add(day))
                {
                    await recount.RecountAsync(day, cancellationToken).ConfigureAwait(false);
                }
            }

            _nextOpenDaysRecount = now.AddMinutes(settings.RecountOpenDaysMinutes);
            LogOpenDays(logger, settings.OpenDays);
        }

        return recounted.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Report roll-up recounted the last {Days} days")]
    private static partial void LogOpenDays(ILogger logger, int days);
}
