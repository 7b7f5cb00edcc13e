using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Contacts;
using CxBot.App.Integrations;
using CxBot.Domain.Surveys;
using CxBot.Storage;
using CxBot.Testing.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>
/// The real bot as a process, on a real Azurite, talking to a real Agents Playground: what a developer runs
/// locally. The Playground's current user (Alex Wilber) is a supervisor; Megan Bowen is an agent.
/// </summary>
public abstract class RealBot(PlaygroundChannel channel, bool persistentStorage = false, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    public const string ApiKey = "e2e-contacts-key-0123456789";
    public const string AlexAad = "00000000-0000-0000-0000-0000000000020";
    public const string MeganAad = "00000000-0000-0000-0000-0000000000021";
    public const string PlaygroundTenant = "00000000-0000-0000-0000-0000000000001";

    private readonly string _tablePrefix = "E" + Guid.NewGuid().ToString("N")[..12];
    private ServiceProvider? _storage;

    public AzuriteProcess Azurite { get; private set; } = null!;
    public BotProcess Bot { get; private set; } = null!;
    public PlaygroundProcess Playground { get; private set; } = null!;
    public PlaygroundClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Persistent: the data survives a stop and restart of Azurite (the storage outage test).
        Azurite = persistentStorage ? await AzuriteProcess.StartPersistentAsync() : await AzuriteProcess.StartAsync();
        Bot = await BotProcess.StartAsync(new BotProcessOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Bot__AllowUnauthenticated"] = "true",
                ["Storage__ConnectionString"] = Azurite.ConnectionString,
                ["Storage__TablePrefix"] = _tablePrefix,
                ["Api__Keys__0"] = ApiKeyVerifier.Hash(ApiKey),
                ["Roles__Supervisors__0"] = AlexAad,
                ["Roles__Agents__0"] = MeganAad,
                ["Messaging__PollSeconds"] = "0.2",
                ["Messaging__PerConversationSeconds"] = "0",
                ["Surveys__SuppressionDays"] = "0",
            }.Concat(settings ?? new Dictionary<string, string?>()).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        });
        Playground = await PlaygroundProcess.StartAsync(new PlaygroundOptions(Bot.MessagesEndpoint)
        {
            Channel = channel,
            ConversationId = "e2e-" + Guid.NewGuid().ToString("N")[..8],
        });
        Client = await Playground.ConnectClientAsync();
    }

    public async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        await Client.DisposeAsync();
        await Playground.DisposeAsync();
        await Bot.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>The app's own storage adapters over the same tables, to check what was stored.</summary>
    public T Storage<T>()
        where T : notnull
    {
        _storage ??= StorageView(Azurite.ConnectionString, _tablePrefix);
        return _storage.GetRequiredService<T>();
    }

    /// <summary>The stored response to the survey of <paramref name="contactId"/> (the bot reports in UTC days), or null.</summary>
    public async Task<SurveyResponse?> StoredResponseAsync(string contactId)
    {
        var survey = await Storage<ISurveys>().GetAsync(SurveyIds.For(contactId), CancellationToken.None);
        return survey is null ? null
            : await Storage<ISurveyResponses>().GetAsync(new CxBot.Domain.Insights.ReportingCalendar(TimeZoneInfo.Utc).DayOf(survey.ContactEndedAt), survey.SurveyId, CancellationToken.None);
    }

    /// <summary>The app's storage adapters over the tables of one prefix, as the bot with that prefix sees them.</summary>
    public static ServiceProvider StorageView(string connectionString, string tablePrefix) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString,
                ["Storage:TablePrefix"] = tablePrefix,
            }).Build())
            .AddLogging()
            .AddCxBotStorage()
            .BuildServiceProvider();

    /// <summary>Reports an ended contact as the contact-center platform does (ended two minutes ago unless <paramref name="endedAt"/> says when).</summary>
    public Task<JsonObject> PostContactAsync(JsonObject customer, string contactId, string queue = "billing", DateTimeOffset? endedAt = null) =>
        PostContactAsync(Bot.BaseUri, ApiKey, customer, contactId, queue, endedAt);

    /// <summary>Reports an ended contact to a bot with that API key; asserts it was accepted and returns the decision.</summary>
    public static async Task<JsonObject> PostContactAsync(Uri bot, string apiKey, JsonObject customer, string contactId, string queue, DateTimeOffset? endedAt = null)
    {
        using var http = new HttpClient { BaseAddress = bot };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/contacts")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["contactId"] = contactId,
                ["customer"] = customer,
                ["agent"] = new JsonObject { ["id"] = "agent-7", ["displayName"] = "Sam de Boer" },
                ["queue"] = queue,
                ["channel"] = "phone",
                ["endedAt"] = (endedAt ?? DateTimeOffset.UtcNow.AddMinutes(-2)).ToString("O"),
            }),
        };
        request.Headers.Add(ApiOptions.KeyHeader, apiKey);
        using var response = await http.SendAsync(request);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, body.ToJsonString());
        return body;
    }

    public static JsonObject TeamsCustomer(string aad = AlexAad) => new() { ["aadObjectId"] = aad, ["tenantId"] = PlaygroundTenant };

    /// <summary>The data of the survey card's Send action (verb, survey id, token) merged with answers.</summary>
    public static JsonObject Answer(JsonObject card, params (string Input, string Value)[] answers)
    {
        var action = card["actions"]!.AsArray().OfType<JsonObject>().Single();
        var data = action["data"]!.DeepClone().AsObject();
        foreach (var (input, value) in answers)
        {
            data[input] = value;
        }

        return data;
    }

    public static bool CardContains(PlaygroundMessage message, string text) =>
        message.AdaptiveCards.Any(card => Json(card).Contains(text, StringComparison.Ordinal));

    /// <summary>The <c>value</c> of an invoke answer as readable JSON.</summary>
    public static string ValueText(JsonNode reply) => reply["value"] is { } value ? Json(value) : "";

    /// <summary>JSON as written, without escaping non-ASCII letters (so "enquêtes" can be searched).</summary>
    public static string Json(JsonNode node) => node.ToJsonString(Readable);

    public static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

public sealed class TeamsBot() : RealBot(PlaygroundChannel.MsTeams);

public sealed class WebChatBot() : RealBot(PlaygroundChannel.WebChat);

/// <summary>The Teams bot on an Azurite of its own that keeps its data on disk, so that it can be stopped and restarted.</summary>
public sealed class RestartableStorageBot() : RealBot(PlaygroundChannel.MsTeams, persistentStorage: true);
