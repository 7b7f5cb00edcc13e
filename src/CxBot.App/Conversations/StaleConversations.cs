using CxBot.App.Channels;
using CxBot.App.Messaging;
using CxBot.Domain.Channels;
using CxBot.Domain.Conversations;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;

namespace CxBot.App.Conversations;

/// <summary>
/// Marks a conversation the channel refused (403 or 404) stale, so nothing keeps sending into it: the stored
/// conversation (a customer's chat is then skipped, a person is mentioned in a channel instead) and the tenant's
/// channel designations that point at it (they count as absent, so their messages are held until a supervisor
/// designates a channel again or the bot is installed in the team again). An activity from the conversation clears
/// the conversation's mark (<see cref="ConversationRecorder"/>).
/// </summary>
public sealed partial class StaleConversations(
    IConversationRecords records,
    IChannelDesignations designations,
    ConversationRecorder recorder,
    TimeProvider time,
    ILogger<StaleConversations> logger) : IUnreachableConversationObserver
{
    /// <inheritdoc />
    public async Task OnUnreachableAsync(ConversationReference reference, ConnectorResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(result);
        var conversationId = reference.Conversation.Id!;
        var reason = $"{result.Outcome}: {result.ErrorCode ?? ((int?)result.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var at = time.GetUtcNow();
        try
        {
            if (await records.MarkStaleAsync(reference.ChannelId, conversationId, reason, at, cancellationToken).ConfigureAwait(false))
            {
                LogConversationStale(logger, reference.ChannelId, conversationId, reason);
            }

            recorder.Forget(reference.ChannelId, conversationId);
            if (TenantRule.TenantOf(reference) is { } tenantId && ChannelsModule.ChannelRoot(conversationId) is { } channel)
            {
                foreach (var designation in await designations.SetStaleAsync(tenantId, channel, reason, at, cancellationToken).ConfigureAwait(false))
                {
                    LogDesignationStale(logger, channel, designation.Purpose, designation.Queue ?? "*", reason);
                }
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            // The send's own outcome still decides what happens to the message; the mark follows on the next refusal.
            LogNotMarked(logger, conversationId, ex.Status, ex.ErrorCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {ChannelId} {ConversationId} refused a post ({Reason}); marked stale until the bot hears from it again")]
    private static partial void LogConversationStale(ILogger logger, string channelId, string conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelConversationId} designated for {Purpose} (queue {Queue}) refused a post ({Reason}); its messages are held until a channel is designated again")]
    private static partial void LogDesignationStale(ILogger logger, string channelConversationId, ChannelPurpose purpose, string queue, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not mark conversation {ConversationId} stale: {Status} {Code}")]
    private static partial void LogNotMarked(ILogger logger, string conversationId, int status, string? code);
}
