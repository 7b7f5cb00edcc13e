using System.Text.Json.Nodes;

namespace CxBot.App.Tests.Support;

/// <summary>Builds Web Chat (Direct Line) activities for one person: no Teams channelData, no Entra id.</summary>
public sealed record WebChatUser(string UserId, string Locale = "en-US")
{
    public const string ServiceUrl = "https://webchat.botframework.com/";
    public const string BotId = "cxbot-prod";

    public string ConversationId => "DL" + UserId;

    public static WebChatUser New(string locale = "en-US") => new("dl_" + Guid.NewGuid().ToString("N")[..16], locale);

    public JsonObject Activity(string type) => new()
    {
        ["type"] = type,
        ["id"] = ConversationId + "|" + Guid.NewGuid().ToString("N")[..7],
        ["channelId"] = "webchat",
        ["serviceUrl"] = ServiceUrl,
        ["timestamp"] = "2026-11-20T09:00:00.000Z",
        ["locale"] = Locale,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "You" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CxBot" },
        ["conversation"] = new JsonObject { ["id"] = ConversationId },
    };

    public JsonObject Text(string text)
    {
        var activity = Activity("message");
        activity["text"] = text;
        return activity;
    }

    /// <summary>Direct Line's greeting: the bot and the user join the new conversation.</summary>
    public JsonObject BotAdded()
    {
        var activity = Activity("conversationUpdate");
        activity["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = BotId, ["name"] = "CxBot" },
            new JsonObject { ["id"] = UserId, ["name"] = "You" });
        return activity;
    }
}
