using CxBot.App.Channels;
using CxBot.App.Hosting;
using CxBot.App.Leases;
using CxBot.Domain.FollowUps;
using Microsoft.Extensions.Options;

namespace CxBot.App.FollowUps;

/// <summary>
/// Keeps <c>FollowUpCounts</c> (open follow-ups per tenant and scope by due hour, for the summary card) up to date, on
/// one instance at a time (lease <c>followup-counts</c>): every <c>FollowUps:CountsRefreshSeconds</c> it reads the index
/// of unresolved follow-ups (one small table, never the follow-ups themselves) and replaces the counts. The first pass
/// of a process also adds follow-ups stored before the index existed (once per store).
/// </summary>
public sealed partial class FollowUpCountsPass(
    LeaseKeeper leases,
    IOpenFollowUps index,
    IFollowUpCounts counts,
    TenantRule tenants,
    IOptionsMonitor<FollowUpOptions> options,
    TimeProvider time,
    ILogger<FollowUpCountsPass> logger) : BackgroundService
{
    /// <summary>The lease name.</summary>
    public const string LeaseName = "followup-counts";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private bool _backfilled;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leases.RunAsync(LeaseName, LeaseDuration, WorkAsync, stoppingToken);

    private Task WorkAsync(HeldLease held, CancellationToken stoppingToken) =>
        LeasedPassLoop.RunAsync(held, new OutageBackoff("Follow-up counts", logger, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)),
            () => TimeSpan.FromSeconds(options.CurrentValue.CountsRefreshSeconds), RunPassAsync, time, stoppingToken);

    /// <summary>One pass: counts the index and replaces the stored counts. Returns how many index entries it counted.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        if (!_backfilled)
        {
            var added = await index.BackfillAsync(cancellationToken).ConfigureAwait(false);
            if (added > 0)
            {
                LogBackfilled(logger, added);
            }

            _backfilled = true;
        }

        var passAt = time.GetUtcNow();
        var entries = new List<OpenFollowUp>();
        await foreach (var entry in index.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        await counts.ReplaceAsync(FollowUpCountsSnapshot.Count(entries, passAt, tenants.OwnerOf), cancellationToken).ConfigureAwait(false);
        LogCounted(logger, entries.Count);
        return entries.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} unresolved follow-ups stored before the index were added to it")]
    private static partial void LogBackfilled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Follow-up counts: {Count} unresolved follow-ups counted")]
    private static partial void LogCounted(ILogger logger, int count);
}
