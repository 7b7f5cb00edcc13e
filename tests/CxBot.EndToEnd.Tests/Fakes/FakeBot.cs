using System.Text;
using System.Text.Json.Nodes;
using CxBot.Testing.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CxBot.EndToEnd.Tests.Fakes;

/// <summary>
/// A few lines of Bot Framework bot, enough to prove the harness: it records every activity, welcomes on
/// conversationUpdate, answers text with "pong: …" (or a card for "card"), replaces a submitted card with
/// "submitted: …", and answers adaptiveCard/action invokes with a card.
/// </summary>
public sealed class FakeBot : IAsyncDisposable
{
    public const string WelcomeText = "Welcome from the fake bot";

    private readonly WebApplication _app;
    private readonly HttpClient _connector = new();

    private FakeBot(WebApplication app) => _app = app;

    public AsyncRecorder<JsonObject> Activities { get; } = new(a => $"{a["type"]} {a["name"]} {a["text"]}");

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeBot> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var bot = new FakeBot(builder.Build());
        bot._app.MapMethods("/api/messages", [HttpMethods.Head], () => Results.Ok());
        bot._app.MapPost("/api/messages", bot.OnActivityAsync);
        await bot._app.StartAsync();
        var address = bot._app.Urls.Single();
        bot.Endpoint = new Uri(new Uri(address), "api/messages");
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _connector.Dispose();
    }

    private async Task<IResult> OnActivityAsync(HttpRequest request)
    {
        var activity = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
        Activities.Add(activity);
        switch ((string?)activity["type"])
        {
            case "conversationUpdate":
                await SendAsync(activity, Reply(activity, WelcomeText));
                break;
            case "message" when activity["value"] is JsonObject value:
                await UpdateAsync(activity, (string)activity["replyToId"]!, Reply(activity, $"submitted: {value.ToJsonString()}"));
                break;
            case "message" when (string?)activity["text"] is { } text:
                var words = text.Replace("<at>Test Bot</at>", "", StringComparison.Ordinal).Trim();
                await SendAsync(activity, words == "card" ? CardReply(activity) : Reply(activity, $"pong: {words}"));
                break;
            case "invoke" when (string?)activity["name"] == "adaptiveCard/action":
                var action = activity["value"]!["action"]!;
                return (bool?)action["data"]?["fail"] == true
                    ? Results.StatusCode(StatusCodes.Status500InternalServerError)
                    : Results.Json(new JsonObject
                    {
                        ["statusCode"] = 200,
                        ["type"] = PlaygroundMessage.AdaptiveCardContentType,
                        ["value"] = Card($"executed {action["verb"]}"),
                    });
        }

        return Results.Ok();
    }

    private static JsonObject Reply(JsonObject incoming, string text) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = incoming["recipient"]!.DeepClone(),
        ["recipient"] = incoming["from"]!.DeepClone(),
        ["conversation"] = incoming["conversation"]!.DeepClone(),
        ["replyToId"] = incoming["id"]!.DeepClone(),
    };

    private static JsonObject CardReply(JsonObject incoming)
    {
        var reply = Reply(incoming, "");
        reply.Remove("text");
        reply["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = PlaygroundMessage.AdaptiveCardContentType,
            ["content"] = Card("Rate us"),
        });
        return reply;
    }

    private static JsonObject Card(string title) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = title }),
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = "Send", ["data"] = new JsonObject { ["verb"] = "rate" } }),
    };

    private Task SendAsync(JsonObject incoming, JsonObject reply) =>
        CallConnectorAsync(HttpMethod.Post, incoming, "activities", reply);

    private Task UpdateAsync(JsonObject incoming, string messageId, JsonObject replacement) =>
        CallConnectorAsync(HttpMethod.Put, incoming, $"activities/{Uri.EscapeDataString(messageId)}", replacement);

    private async Task CallConnectorAsync(HttpMethod method, JsonObject incoming, string path, JsonObject body)
    {
        var serviceUrl = ((string)incoming["serviceUrl"]!).TrimEnd('/');
        var conversationId = Uri.EscapeDataString((string)incoming["conversation"]!["id"]!);
        using var request = new HttpRequestMessage(method, $"{serviceUrl}/v3/conversations/{conversationId}/{path}")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await _connector.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
