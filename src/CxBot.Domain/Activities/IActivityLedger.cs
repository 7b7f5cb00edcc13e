namespace CxBot.Domain.Activities;

/// <summary>Remembers which inbound activities were handled, so a channel's retry is handled once.</summary>
public interface IActivityLedger
{
    /// <summary>Claims the activity; false when it was claimed before (a duplicate delivery). Teams message ids are
    /// unique only within a conversation, so the conversation is part of the identity.</summary>
    Task<bool> TryClaimAsync(string channelId, string conversationId, string activityId, DateTimeOffset receivedAt, CancellationToken cancellationToken);
}
