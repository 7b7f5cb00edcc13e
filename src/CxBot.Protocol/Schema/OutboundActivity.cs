using System.Text.Json.Nodes;

namespace CxBot.Protocol.Schema;

/// <summary>
/// An activity the bot sends. Routing (serviceUrl, conversation id) is passed to the connector client
/// separately; <c>id</c> and <c>serviceUrl</c> are never sent.
/// </summary>
public sealed record OutboundActivity
{
    /// <summary>The activity type; <c>message</c> unless set.</summary>
    public string Type { get; init; } = ActivityTypes.Message;
    /// <summary>The id of the activity being replaced; set by <c>UpdateAsync</c>, never on new activities.</summary>
    public string? Id { get; init; }
    /// <summary>Message text.</summary>
    public string? Text { get; init; }
    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; init; }
    /// <summary>Locale of the text.</summary>
    public string? Locale { get; init; }
    /// <summary>The bot account.</summary>
    public ChannelAccount? From { get; init; }
    /// <summary>The user account.</summary>
    public ChannelAccount? Recipient { get; init; }
    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; init; }
    /// <summary>The activity answered.</summary>
    public string? ReplyToId { get; init; }
    /// <summary>Cards and files.</summary>
    public List<Attachment>? Attachments { get; init; }
    /// <summary><c>list</c> or <c>carousel</c>.</summary>
    public string? AttachmentLayout { get; init; }
    /// <summary>Entities such as mentions.</summary>
    public List<JsonObject>? Entities { get; init; }
    /// <summary>Channel data, e.g. Teams notification settings.</summary>
    public JsonObject? ChannelData { get; init; }
    /// <summary>Summary shown in notifications.</summary>
    public string? Summary { get; init; }
    /// <summary>Event or invoke name.</summary>
    public string? Name { get; init; }
    /// <summary>Event or invoke payload.</summary>
    public JsonNode? Value { get; init; }

    /// <summary>A message with an Adaptive Card.</summary>
    public static OutboundActivity WithCard(JsonObject card, string? locale = null) =>
        new() { Attachments = [Attachment.AdaptiveCard(card)], Locale = locale };

    /// <summary>A plain text message: <c>textFormat</c> is <c>plain</c>, so names or ids inside it are not read as markdown.</summary>
    public static OutboundActivity WithText(string text, string? locale = null) => new() { Text = text, TextFormat = "plain", Locale = locale };
}
