using System.Text.Json.Nodes;
using CxBot.App.Tests.Support;

namespace CxBot.App.Tests.Conversations;

/// <summary>Teams installation and conversation updates about the bot, a channel or a team (protocol shapes).</summary>
public static class LifecycleActivities
{
    public const string OtherTenant = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    public const string SecondChannel = "19:second-channel@thread.skype";
    public const string GroupChat = "19:group-chat-1@thread.v2";

    /// <summary>installationUpdate in the person's personal chat.</summary>
    public static JsonObject PersonalInstallation(TeamsUser user, string action)
    {
        var activity = user.Personal("installationUpdate");
        activity["action"] = action;
        return activity;
    }

    /// <summary>installationUpdate in the team (the conversation is the team's General channel).</summary>
    public static JsonObject TeamInstallation(string action, string tenantId = TeamsUser.TenantId)
    {
        var activity = InTeam("installationUpdate", tenantId);
        activity["action"] = action;
        return activity;
    }

    /// <summary>conversationUpdate in the team with the bot among the removed (or added) members.</summary>
    public static JsonObject BotMembership(bool removed, string tenantId = TeamsUser.TenantId)
    {
        var activity = InTeam("conversationUpdate", tenantId);
        activity[removed ? "membersRemoved" : "membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsUser.BotId });
        activity["channelData"]!["eventType"] = removed ? "teamMemberRemoved" : "teamMemberAdded";
        return activity;
    }

    /// <summary>conversationUpdate <c>channelDeleted</c>: the conversation is the team's, the channel the deleted one.</summary>
    public static JsonObject ChannelDeleted(string channelId, string tenantId = TeamsUser.TenantId)
    {
        var activity = InTeam("conversationUpdate", tenantId);
        activity["channelData"]!["eventType"] = "channelDeleted";
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "Second" };
        return activity;
    }

    /// <summary>conversationUpdate <c>teamDeleted</c>.</summary>
    public static JsonObject TeamDeleted(string tenantId = TeamsUser.TenantId)
    {
        var activity = InTeam("conversationUpdate", tenantId);
        activity["channelData"]!["eventType"] = "teamDeleted";
        return activity;
    }

    /// <summary>conversationUpdate in a group chat with the bot among the removed members.</summary>
    public static JsonObject BotRemovedFromGroupChat(TeamsUser user)
    {
        var activity = user.Personal("conversationUpdate");
        activity["conversation"] = new JsonObject
        {
            ["id"] = GroupChat, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = TeamsUser.TenantId,
        };
        activity["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = TeamsUser.BotId });
        return activity;
    }

    /// <summary>A message in a group chat (so the bot records the chat).</summary>
    public static JsonObject GroupChatMessage(TeamsUser user)
    {
        var activity = user.Text("help");
        activity["conversation"] = new JsonObject
        {
            ["id"] = GroupChat, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = TeamsUser.TenantId,
        };
        return activity;
    }

    /// <summary>A supervisor's command typed in <paramref name="channelId"/> of the team.</summary>
    public static JsonObject InChannel(TeamsUser user, string text, string channelId)
    {
        var activity = user.InChannel(user.Text(text));
        activity["conversation"]!["id"] = channelId + ";messageid=1795444364777";
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId };
        return activity;
    }

    private static JsonObject InTeam(string type, string tenantId)
    {
        var supervisor = SurveyFlow.Supervisor;
        var activity = supervisor.InChannel(supervisor.Personal(type));
        activity["conversation"] = new JsonObject
        {
            ["id"] = TeamsUser.TeamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = tenantId,
        };
        activity["channelData"]!["tenant"] = new JsonObject { ["id"] = tenantId };
        activity["channelData"]!["team"] = new JsonObject { ["id"] = TeamsUser.TeamId, ["name"] = "Service desk" };
        return activity;
    }
}
