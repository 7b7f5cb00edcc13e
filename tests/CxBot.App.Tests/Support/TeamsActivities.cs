using System.Text.Json.Nodes;

namespace CxBot.App.Tests.Support;

/// <summary>Builds Teams-shaped inbound activities for one person in a personal chat, or in a team channel.</summary>
public sealed record TeamsUser(string AadObjectId, string Name, string Locale = "en-US")
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string BotId = "28:00000000-0000-0000-0000-00000000b0b0";
    public const string TeamId = "19:team-general@thread.skype";

    public string UserId => "29:" + AadObjectId[..8];

    public string PersonalConversationId => "a:" + AadObjectId;

    public JsonObject Personal(string type, string? id = null) => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["timestamp"] = "2026-11-20T09:00:00.000Z",
        ["locale"] = Locale,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = Name, ["aadObjectId"] = AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CxBot" },
        ["conversation"] = new JsonObject { ["id"] = PersonalConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    public JsonObject Install() => With(Personal("installationUpdate"), "action", "add");

    public JsonObject Text(string text) => With(Personal("message"), "text", text);

    public JsonObject Execute(string verb, JsonObject data, string replyToId = "card-1")
    {
        var activity = Personal("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        return activity;
    }

    public JsonObject Submit(JsonObject value, string replyToId = "card-1")
    {
        var activity = Personal("message");
        activity["replyToId"] = replyToId;
        activity["value"] = value;
        return activity;
    }

    public static JsonObject InChannel(JsonObject activity, string threadId = "1795444364332")
    {
        activity["conversation"] = new JsonObject
        {
            ["id"] = $"{TeamId};messageid={threadId}",
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["tenantId"] = TenantId,
        };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = TeamId },
        };
        if (activity["text"] is JsonValue text)
        {
            activity["text"] = "<at>CxBot</at> " + text.GetValue<string>();
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "CxBot" },
                ["text"] = "<at>CxBot</at>",
            });
        }

        return activity;
    }

    private static JsonObject With(JsonObject activity, string name, string value)
    {
        activity[name] = value;
        return activity;
    }
}
