using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.Signals;

namespace CxBot.Benchmarks;

/// <summary>
/// A contact-center agent (in the staff directory through <c>Roles:Agents</c>) in their personal chat with the bot:
/// the activities Teams sends for a one-line signal and for the "Log as customer signal" message action.
/// </summary>
internal sealed record SignalAgent(int Index, string AadObjectId)
{
    public const string TenantId = "5d7f9b1c-3e5a-4c7e-8f0a-2b4d6f8a0c1e";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string BotId = "28:00000000-0000-0000-0000-00000000b0b0";

    public static SignalAgent Create(int index) => new(index, Guid.NewGuid().ToString());

    public string ConversationId => "a:agent-" + AadObjectId;

    public string Name => "Agent " + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>signal complaint billing: ...</c> as a message with its own activity id.</summary>
    public JsonObject OneLiner(string activityId, string text)
    {
        var activity = Personal("message", activityId);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary><c>composeExtension/fetchTask</c> for a customer's message in a chat.</summary>
    public JsonObject FetchTask(string message) => Invoke(SignalsModule.FetchTaskInvoke, new JsonObject
    {
        ["commandId"] = SignalCaptureHandler.MessageActionCommandId,
        ["commandContext"] = "message",
        ["context"] = new JsonObject { ["theme"] = "default" },
        ["messagePayload"] = new JsonObject
        {
            ["id"] = "1795386688860",
            ["messageType"] = "message",
            ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "29:customer", ["displayName"] = "Lynne Robbins" } },
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<p>" + System.Net.WebUtility.HtmlEncode(message) + "</p>" },
        },
    });

    /// <summary><c>composeExtension/submitAction</c> with the dialog form's data merged with its inputs.</summary>
    public JsonObject SubmitAction(JsonObject data) => Invoke(SignalsModule.SubmitActionInvoke, new JsonObject
    {
        ["commandId"] = SignalCaptureHandler.MessageActionCommandId,
        ["commandContext"] = "message",
        ["data"] = data,
    });

    /// <summary>An invoke with its own activity id.</summary>
    public JsonObject Invoke(string name, JsonObject value)
    {
        var activity = Personal("invoke", Guid.NewGuid().ToString());
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    private JsonObject Personal(string type, string activityId) => new()
    {
        ["type"] = type,
        ["id"] = activityId,
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["locale"] = "en-US",
        ["from"] = new JsonObject { ["id"] = "29:" + AadObjectId[..8], ["name"] = Name, ["aadObjectId"] = AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CxBot" },
        ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };
}
