using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Integrations;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>
/// The real bot process on Azurite with a stub channel in place of Teams' connector, so that a test decides how the
/// channel answers the bot (slowly, or 429 with a Retry-After) and delivers activities itself, as Teams does: one
/// HTTP request per delivery, redelivered with the same activity id when a delivery failed.
/// </summary>
public sealed class StubChannelBot : IAsyncDisposable
{
    public const string TenantId = "e5e5e5e5-0000-4000-8000-00000000000e";
    public const string SupervisorAad = "e5e5e5e5-0000-4000-8000-0000000000a1";
    public const string TeamId = "19:care-team@thread.tacv2";
    public const string ChannelId = "19:care-alerts@thread.tacv2";
    private const string ApiKey = "stub-channel-contacts-key-0123456789";
    private const string BotId = "28:cxbot";

    private readonly ITestOutputHelper _output;
    private readonly ServiceProvider _storage;

    private StubChannelBot(ITestOutputHelper output, StubChannel stub, BotProcess bot, ServiceProvider storage)
    {
        _output = output;
        Stub = stub;
        Bot = bot;
        _storage = storage;
    }

    public StubChannel Stub { get; }

    public BotProcess Bot { get; }

    public static async Task<StubChannelBot> StartAsync(AzuriteProcess azurite, ITestOutputHelper output)
    {
        var prefix = "S" + Guid.NewGuid().ToString("N")[..12];
        // No pacing limits of its own: only what a test forces on the stub refuses or slows the bot.
        var stub = await StubChannel.StartAsync(TimeSpan.Zero, int.MaxValue);
        try
        {
            var bot = await BotProcess.StartAsync(new BotProcessOptions
            {
                Settings = new Dictionary<string, string?>
                {
                    ["Bot__AllowUnauthenticated"] = "true",
                    ["Storage__ConnectionString"] = azurite.ConnectionString,
                    ["Storage__TablePrefix"] = prefix,
                    ["Api__Keys__0"] = ApiKeyVerifier.Hash(ApiKey),
                    ["Roles__Supervisors__0"] = SupervisorAad,
                    ["Messaging__PollSeconds"] = "0.2",
                    ["Messaging__PerConversationSeconds"] = "0",
                    ["Surveys__SuppressionDays"] = "0",
                    ["Logging__LogLevel__Default"] = "Warning",
                    ["Logging__LogLevel__CxBot.App.Hosting"] = "Information",
                    ["Logging__LogLevel__CxBot.App.Messaging"] = "Information",
                },
            });
            return new StubChannelBot(output, stub, bot, RealBot.StorageView(azurite.ConnectionString, prefix));
        }
        catch
        {
            await stub.DisposeAsync();
            throw;
        }
    }

    /// <summary>The app's own storage adapters over the bot's tables.</summary>
    public T Storage<T>()
        where T : notnull => _storage.GetRequiredService<T>();

    /// <summary>One delivery of an activity, as the channel makes it; cancelling it closes the connection.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(JsonObject activity, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        return await http.PostAsJsonAsync(Bot.MessagesEndpoint, activity, cancellationToken);
    }

    public Task<JsonObject> PostContactAsync(string customerAad, string contactId) =>
        RealBot.PostContactAsync(Bot.BaseUri, ApiKey, Customer(customerAad), contactId, "billing");

    public static JsonObject Customer(string aad) => new() { ["aadObjectId"] = aad, ["tenantId"] = TenantId };

    /// <summary>The supervisor types <paramref name="text"/> to the bot, @mentioning it, in a new post of the team channel.</summary>
    public JsonObject ChannelMessage(string text) => Activity("message", $"{ChannelId};messageid={Guid.NewGuid():N}", "channel", SupervisorAad, "Pat Supervisor",
        new JsonObject
        {
            ["text"] = $"<at>CxBot</at> {text}",
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>CxBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "CxBot" },
            }),
        });

    /// <summary>A customer types <paramref name="text"/> in their personal chat with the bot.</summary>
    public JsonObject PersonalMessage(string customerAad, string text) =>
        Activity("message", PersonalChat(customerAad), "personal", customerAad, "Kim Customer", new JsonObject { ["text"] = text });

    /// <summary>A customer presses a card's Action.Execute button in their personal chat.</summary>
    public JsonObject CardAction(string customerAad, string verb, JsonObject data) =>
        Activity("invoke", PersonalChat(customerAad), "personal", customerAad, "Kim Customer", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["replyToId"] = "1795386688860",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            },
        });

    public static string PersonalChat(string aad) => "a:" + aad;

    public async ValueTask DisposeAsync()
    {
        var log = Bot.RecentOutput;
        _output.WriteLine($"--- bot {Bot.ProcessId} ---{Environment.NewLine}{(log.Length <= 8000 ? log : log[^8000..])}");
        await Bot.DisposeAsync();
        await Stub.DisposeAsync();
        await _storage.DisposeAsync();
    }

    private JsonObject Activity(string type, string conversationId, string conversationType, string aad, string name, JsonObject fields)
    {
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        if (conversationType == "channel")
        {
            channelData["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Customer care" };
            channelData["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "Alerts" };
        }

        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = Stub.BaseUri.ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["locale"] = "en-US",
            ["from"] = new JsonObject { ["id"] = "29:" + aad[..8], ["name"] = name, ["aadObjectId"] = aad },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CxBot" },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversationId,
                ["conversationType"] = conversationType,
                ["isGroup"] = conversationType != "personal",
                ["tenantId"] = TenantId,
            },
            ["channelData"] = channelData,
        };
        foreach (var (key, value) in fields)
        {
            activity[key] = value?.DeepClone();
        }

        return activity;
    }
}
