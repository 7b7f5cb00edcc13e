using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.App.Tests.Cards;

/// <summary>Reads a built card the way a client would see it: as its JSON.</summary>
internal sealed class CardQuery(AdaptiveCard card)
{
    public JsonObject Json { get; } = CardJson.ToJsonObject(card);

    /// <summary>Every object in the card, depth first (an element before its fallback and children).</summary>
    public IEnumerable<JsonObject> All => Descendants(Json);

    public IEnumerable<JsonObject> OfType(string type) => All.Where(o => Text(o, "type") == type);

    /// <summary>The first element with the id (for <c>csat</c>: the Input.Rating, its fallback follows).</summary>
    public JsonObject ById(string id) => All.First(o => Text(o, "id") == id);

    /// <summary>The ids of the body's top-level inputs, in order.</summary>
    public IEnumerable<string> BodyInputIds => Json["body"]!.AsArray().OfType<JsonObject>()
        .Where(o => Text(o, "type")!.StartsWith("Input.", StringComparison.Ordinal)).Select(o => Text(o, "id")!);

    public IEnumerable<string> TextBlockTexts => OfType("TextBlock").Select(o => Text(o, "text")!);

    public IEnumerable<string> TextRunTexts => OfType("TextRun").Select(o => Text(o, "text")!);

    /// <summary>Everything a reader sees: text blocks, runs, labels, titles, placeholders.</summary>
    public string VisibleText => string.Join("\n", All.SelectMany(o => VisibleProperties.Select(p => Text(o, p)).OfType<string>()));

    private static readonly string[] VisibleProperties = ["text", "label", "title", "placeholder", "errorMessage"];

    public static string? Text(JsonObject obj, string property) =>
        obj[property] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(p => Descendants(p.Value))],
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };
}
