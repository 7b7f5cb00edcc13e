using System.Text.Json.Nodes;

namespace CxBot.Protocol.Schema;

/// <summary>Mention entities: reading who was mentioned and removing the bot's mention from text.</summary>
public static class Mentions
{
    /// <summary>The message text without the mention(s) of the activity's recipient, trimmed.</summary>
    /// <remarks>Identity comes from the entities, never from the text: only mention entities whose
    /// <c>mentioned.id</c> equals <c>recipient.id</c> are removed.</remarks>
    public static string TextWithoutRecipientMention(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (activity.Entities is null || string.IsNullOrEmpty(botId))
        {
            return text.Trim();
        }

        foreach (var entity in activity.Entities)
        {
            if (!IsMentionOf(entity, botId))
            {
                continue;
            }

            if (entity["text"] is JsonValue t && t.TryGetValue(out string? mentionText) && !string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
            }
        }

        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
    }

    /// <summary>True when the entity is a mention of the account with <paramref name="id"/>.</summary>
    public static bool IsMentionOf(JsonObject entity, string id) =>
        entity["type"] is JsonValue type && type.TryGetValue(out string? typeName) &&
        string.Equals(typeName, "mention", StringComparison.Ordinal) &&
        entity["mentioned"] is JsonObject mentioned && mentioned["id"] is JsonValue idValue &&
        idValue.TryGetValue(out string? mentionedId) && string.Equals(mentionedId, id, StringComparison.Ordinal);
}
