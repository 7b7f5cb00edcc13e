using CxBot.App.Hosting;
using CxBot.Domain;
using CxBot.Domain.FollowUps;
using Microsoft.Extensions.Options;

namespace CxBot.App.FollowUps;

/// <summary>
/// Marks each overdue follow-up's card overdue and announces it once in the card's thread, through the outbox.
/// It runs on every app instance (there is no lease yet); the once-only guard is the follow-up's ETag-guarded
/// <see cref="FollowUp.OverdueAnnouncedAt"/> together with the messages' fixed ids, which the outbox sends once.
/// </summary>
public sealed partial class OverdueFollowUpNotifier(
    IFollowUps followUps,
    FollowUpService service,
    IOptionsMonitor<FollowUpOptions> options,
    TimeProvider time,
    ILogger<OverdueFollowUpNotifier> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every pass runs on its interval; the backoff keeps a store outage to one log line when it begins and one when it ends.
        var outage = new OutageBackoff("Overdue follow-up check", logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await AnnounceDueAsync(stoppingToken).ConfigureAwait(false);
                outage.Succeeded();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                outage.Failed(ex);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(options.CurrentValue.OverdueCheckMinutes), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: every unresolved follow-up past due, not yet announced, whose card is out; returns how many were announced.</summary>
    public async Task<int> AnnounceDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var announced = 0;
        await foreach (var followUp in followUps.ListUnresolvedDueBeforeAsync(now, cancellationToken).ConfigureAwait(false))
        {
            // A card that is not out yet shows the overdue mark when it is sent; its notice waits for a thread to go in.
            if (!followUp.NeedsOverdueNotice(now) || followUp.Card is null)
            {
                continue;
            }

            // Queued before the mark is stored: if the write loses a race, the next pass queues the same ids again, sent once.
            await service.AnnounceOverdueAsync(followUp, cancellationToken).ConfigureAwait(false);
            try
            {
                followUp.MarkOverdueAnnounced(now);
                await followUps.UpdateAsync(followUp, cancellationToken).ConfigureAwait(false);
            }
            catch (DomainConflictException)
            {
                continue;
            }

            LogAnnounced(logger, followUp.FollowUpId);
            announced++;
        }

        return announced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue follow-up {FollowUpId} announced")]
    private static partial void LogAnnounced(ILogger logger, string followUpId);
}
