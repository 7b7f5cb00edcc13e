using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxBot.Protocol.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount
{
    /// <summary>Opaque conversation id.</summary>
    public string? Id { get; init; }
    /// <summary>Display name, when the channel gives one.</summary>
    public string? Name { get; init; }
    /// <summary>True for group chats and channels.</summary>
    public bool? IsGroup { get; init; }
    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }
    /// <summary>Teams tenant id.</summary>
    public string? TenantId { get; init; }
    /// <summary>Fields this model does not name, kept for a lossless round trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
