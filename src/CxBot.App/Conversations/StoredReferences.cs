using System.Text.Json;
using CxBot.Protocol.Schema;

namespace CxBot.App.Conversations;

/// <summary>Conversation references as stored with conversations and alert channels: JSON of the protocol type.</summary>
public static class StoredReferences
{
    /// <summary>The reference as stored.</summary>
    public static string ToJson(ConversationReference reference) =>
        JsonSerializer.Serialize(reference, ProtocolJsonContext.Default.ConversationReference);

    /// <summary>A stored reference.</summary>
    public static ConversationReference Parse(string json) =>
        JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.ConversationReference)
        ?? throw new InvalidOperationException("A stored conversation reference is empty.");
}
