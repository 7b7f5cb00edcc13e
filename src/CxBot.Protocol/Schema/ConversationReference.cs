namespace CxBot.Protocol.Schema;

/// <summary>What the bot needs to send into a conversation later (proactive messages).</summary>
public sealed record ConversationReference
{
    /// <summary>Channel id.</summary>
    public required string ChannelId { get; init; }
    /// <summary>Service URL last seen for the conversation.</summary>
    public required string ServiceUrl { get; init; }
    /// <summary>The conversation.</summary>
    public required ConversationAccount Conversation { get; init; }
    /// <summary>The user the bot heard from.</summary>
    public ChannelAccount? User { get; init; }
    /// <summary>The bot account in that conversation.</summary>
    public ChannelAccount? Bot { get; init; }
    /// <summary>The user's locale when last heard.</summary>
    public string? Locale { get; init; }
    /// <summary>Teams tenant id, when known.</summary>
    public string? TenantId { get; init; }

    /// <summary>Builds a reference from an inbound activity; null when routing fields are missing.</summary>
    public static ConversationReference? From(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.ServiceUrl) ||
            string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return null;
        }

        return new ConversationReference
        {
            ChannelId = activity.ChannelId,
            ServiceUrl = activity.ServiceUrl,
            Conversation = activity.Conversation,
            User = activity.From,
            Bot = activity.Recipient,
            Locale = activity.Locale,
            TenantId = TeamsChannelData.From(activity).TenantId ?? activity.Conversation.TenantId,
        };
    }
}
