using System.Text.Json.Nodes;

namespace CxBot.Testing.Processes;

/// <summary>The Playground's mock tenant (<c>GET /_internal/v1/config</c>).</summary>
public sealed record PlaygroundConfig(
    string TenantId,
    PlaygroundAccount Bot,
    PlaygroundUser CurrentUser,
    IReadOnlyList<PlaygroundUser> Users,
    PlaygroundChat PersonalChat,
    IReadOnlyList<PlaygroundChat> GroupChats,
    IReadOnlyList<PlaygroundTeam> Teams);

public sealed record PlaygroundAccount(string Id, string Name);

/// <summary>A mock user: <c>user-id-0</c> (the current user, aadObjectId …0020) to <c>user-id-5</c>.</summary>
public sealed record PlaygroundUser(string Id, string Name, string AadObjectId, string? Email);

/// <summary>A chat; <see cref="Members"/> are user ids (empty for the personal chat).</summary>
public sealed record PlaygroundChat(string Id, string Name, IReadOnlyList<string>? Members);

public sealed record PlaygroundTeam(string Id, string Name, string AadGroupId, IReadOnlyList<PlaygroundChannelInfo> Channels, IReadOnlyList<string> Members);

public sealed record PlaygroundChannelInfo(string Id, string Name, string ChannelType);

/// <summary>The Playground's answer to a user message: its id and, for a channel post, the thread's conversation id.</summary>
public sealed record PlaygroundPost(string MessageId, string? PostConversationId)
{
    /// <summary>Where the bot's replies to this post appear (the thread in a channel, else the chat itself).</summary>
    public string ReplyConversationId(string conversationId) => PostConversationId ?? conversationId;
}

public enum PlaygroundMessageAction
{
    Create,
    Update,
    Typing,
    Other,
}

public sealed record PlaygroundAttachment(string ContentType, JsonNode? Content);

/// <summary>A message the bot sent (or updated), as the Playground's page receives it over its websocket.</summary>
public sealed record PlaygroundMessage(
    PlaygroundMessageAction Action,
    string ConversationId,
    string? MessageId,
    string? FromId,
    string? Text,
    IReadOnlyList<PlaygroundAttachment> Attachments,
    JsonObject Frame)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public IEnumerable<JsonObject> AdaptiveCards =>
        Attachments.Where(a => a.ContentType == AdaptiveCardContentType).Select(a => a.Content).OfType<JsonObject>();

    /// <summary>The message's only Adaptive Card; throws when it has none or several.</summary>
    public JsonObject AdaptiveCard => AdaptiveCards.Single();

    internal static PlaygroundMessage FromFrame(JsonObject frame)
    {
        var message = frame["message"] as JsonObject ?? [];
        var attachments = (message["attachments"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(a => new PlaygroundAttachment((string?)a["contentType"] ?? "", a["content"]?.DeepClone()))
            .ToList();
        return new PlaygroundMessage(
            (string?)frame["action"] switch
            {
                "createMessage" => PlaygroundMessageAction.Create,
                "updateMessage" => PlaygroundMessageAction.Update,
                "typing" => PlaygroundMessageAction.Typing,
                _ => PlaygroundMessageAction.Other,
            },
            (string?)frame["actionConversationId"] ?? "",
            (string?)message["messageId"],
            (string?)message["from"]?["id"],
            (string?)message["text"],
            attachments,
            frame);
    }

    public override string ToString() =>
        $"{Action} {MessageId} in {ConversationId}: {Text ?? ""}{(Attachments.Count > 0 ? $" [+{Attachments.Count} attachment(s)]" : "")}";
}

/// <summary>The Playground refused a client API call or could not reach the bot (e.g. 502 UserBotError).</summary>
public sealed class PlaygroundRequestException(int statusCode, string body, string request)
    : Exception($"{request} returned {statusCode}: {body}")
{
    public int StatusCode { get; } = statusCode;

    public string Body { get; } = body;
}
