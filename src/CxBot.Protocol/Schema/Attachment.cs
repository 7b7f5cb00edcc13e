using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CxBot.Protocol.Schema;

/// <summary>An attachment: a card (inline <c>content</c>) or a file (<c>contentUrl</c>), never both.</summary>
public sealed record Attachment
{
    /// <summary>The content type of an Adaptive Card attachment.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>MIME type or card type.</summary>
    public string? ContentType { get; init; }
    /// <summary>Inline content, for cards the card JSON object.</summary>
    public JsonNode? Content { get; init; }
    /// <summary>Link to the content.</summary>
    public string? ContentUrl { get; init; }
    /// <summary>File name.</summary>
    public string? Name { get; init; }
    /// <summary>Thumbnail link.</summary>
    public string? ThumbnailUrl { get; init; }
    /// <summary>Fields this model does not name, kept for a lossless round trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Wraps an Adaptive Card JSON object as an attachment.</summary>
    public static Attachment AdaptiveCard(JsonObject card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
