using System.Text.Json.Nodes;
using CxBot.App.Channels;
using CxBot.App.Conversations;
using CxBot.App.FollowUps.Cards;
using CxBot.App.Localization;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Channels;
using CxBot.Domain.Surveys;
using CxBot.Domain;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CxBot.App.FollowUps;

/// <summary>Opens follow-ups for dissatisfied customers and keeps their card in their own tenant's follow-ups channel current.</summary>
public sealed partial class FollowUpService(
    IFollowUps followUps,
    ChannelResolver channels,
    IConnectorClient connector,
    FollowUpCardFactory cards,
    IOptionsMonitor<FollowUpOptions> options,
    TimeProvider time,
    ILogger<FollowUpService> logger)
{
    /// <summary>
    /// Opens the follow-up the answers call for (null when none) and posts its card. Safe to repeat: an existing
    /// follow-up is returned, and posted now if an earlier attempt did not get its card out.
    /// </summary>
    public async Task<FollowUp?> OpenForAsync(Survey survey, SurveyResponse response, CancellationToken cancellationToken)
    {
        var followUp = RecoveryPolicy.CreateFollowUp(survey, response, time.GetUtcNow(), TimeSpan.FromHours(options.CurrentValue.DueHours));
        if (followUp is null)
        {
            return null;
        }

        if (!await followUps.TryAddAsync(followUp, cancellationToken).ConfigureAwait(false))
        {
            followUp = await followUps.GetAsync(followUp.FollowUpId, cancellationToken).ConfigureAwait(false);
            if (followUp is null || !IsUnposted(followUp))
            {
                return followUp;
            }
        }

        await PostAsync(followUp, await ChannelOfAsync(followUp, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return followUp;
    }

    /// <summary>
    /// Posts the follow-ups whose card is not out yet (opened before their tenant had a follow-ups channel, or a post
    /// that failed) into their own tenant's channel for their queue; returns how many were posted.
    /// </summary>
    public async Task<int> PostPendingAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        await foreach (var followUp in followUps.ListUnresolvedDueBeforeAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            posted += await PostIfUnpostedAsync(followUp, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return posted;
    }

    /// <summary>Posts the follow-up's card into its tenant's follow-ups channel unless it is out already; true when posted now.</summary>
    internal async Task<bool> PostIfUnpostedAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        if (!IsUnposted(followUp))
        {
            return false;
        }

        await PostAsync(followUp, await ChannelOfAsync(followUp, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return !IsUnposted(followUp);
    }

    /// <summary>The follow-up's own tenant's follow-ups channel for its queue, or null (the card waits).</summary>
    internal Task<ChannelDesignation?> ChannelOfAsync(FollowUp followUp, CancellationToken cancellationToken) =>
        channels.ResolveAsync(followUp.TenantId, ChannelPurpose.FollowUps, followUp.Queue, cancellationToken);

    private static bool IsUnposted(FollowUp followUp) => followUp.CardConversationId is null;

    private async Task PostAsync(FollowUp followUp, ChannelDesignation? channel, CancellationToken cancellationToken)
    {
        if (channel is null)
        {
            LogNoAlertChannel(logger, followUp.FollowUpId);
            return;
        }

        var reference = StoredReferences.Parse(channel.Reference);
        var culture = BotCulture.Resolve(reference.Locale);
        var card = cards.Build(followUp, culture, banner: null);
        var sent = await connector.SendAsync(reference.ServiceUrl, channel.ChannelConversationId,
            new OutboundActivity { Attachments = [Attachment.AdaptiveCard(card)], From = reference.Bot, Conversation = reference.Conversation with { Id = channel.ChannelConversationId } },
            cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            LogPostFailed(logger, followUp.FollowUpId, sent.Outcome);
            return;
        }

        followUp.CardConversationId = channel.ChannelConversationId;
        followUp.CardActivityId = sent.Value?.Id;
        await UpdateQuietlyAsync(followUp, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Edits the posted card so everyone in the channel sees the current state.</summary>
    public async Task RefreshCardAsync(FollowUp followUp, string serviceUrl, JsonObject card, CancellationToken cancellationToken)
    {
        if (followUp.CardConversationId is null || followUp.CardActivityId is null)
        {
            return;
        }

        var updated = await connector.UpdateAsync(serviceUrl, followUp.CardConversationId, followUp.CardActivityId,
            OutboundActivity.WithCard(card), cancellationToken).ConfigureAwait(false);
        if (!updated.IsSuccess)
        {
            LogEditFailed(logger, followUp.FollowUpId, updated.Outcome);
        }
    }

    /// <summary>Stores the card location; a concurrent claim may win the row, which keeps its own copy.</summary>
    private async Task UpdateQuietlyAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        try
        {
            await followUps.UpdateAsync(followUp, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainConflictException ex)
        {
            LogCardNotStored(logger, followUp.FollowUpId, ex.Reason);
        }
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} waits: its tenant has no follow-ups channel for its queue; a supervisor types 'use this channel for follow-ups' in a team channel")]
    private static partial void LogNoAlertChannel(ILogger logger, string followUpId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up {FollowUpId} card not posted: {Outcome}")]
    private static partial void LogPostFailed(ILogger logger, string followUpId, ConnectorOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} card not edited: {Outcome}")]
    private static partial void LogEditFailed(ILogger logger, string followUpId, ConnectorOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up {FollowUpId} card location not stored ({Reason})")]
    private static partial void LogCardNotStored(ILogger logger, string followUpId, ConflictReason reason);
}
