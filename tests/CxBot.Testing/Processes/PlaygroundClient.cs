using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxBot.Testing.Processes;

/// <summary>
/// The Agents Playground's own client API (the calls its page makes), typed: act as a user without a browser and
/// see what the bot sends through the page's websocket stream. Undocumented by Microsoft; matches Playground 0.2.28.
/// </summary>
/// <remarks>
/// The stream does not replay: only messages sent after <see cref="ConnectAsync"/> are seen. Activities from the
/// Playground are always en-US and from the current user; use <see cref="SendCustomTextAsync"/> for others.
/// </remarks>
public sealed class PlaygroundClient : IAsyncDisposable
{
    private const string StreamPath = "_ws_conversation/v1/conversations/stream";

    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _stopping = new();
    private readonly AsyncRecorder<PlaygroundMessage> _messages = new(m => m.ToString());
    private Task _receiving = Task.CompletedTask;

    private PlaygroundClient(Uri baseUri, PlaygroundConfig config, HttpClient http, ClientWebSocket socket)
    {
        BaseUri = baseUri;
        Config = config;
        _http = http;
        _socket = socket;
    }

    public Uri BaseUri { get; }

    public PlaygroundConfig Config { get; }

    public string PersonalChatId => Config.PersonalChat.Id;

    public string GroupChatId => Config.GroupChats[0].Id;

    /// <summary>The General channel of the mock team; each post to it starts a thread (see <see cref="PlaygroundPost"/>).</summary>
    public string ChannelId => Config.Teams[0].Channels[0].Id;

    /// <summary>How long a wait lasts when no timeout is given.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every frame received so far, in order.</summary>
    public IReadOnlyList<PlaygroundMessage> Messages => _messages.Items;

    public static async Task<PlaygroundClient> ConnectAsync(Uri baseUri, CancellationToken cancellationToken = default)
    {
        var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var socket = new ClientWebSocket();
        try
        {
            var config = await GetConfigAsync(http, cancellationToken);
            var streamUri = new UriBuilder(new Uri(baseUri, StreamPath)) { Scheme = "ws" }.Uri;
            await socket.ConnectAsync(streamUri, cancellationToken);
            var client = new PlaygroundClient(baseUri, config, http, socket);
            client._receiving = client.ReceiveAsync();
            return client;
        }
        catch
        {
            socket.Dispose();
            http.Dispose();
            throw;
        }
    }

    /// <summary>Reads the mock tenant again (users, chats, teams, the bot's id).</summary>
    public Task<PlaygroundConfig> GetConfigAsync(CancellationToken cancellationToken = default) =>
        GetConfigAsync(_http, cancellationToken);

    /// <summary>
    /// What the page does when it opens: the bot receives installationUpdate (msteams only) and conversationUpdate
    /// with the user and the bot as membersAdded.
    /// </summary>
    public async Task InstallAsync(string? conversationId = null, CancellationToken cancellationToken = default) =>
        await PostAsync($"_debug/conversation/{Escape(conversationId ?? PersonalChatId)}/installation", new JsonObject(), cancellationToken);

