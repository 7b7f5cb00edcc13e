using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxBot.Protocol.Schema;

/// <summary>A user or bot in a conversation (<c>from</c>, <c>recipient</c>, <c>membersAdded</c>).</summary>
public sealed record ChannelAccount
{
    /// <summary>Channel-specific id: <c>29:...</c> for Teams users, <c>28:...</c> for bots.</summary>
    public string? Id { get; init; }
    /// <summary>Display name.</summary>
    public string? Name { get; init; }
    /// <summary>Microsoft Entra object id (Teams).</summary>
    public string? AadObjectId { get; init; }
    /// <summary><c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; init; }
    /// <summary>Fields this model does not name, kept for a lossless round trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
