using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxBot.Protocol.Schema;

/// <summary>Source-generated System.Text.Json metadata for the wire types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(OutboundActivity))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(Connector.ResourceResponse))]
[JsonSerializable(typeof(Connector.ConversationParameters))]
[JsonSerializable(typeof(Connector.ConversationResourceResponse))]
[JsonSerializable(typeof(Connector.PagedMembersResult))]
[JsonSerializable(typeof(Connector.ErrorResponse))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(List<ChannelAccount>))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;

/// <summary>Serializer entry points for the wire types.</summary>
public static class ProtocolJson
{
    /// <summary>The options behind <see cref="ProtocolJsonContext"/>.</summary>
    public static JsonSerializerOptions Options => ProtocolJsonContext.Default.Options;

    /// <summary>Parses an inbound activity; throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static Activity? ParseActivity(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, ProtocolJsonContext.Default.Activity);

    /// <summary>Writes an inbound activity back to JSON.</summary>
    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

    /// <summary>Writes an outbound activity.</summary>
    public static string Serialize(OutboundActivity activity) =>
        JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.OutboundActivity);
}
