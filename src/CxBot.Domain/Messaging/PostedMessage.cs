namespace CxBot.Domain.Messaging;

/// <summary>Where the bot posted a message (a card it may edit later, or a thread to reply in).</summary>
/// <param name="ChannelId">Channel (msteams, webchat, ...).</param>
/// <param name="ServiceUrl">The connector's service URL for the conversation.</param>
/// <param name="ConversationId">The conversation (for a team channel: the channel, without a thread suffix).</param>
/// <param name="ActivityId">The message id the channel returned; null when it returned none.</param>
/// <param name="TenantId">Tenant of the conversation, when known.</param>
public sealed record PostedMessage(string ChannelId, string ServiceUrl, string ConversationId, string? ActivityId, string? TenantId);
