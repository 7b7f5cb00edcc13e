using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.Channels;

namespace CxBot.Benchmarks;

/// <summary>
/// A Teams customer with the app installed in a personal chat: the contacts the contact center posts for them and
/// the activities Teams sends the bot on their behalf. Even customers belong to the tenant whose supervisors set an
/// alerts channel, odd ones to a tenant without one.
/// </summary>
internal sealed record TeamsCustomer(int Index, string AadObjectId, string TenantId)
{
    public const string TenantWithAlerts = "3f1a7c2e-5b8d-4e0f-a1c3-d5e7f9a0b2c4";
    public const string TenantWithoutAlerts = "9b2d4f6a-8c0e-4a1b-b3d5-e7f9a1c3e5d7";
    public const string AlertsChannelId = "19:bench-alerts@thread.tacv2";
    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string BotId = "28:00000000-0000-0000-0000-00000000b0b0";

    public static TeamsCustomer Create(int index) =>
        new(index, Guid.NewGuid().ToString(), index % 2 == 0 ? TenantWithAlerts : TenantWithoutAlerts);

    public bool HasAlertsChannel => TenantId == TenantWithAlerts;

    /// <summary>Where the bot answers: Teams, or a stub channel on the loopback.</summary>
    public string ServiceUrl { get; init; } = TeamsServiceUrl;

    public string ConversationId => "a:" + AadObjectId;

    /// <summary>The app installed in the personal chat: the bot learns the conversation.</summary>
    public JsonObject Install()
    {
        var activity = Personal("installationUpdate");
        activity["action"] = "add";
        return activity;
    }

    /// <summary>The survey card's Action.Execute, as Teams sends it.</summary>
    public JsonObject Answer(JsonObject data)
    {
        var activity = Personal("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "survey-card";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = data["verb"]?.DeepClone(), ["data"] = data } };
        return activity;
    }

    /// <summary>The body of <c>POST /api/contacts</c> for a contact that just ended.</summary>
    public JsonObject Contact(string contactId) => new()
    {
        ["contactId"] = contactId,
        ["customer"] = new JsonObject { ["aadObjectId"] = AadObjectId, ["tenantId"] = TenantId },
        ["agent"] = new JsonObject { ["id"] = "agent-" + (Index % 4).ToString(CultureInfo.InvariantCulture), ["displayName"] = "Agent " + (Index % 4).ToString(CultureInfo.InvariantCulture) },
        ["queue"] = Index % 3 == 0 ? "billing" : "support",
        ["channel"] = "chat",
        ["endedAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
        ["locale"] = "en-US",
    };

    /// <summary>A supervisor of the alerts tenant designating the team channel for follow-ups.</summary>
    public static JsonObject UseChannelForAlerts(string supervisorAad, string serviceUrl = TeamsServiceUrl)
    {
        var mention = "<at>CxBot</at>";
        var activity = Activity("message", serviceUrl,
            new JsonObject { ["id"] = "29:supervisor", ["name"] = "Sam Supervisor", ["aadObjectId"] = supervisorAad },
            new JsonObject { ["id"] = AlertsChannelId + ";messageid=1", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantWithAlerts },
            new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = TenantWithAlerts },
                ["team"] = new JsonObject { ["id"] = "19:bench-team@thread.tacv2" },
                ["channel"] = new JsonObject { ["id"] = AlertsChannelId },
            });
        activity["text"] = mention + " " + ChannelsModule.AlertsCommand;
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "CxBot" },
            ["text"] = mention,
        });
        return activity;
    }

    private JsonObject Personal(string type) => Activity(type, ServiceUrl,
        new JsonObject { ["id"] = "29:" + AadObjectId[..8], ["name"] = "Customer " + Index.ToString(CultureInfo.InvariantCulture), ["aadObjectId"] = AadObjectId },
        new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } });

    private static JsonObject Activity(string type, string serviceUrl, JsonObject from, JsonObject conversation, JsonObject channelData) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["locale"] = "en-US",
        ["from"] = from,
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CxBot" },
        ["conversation"] = conversation,
        ["channelData"] = channelData,
    };
}
