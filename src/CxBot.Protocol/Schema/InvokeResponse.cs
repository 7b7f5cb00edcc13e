using System.Text.Json.Nodes;

namespace CxBot.Protocol.Schema;

/// <summary>The HTTP status and body with which an invoke activity is answered.</summary>
/// <param name="Status">HTTP status code of the response to the channel.</param>
/// <param name="Body">JSON body, or null for none.</param>
public sealed record InvokeResponse(int Status, JsonNode? Body)
{
    /// <summary>The Universal Actions content type of a card answer.</summary>
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    /// <summary>The Universal Actions content type of a text answer.</summary>
    public const string MessageType = "application/vnd.microsoft.activity.message";
    /// <summary>The Universal Actions content type of an error answer.</summary>
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary><c>adaptiveCard/action</c> answer that replaces the card.</summary>
    public static InvokeResponse Card(JsonObject card) => Universal(200, CardType, card);

    /// <summary><c>adaptiveCard/action</c> answer with a short message; the card stays.</summary>
    public static InvokeResponse Message(string text) => Universal(200, MessageType, JsonValue.Create(text));

    /// <summary><c>adaptiveCard/action</c> error answer (status 4xx or 5xx in the body).</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) =>
        Universal(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });

    /// <summary>An invoke the bot does not implement.</summary>
    public static InvokeResponse NotImplemented() => new(501, null);

    private static InvokeResponse Universal(int statusCode, string type, JsonNode? value) =>
        new(200, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });
}
