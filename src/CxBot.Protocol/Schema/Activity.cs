using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CxBot.Protocol.Schema;

/// <summary>
/// An activity received from a channel. The routing fields are typed; everything else stays in
/// <see cref="Extra"/>, <see cref="ChannelData"/>, <see cref="Entities"/> and <see cref="Value"/> as JSON,
/// so that an activity written back out is the one that came in.
/// </summary>
public sealed record Activity
{
    /// <summary>The activity type, see <see cref="ActivityTypes"/>.</summary>
    public string? Type { get; init; }
    /// <summary>Channel-assigned id.</summary>
    public string? Id { get; init; }
    /// <summary>UTC time the channel sent it, ISO 8601 as on the wire.</summary>
    public string? Timestamp { get; init; }
    /// <summary>The client's local time, ISO 8601 as on the wire.</summary>
    public string? LocalTimestamp { get; init; }
    /// <summary>IANA time zone of the client.</summary>
    public string? LocalTimezone { get; init; }
    /// <summary>Where replies to this activity go.</summary>
    public string? ServiceUrl { get; init; }
    /// <summary>The channel: <c>msteams</c>, <c>webchat</c>, <c>directline</c>, ...</summary>
    public string? ChannelId { get; init; }
    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; init; }
    /// <summary>The receiver: this bot.</summary>
    public ChannelAccount? Recipient { get; init; }
    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; init; }
    /// <summary>The activity this one answers; on card actions the message holding the card.</summary>
    public string? ReplyToId { get; init; }
    /// <summary>Message text.</summary>
    public string? Text { get; init; }
    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; init; }
    /// <summary>BCP-47 locale of the sender.</summary>
    public string? Locale { get; init; }
    /// <summary>Attachments.</summary>
    public List<Attachment>? Attachments { get; init; }
    /// <summary>Entities such as mentions and client info.</summary>
    public List<JsonObject>? Entities { get; init; }
    /// <summary>Card submit, invoke or event payload.</summary>
    public JsonNode? Value { get; init; }
    /// <summary>Name of an invoke or event.</summary>
    public string? Name { get; init; }
    /// <summary><c>add</c> or <c>remove</c> on installationUpdate.</summary>
    public string? Action { get; init; }
    /// <summary>Channel-specific data (Teams: tenant, team, channel, eventType).</summary>
    public JsonObject? ChannelData { get; init; }
    /// <summary>Members added (conversationUpdate).</summary>
    public List<ChannelAccount>? MembersAdded { get; init; }
    /// <summary>Members removed (conversationUpdate).</summary>
    public List<ChannelAccount>? MembersRemoved { get; init; }
    /// <summary>Fields this model does not name, kept for a lossless round trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>True when the type equals <paramref name="type"/> (ordinal).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);
}
