using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Contacts;
using CxBot.App.Integrations;
using CxBot.App.FollowUps;
using CxBot.App.Messaging;
using CxBot.App.Surveys.Delivery;
using CxBot.Domain.Surveys;
using CxBot.Protocol.Connector;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.App.Tests.Support;

/// <summary>
/// The real app on a real Azurite, with a recording fake connector, a recording outbox and a fake clock. The survey dispatcher and the
/// overdue follow-up notifier do not run in the background: tests call <see cref="DispatchAsync"/> (and the notifier's
/// pass) so that sends happen when the test says. The dispatch queue is the real one behind <see cref="DispatchQueue"/>.
/// </summary>
public sealed class CxBotAppFactory(AzuriteProcess azurite, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-api-key-0123456789";
    public const string SupervisorAad = "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
    public const string AgentAad = "6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";

    public FakeConnectorClient Connector { get; } = new();

    /// <summary>Stands in for the proactive-messaging outbox: records what is enqueued and delivers it when a test says.</summary>
    public RecordingProactiveMessages ProactiveMessages { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    public string TablePrefix { get; } = "T" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The dispatch queue the app uses: Azurite's, recorded, with test overrides for its delays.</summary>
    public RecordingDispatchQueue DispatchQueue => Services.GetRequiredService<RecordingDispatchQueue>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var defaults = new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticated"] = "true",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Api:Keys:0"] = ApiKeyVerifier.Hash(ApiKey),
            ["Roles:Supervisors:0"] = SupervisorAad,
            ["Roles:Agents:0"] = AgentAad,
            ["Surveys:PerConversationSeconds"] = "0",
            ["Surveys:MessagesPerSecond"] = "50",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            defaults[key] = value;
        }

        foreach (var (key, value) in defaults)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IConnectorClient>(Connector);
            services.AddSingleton<IProactiveMessages>(ProactiveMessages);
            services.AddSingleton<TimeProvider>(Time);
            var background = services.Where(d => d.ServiceType == typeof(IHostedService)
                && (d.ImplementationType == typeof(SurveyDispatcher) || d.ImplementationType == typeof(OverdueFollowUpNotifier))).ToList();
            if (background.Count != 2)
            {
                throw new InvalidOperationException("The survey dispatcher or the overdue notifier is no longer registered as a hosted service.");
            }

            background.ForEach(d => services.Remove(d));
            RecordingDispatchQueue.Decorate(services);
        });
    }

    /// <summary>Runs the dispatcher over every message visible now; returns how many were handled.</summary>
    public async Task<int> DispatchAsync()
    {
        var queue = Services.GetRequiredService<ISurveyDispatchQueue>();
        var dispatcher = ActivatorUtilities.CreateInstance<SurveyDispatcher>(Services);
        var handled = 0;
        while (true)
        {
            var batch = await queue.ReceiveAsync(SurveyDispatcher.BatchSize, SurveyDispatcher.Visibility, CancellationToken.None);
            if (batch.Count == 0)
            {
                return handled;
            }

            foreach (var message in batch)
            {
                await dispatcher.ProcessAsync(message);
                handled++;
            }
        }
    }

    /// <summary>Posts an activity to the messaging endpoint.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity) =>
        CreateClient().PostAsJsonAsync("/api/messages", activity);

    /// <summary>Posts a contact with the test API key.</summary>
    public async Task<HttpResponseMessage> PostContactAsync(JsonObject contact, string? apiKey = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/contacts") { Content = JsonContent.Create(contact) };
        if (apiKey is not null)
        {
            request.Headers.Add(ApiOptions.KeyHeader, apiKey);
        }

        return await CreateClient().SendAsync(request);
    }
}
