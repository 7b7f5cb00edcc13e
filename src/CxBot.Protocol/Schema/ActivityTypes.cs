namespace CxBot.Protocol.Schema;

/// <summary>The activity type names of the Bot Framework Activity specification, compared ordinally.</summary>
public static class ActivityTypes
{
    /// <summary>A message from a user or to a user.</summary>
    public const string Message = "message";
    /// <summary>Members joined or left the conversation, or Teams conversation events.</summary>
    public const string ConversationUpdate = "conversationUpdate";
    /// <summary>The bot was installed or removed.</summary>
    public const string InstallationUpdate = "installationUpdate";
    /// <summary>A synchronous request whose result goes back in the HTTP response body.</summary>
    public const string Invoke = "invoke";
    /// <summary>An asynchronous, named, extensible notification.</summary>
    public const string Event = "event";
    /// <summary>A typing indicator.</summary>
    public const string Typing = "typing";
    /// <summary>Reactions were added to or removed from a message.</summary>
    public const string MessageReaction = "messageReaction";
    /// <summary>A message was edited.</summary>
    public const string MessageUpdate = "messageUpdate";
    /// <summary>A message was deleted.</summary>
    public const string MessageDelete = "messageDelete";
    /// <summary>The conversation ended.</summary>
    public const string EndOfConversation = "endOfConversation";
}
