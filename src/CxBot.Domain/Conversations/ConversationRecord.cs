namespace CxBot.Domain.Conversations;

/// <summary>
/// Where and how the bot last heard from a conversation, kept so that it can write there later
/// (surveys to customers, alerts to supervisors). <see cref="Reference"/> is the channel's own
/// reference as JSON; the domain does not interpret it.
/// </summary>
public sealed record ConversationRecord
{
    /// <summary>Channel: msteams, webchat, directline, ...</summary>
    public required string ChannelId { get; init; }
    /// <summary>The conversation id.</summary>
    public required string ConversationId { get; init; }
    /// <summary>personal, groupChat or channel (Teams); personal elsewhere.</summary>
    public required string ConversationType { get; init; }
    /// <summary>Channel user id of the person heard from.</summary>
    public string? UserId { get; init; }
    /// <summary>Entra object id of the person (Teams).</summary>
    public string? AadObjectId { get; init; }
    /// <summary>Tenant (Teams).</summary>
    public string? TenantId { get; init; }
    /// <summary>Team id when the conversation is a team channel.</summary>
    public string? TeamId { get; init; }
    /// <summary>The person's locale when last heard.</summary>
    public string? Locale { get; init; }
    /// <summary>The reference to send with, as JSON.</summary>
    public required string Reference { get; init; }
    /// <summary>When the bot last heard from the conversation.</summary>
    public required DateTimeOffset LastSeen { get; init; }
    /// <summary>When the channel last refused a post into it (403 or 404); null while it is reachable. A new record
    /// written from an activity of the conversation (the person writes again, the bot is installed again) has none.</summary>
    public DateTimeOffset? StaleSince { get; init; }
    /// <summary>Why it is stale: the connector's outcome and error code, e.g. <c>Blocked: ConversationBlockedByUser</c>.</summary>
    public string? StaleReason { get; init; }

    /// <summary>True when nothing should be sent into the conversation until the bot hears from it again.</summary>
    public bool IsStale => StaleSince is not null;

    /// <summary>True for a one-to-one chat with a person.</summary>
    public bool IsPersonal => string.Equals(ConversationType, "personal", StringComparison.Ordinal);
}
