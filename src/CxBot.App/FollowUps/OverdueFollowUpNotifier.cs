using CxBot.App.Conversations;
using CxBot.App.FollowUps.Cards;
using CxBot.App.Localization;
using CxBot.Domain.FollowUps;
using CxBot.Domain;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CxBot.App.FollowUps;

/// <summary>Announces each overdue follow-up once more in its tenant's follow-ups channel and marks its card overdue.</summary>
public sealed partial class OverdueFollowUpNotifier(
    IFollowUps followUps,
    IConnectorClient connector,
    FollowUpService service,
    FollowUpCardFactory cards,
    IOptionsMonitor<FollowUpOptions> options,
    TimeProvider time,
    ILogger<OverdueFollowUpNotifier> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await AnnounceDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
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

    /// <summary>One pass: every unresolved follow-up past due and not yet announced.</summary>
    public async Task<int> AnnounceDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var announced = 0;
        // One scan of the unresolved follow-ups: cards that did not get out (a failed post, or opened before the
        // channel was set) are posted, and those past due are announced.
        await foreach (var followUp in followUps.ListUnresolvedDueBeforeAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            await service.PostIfUnpostedAsync(followUp, cancellationToken).ConfigureAwait(false);
            if (!followUp.NeedsOverdueNotice(now) || followUp.CardConversationId is null)
            {
                continue;
            }

            // The follow-up's own tenant's channel: its service URL and language; none means its card cannot be edited now.
            var channel = await service.ChannelOfAsync(followUp, cancellationToken).ConfigureAwait(false);
            if (channel is null)
            {
                continue;
            }

            var reference = StoredReferences.Parse(channel.Reference);
            var culture = BotCulture.Resolve(reference.Locale);

            try
            {
                followUp.MarkOverdueAnnounced(now);
                await followUps.UpdateAsync(followUp, cancellationToken).ConfigureAwait(false);
            }
            catch (DomainConflictException)
            {
                continue;
            }

            var card = cards.Build(followUp, culture, banner: null);
            await service.RefreshCardAsync(followUp, reference.ServiceUrl, card, cancellationToken).ConfigureAwait(false);
            var notice = OutboundActivity.WithText(cards.OverdueNotice(followUp, culture), culture.Name);
            var sent = followUp.CardActivityId is null
                ? await connector.SendAsync(reference.ServiceUrl, followUp.CardConversationId, notice, cancellationToken).ConfigureAwait(false)
                : await connector.ReplyAsync(reference.ServiceUrl, followUp.CardConversationId, followUp.CardActivityId, notice, cancellationToken).ConfigureAwait(false);
            LogAnnounced(logger, followUp.FollowUpId, sent.Outcome);
            announced++;
        }

        return announced;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Overdue follow-up check failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue follow-up {FollowUpId} announced: {Outcome}")]
    private static partial void LogAnnounced(ILogger logger, string followUpId, ConnectorOutcome outcome);
}
