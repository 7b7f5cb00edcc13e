using CxBot.Protocol.Schema;

namespace CxBot.App.Conversations;

/// <summary>What an installation or conversation update means for the conversations the bot keeps.</summary>
public enum LifecycleChange
{
    /// <summary>Nothing the bot keeps changes (a rename, another member joining, an upgrade).</summary>
    None,
    /// <summary>The bot was installed or added here (again).</summary>
    BotAdded,
    /// <summary>The bot was uninstalled or removed from this chat, group chat or team.</summary>
    BotRemoved,
    /// <summary>A channel of the team was deleted.</summary>
    ChannelDeleted,
    /// <summary>The team was deleted.</summary>
    TeamDeleted,
}

/// <summary>
/// An installation or conversation update read for its lifecycle meaning: <c>installationUpdate</c> with action
/// <c>add</c> or <c>remove</c> (the <c>-upgrade</c> variants keep the bot installed), <c>conversationUpdate</c> with the
/// bot itself among <c>membersAdded</c> or <c>membersRemoved</c>, and the Teams events <c>channelDeleted</c>,
/// <c>teamDeleted</c> and <c>teamHardDeleted</c>. Team, channel and event type are read from Teams activities only.
/// </summary>
/// <param name="Change">What happened.</param>
/// <param name="TeamId">The team, when the update is about a team or one of its channels.</param>
/// <param name="ChannelId">The deleted channel (<see cref="LifecycleChange.ChannelDeleted"/>).</param>
public sealed record LifecycleEvent(LifecycleChange Change, string? TeamId, string? ChannelId)
{
    /// <summary>True when the bot can no longer write to some of its conversations.</summary>
    public bool IsRemoval => Change is LifecycleChange.BotRemoved or LifecycleChange.ChannelDeleted or LifecycleChange.TeamDeleted;

    /// <summary>Reads the activity; <see cref="LifecycleChange.None"/> for anything else.</summary>
    public static LifecycleEvent Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Only Teams vouches for channel data: from any other channel (web chat, Direct Line) an event type, team or
        // channel id is the client's own claim, so there an update can only be about the activity's own conversation.
        var teams = string.Equals(activity.ChannelId, "msteams", StringComparison.Ordinal)
            ? TeamsChannelData.From(activity)
            : new TeamsChannelData();
        var change = LifecycleChange.None;
        if (activity.IsType(ActivityTypes.InstallationUpdate))
        {
            change = activity.Action switch
            {
                "add" => LifecycleChange.BotAdded,
                "remove" => LifecycleChange.BotRemoved,
                _ => LifecycleChange.None,
            };
        }
        else if (activity.IsType(ActivityTypes.ConversationUpdate))
        {
            change = teams.EventType switch
            {
                "channelDeleted" when !string.IsNullOrEmpty(teams.ChannelId) => LifecycleChange.ChannelDeleted,
                "teamDeleted" or "teamHardDeleted" when !string.IsNullOrEmpty(teams.TeamId) => LifecycleChange.TeamDeleted,
                _ when IsBot(activity, activity.MembersRemoved) => LifecycleChange.BotRemoved,
                _ when IsBot(activity, activity.MembersAdded) => LifecycleChange.BotAdded,
                _ => LifecycleChange.None,
            };
        }

        return new LifecycleEvent(change, teams.TeamId, change == LifecycleChange.ChannelDeleted ? teams.ChannelId : null);
    }

    private static bool IsBot(Activity activity, IReadOnlyList<ChannelAccount>? members) =>
        !string.IsNullOrEmpty(activity.Recipient?.Id)
        && members?.Any(m => string.Equals(m.Id, activity.Recipient.Id, StringComparison.Ordinal)) == true;
}
