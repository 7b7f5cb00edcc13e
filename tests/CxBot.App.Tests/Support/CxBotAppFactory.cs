using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Contacts;
using CxBot.App.Integrations;
using CxBot.App.FollowUps;
using CxBot.App.Insights.Digests;
using CxBot.App.Messaging;
using CxBot.Domain.Messaging;
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
/// The real app on a real Azurite, with a recording fake connector, a recording stand-in for the proactive-messaging
/// service (unless <see cref="RealProactiveMessages"/>) and a fake clock. The outbox dispatcher, the
/// overdue follow-up notifier, the follow-up counts pass and the digests' scheduler do not run in the background: tests call <see cref="DispatchAsync"/> (and the notifier's
/// pass) so that sends happen when the test says. The outbox queue is the real one behind <see cref="Outbox"/>.
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

    /// <summary>The outbox queue the app uses: Azurite's, recorded, with test overrides for its delays.</summary>
    public RecordingOutbox Outbox => Services.GetRequiredService<RecordingOutbox>();

    /// <summary>True: the app's own proactive-messaging service (the durable outbox, held messages, the tenant rule)
    /// instead of <see cref="ProactiveMessages"/>; its messages go out when a test calls <see cref="DispatchAsync"/>.</summary>
    public bool RealProactiveMessages { get; init; }

    /// <summary>More test services, registered after the factory's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

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
            ["Messaging:PerConversationSeconds"] = "0",
            ["Messaging:PerTenantPerSecond"] = "50",
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
            if (!RealProactiveMessages)
            {
                services.AddSingleton<IProactiveMessages>(ProactiveMessages);
            }

            services.AddSingleton<TimeProvider>(Time);
            var background = services.Where(d => d.ServiceType == typeof(IHostedService)
                && (d.ImplementationType == typeof(OutboxDispatcher) || d.ImplementationType == typeof(OverdueFollowUpNotifier)
                    || d.ImplementationType == typeof(CxBot.App.Insights.Rollup.ReportRollup) || d.ImplementationType == typeof(FollowUpCountsPass))).ToList();
            if (background.Count != 4)
            {
                throw new InvalidOperationException("The outbox dispatcher, the overdue notifier, the report roll-up or the follow-up counts pass is no longer registered as a hosted service.");
            }

            background.ForEach(d => services.Remove(d));
            // The digests' scheduler neither: tests run its pass when they say.
            services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DigestScheduler)).ToList()
                .ForEach(d => services.Remove(d));
            RecordingOutbox.Decorate(services);
            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>Runs the dispatcher (without its lease) over every outbox message visible now; returns how many were handled.</summary>
    public async Task<int> DispatchAsync()
    {
        var queue = Services.GetRequiredService<IOutboxQueue>();
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(Services);
        var handled = 0;
        while (true)
        {
            var batch = await queue.ReceiveAsync(OutboxDispatcher.BatchSize, TimeSpan.FromMinutes(10), CancellationToken.None);
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
