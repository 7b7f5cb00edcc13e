using CxBot.Protocol.Schema;

namespace CxBot.App.Routing;

/// <summary>Where a command may be used; mirrors the Teams manifest's command-list scopes.</summary>
[Flags]
public enum ConversationScope
{
    /// <summary>No scope.</summary>
    None = 0,
    /// <summary>One-to-one chat with the bot (and web chat).</summary>
    Personal = 1,
    /// <summary>A team channel.</summary>
    Team = 2,
    /// <summary>A group chat.</summary>
    GroupChat = 4,
    /// <summary>Everywhere.</summary>
    All = Personal | Team | GroupChat,
}

/// <summary>Reads the scope of an activity's conversation.</summary>
public static class ConversationScopes
{
    /// <summary>Teams says <c>channel</c> or <c>groupChat</c>; everything else is a personal conversation.</summary>
    public static ConversationScope Of(Activity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => ConversationScope.Team,
        "groupChat" => ConversationScope.GroupChat,
        _ => ConversationScope.Personal,
    };
}