    /// <summary>
    /// A user types <paramref name="text"/>. In a group chat or channel the Playground delivers only messages that
    /// mention the bot: set <paramref name="mentionBot"/> there (the text is then prefixed with the mention).
    /// </summary>
    /// <remarks>
    /// The Playground always sends as the current user (<c>user-id-0</c>); to act as another mock user use
    /// <see cref="SendCustomTextAsync"/> or <see cref="SendCustomActivityAsync"/> with <see cref="Account"/>.
    /// </remarks>
    public async Task<PlaygroundPost> SendTextAsync(
        string conversationId,
        string text,
        bool mentionBot = false,
        CancellationToken cancellationToken = default)
    {
        var message = new JsonObject
        {
            ["type"] = "text",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["from"] = new JsonObject { ["id"] = Config.CurrentUser.Id },
        };
        if (mentionBot)
        {
            var mention = $"<at>{Config.Bot.Name}</at>";
            message["text"] = $"{mention} {text}";
            message["mentions"] = new JsonArray(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = Config.Bot.Id },
                ["text"] = mention,
            });
        }

        var answer = await PostAsync($"_conversation/v1/conversations/{Escape(conversationId)}/messages", message, cancellationToken)
            ?? throw new InvalidOperationException("The Playground answered a message with an empty body.");
        return new PlaygroundPost(
            ReadString(answer, "messageId"),
            (string?)answer["postConversationId"]);
    }

    /// <summary>Action.Submit on the card in message <paramref name="replyToId"/>: <paramref name="value"/> is the action's data merged with the inputs.</summary>
    public async Task SubmitAsync(
        string conversationId,
        string replyToId,
        JsonObject value,
        CancellationToken cancellationToken = default) =>
        await PostAsync(
            "_conversation/v1/submit",
            new JsonObject
            {
                ["conversation"] = new JsonObject { ["id"] = conversationId },
                ["replyToId"] = replyToId,
                ["value"] = value.DeepClone(),
                ["from"] = new JsonObject { ["id"] = Config.CurrentUser.Id },
            },
            cancellationToken);

    /// <summary>
    /// Sends an invoke activity and returns the bot's HTTP response body as the Playground relays it (without
    /// <c>statusCode</c>; <c>{}</c> when the bot sent none). A bot failure raises <see cref="PlaygroundRequestException"/> (502).
    /// </summary>
    public async Task<JsonNode> InvokeAsync(
        string conversationId,
        string name,
        JsonNode value,
        string? replyToId = null,
        CancellationToken cancellationToken = default)
    {
        var invoke = new JsonObject
        {
            ["name"] = name,
            ["value"] = value.DeepClone(),
            ["from"] = new JsonObject { ["id"] = Config.CurrentUser.Id },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
        };
        if (replyToId is not null)
        {
            invoke["replyToId"] = replyToId;
        }

        return await PostAsync("_conversation/v1/invoke", invoke, cancellationToken) ?? new JsonObject();
    }

    /// <summary>
    /// Action.Execute on the card in message <paramref name="replyToId"/> (invoke <c>adaptiveCard/action</c>); the
    /// message must exist in the conversation (else 400 ActivityNotFoundInConversation).
    /// </summary>
    public Task<JsonNode> ExecuteAsync(
        string conversationId,
        string replyToId,
        string verb,
        JsonObject data,
        CancellationToken cancellationToken = default) =>
        InvokeAsync(
            conversationId,
            "adaptiveCard/action",
            new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            },
            replyToId,
            cancellationToken);

    /// <summary>
    /// Sends any activity to the bot: <paramref name="activity"/>'s properties are laid over the Playground's
    /// template for the conversation (serviceUrl, conversation, from, recipient, channelId, id, timestamp).
    /// Returns the activity's id. The Playground forwards it unchanged and does not wait for the bot's answer.
    /// </summary>
    public async Task<string> SendCustomActivityAsync(
        string conversationId,
        JsonObject activity,
        CancellationToken cancellationToken = default)
    {
        var template = await _http.GetFromJsonNodeAsync(
            $"_internal/v1/customActivities/template?conversationId={Escape(conversationId)}",
            cancellationToken);
        foreach (var (key, value) in activity)
        {
            template[key] = value?.DeepClone();
        }

        await PostAsync("_internal/v1/customActivities", template, cancellationToken);
        return ReadString(template, "id");
    }

    /// <summary>
    /// A text message like the Playground's own, but in any <paramref name="locale"/> (the Playground's are always
    /// en-US) and from any mock user (default: the current user).
    /// </summary>
    public Task<string> SendCustomTextAsync(
        string conversationId,
        string text,
        string locale = "en-US",
        string? fromUserId = null,
        CancellationToken cancellationToken = default) =>
        SendCustomActivityAsync(
            conversationId,
            new JsonObject
            {
                ["type"] = "message",
                ["text"] = text,
                ["textFormat"] = "plain",
                ["locale"] = locale,
                ["from"] = Account(fromUserId ?? Config.CurrentUser.Id),
                ["entities"] = new JsonArray(new JsonObject
                {
                    ["type"] = "clientInfo",
                    ["locale"] = locale,
                    ["country"] = locale[(locale.IndexOf('-', StringComparison.Ordinal) + 1)..],
                    ["platform"] = "Web",
                    ["timezone"] = "UTC",
                }),
            },
            cancellationToken);

    /// <summary>A mock user as an activity's <c>from</c>: id, name and aadObjectId.</summary>
    public JsonObject Account(string userId)
    {
        var user = Config.Users.Append(Config.CurrentUser).FirstOrDefault(u => u.Id == userId)
            ?? throw new ArgumentException($"The Playground has no user {userId}.", nameof(userId));
        return new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };
    }

    /// <summary>
    /// The first message (created, updated or typing) that matches and was not returned by an earlier wait,
    /// including those that arrived before this call.
    /// </summary>
    public Task<PlaygroundMessage> WaitForMessageAsync(
        Func<PlaygroundMessage, bool> predicate,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        _messages.WaitForAsync(predicate, timeout ?? DefaultTimeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        _socket.Dispose();
        _http.Dispose();
        _stopping.Dispose();
    }

    private static async Task<PlaygroundConfig> GetConfigAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var answer = await http.GetFromJsonNodeAsync("_internal/v1/config", cancellationToken);
        return answer["config"].Deserialize<PlaygroundConfig>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The Playground's config has no \"config\".");
    }

    private async Task<JsonNode?> PostAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new PlaygroundRequestException((int)response.StatusCode, text, $"POST /{path}");
        }

        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _stopping.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _messages.Fail(new WebSocketException("The Playground closed its message stream."));
                    return;
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (JsonNode.Parse(frame.ToArray()) is JsonObject json)
                {
                    _messages.Add(PlaygroundMessage.FromFrame(json));
                }

                frame.SetLength(0);
            }
        }
        catch (Exception failure) when (failure is WebSocketException or JsonException)
        {
            _messages.Fail(failure);
        }
    }

    private static string ReadString(JsonNode node, string property) =>
        (string?)node[property] ?? throw new InvalidOperationException($"The Playground's answer has no \"{property}\": {node.ToJsonString()}");

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}

internal static class PlaygroundHttpExtensions
{
    public static async Task<JsonNode> GetFromJsonNodeAsync(this HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new PlaygroundRequestException((int)response.StatusCode, text, $"GET /{path}");
        }

        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"GET /{path} returned no JSON.");
    }
}
