namespace CxBot.Storage.Conversations;

/// <summary>Table row of a conversation reference. The same data is written under up to three keys:
/// <c>conv|channel</c> + conversation id, and for personal chats <c>user|channel</c> + user id and
/// <c>aad|tenant</c> + Entra object id, so each lookup is a point read; a team's conversations are also written under
/// <c>teamconv|channel|team</c> + conversation id, so the team's conversations are one single-partition query.</summary>
internal sealed class ConversationEntity : TableRow
{
    public string ChannelId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string ConversationType { get; set; } = "";
    public string? UserId { get; set; }
    public string? AadObjectId { get; set; }
    public string? TenantId { get; set; }
    public string? TeamId { get; set; }
    public string? Locale { get; set; }
    public string Reference { get; set; } = "";
    public DateTimeOffset LastSeen { get; set; }
    public DateTimeOffset? StaleSince { get; set; }
    public string? StaleReason { get; set; }
}
