using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CxBot.Cards;

/// <summary>Serializes cards to the JSON a channel expects (camelCase, nulls omitted).</summary>
public static class CardJson
{
    /// <summary>The card as a JSON object, ready for an attachment or an invoke response.</summary>
    public static JsonObject ToJsonObject(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, CardJsonContext.Default.AdaptiveCard)!.AsObject();

    /// <summary>The card as a JSON string.</summary>
    public static string ToJson(AdaptiveCard card) => JsonSerializer.Serialize(card, CardJsonContext.Default.AdaptiveCard);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
internal sealed partial class CardJsonContext : JsonSerializerContext;
