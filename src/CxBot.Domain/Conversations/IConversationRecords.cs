namespace CxBot.Domain.Conversations;

/// <summary>Stores the conversations the bot can write to later.</summary>
public interface IConversationRecords
{
    /// <summary>Inserts or replaces the record (by channel and conversation; for personal chats also by user).</summary>
    Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken);

    /// <summary>A conversation by channel and id.</summary>
    Task<ConversationRecord?> FindConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The personal chat with a channel user (e.g. a web chat user id).</summary>
    Task<ConversationRecord?> FindPersonalByUserAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>The Teams personal chat with an Entra user of a tenant.</summary>
    Task<ConversationRecord?> FindPersonalByAadAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>The most recently heard conversation of a Teams team (any of its channels), or null.</summary>
    Task<ConversationRecord?> FindTeamAsync(string channelId, string teamId, CancellationToken cancellationToken);

    /// <summary>Every recorded conversation of a Teams team (its channels and their threads).</summary>
    Task<IReadOnlyList<ConversationRecord>> ListTeamAsync(string channelId, string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the conversation stale wherever it is recorded (by conversation, user, Entra id and team); false when it
    /// is not recorded. A lookup row that was rewritten meanwhile by a newer activity is left as it is.
    /// </summary>
    Task<bool> MarkStaleAsync(string channelId, string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes the conversation wherever it is recorded; a lookup row that points at another conversation
    /// meanwhile is kept. False when it was not recorded (removing twice changes nothing).</summary>
    Task<bool> RemoveAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
