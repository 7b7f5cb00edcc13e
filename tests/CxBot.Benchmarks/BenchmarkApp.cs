using System.Net;
using CxBot.App.Contacts;
using CxBot.App.Integrations;
using CxBot.App.Messaging;
using CxBot.Domain.Messaging;
using CxBot.Protocol.Connector;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxBot.Benchmarks;

/// <summary>
/// The real app in this process behind Kestrel on a loopback port, on Azurite, with the in-memory fake connector
/// (every send answers Sent at once). The background dispatcher is removed: setup drives the queue itself, so
/// nothing polls the queue while submits are measured. <paramref name="settings"/> add to (or override) the common ones.
/// </summary>
internal sealed class BenchmarkApp(AzuriteProcess azurite, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string ApiKey = "benchmark-api-key-0123456789";
    public const string SupervisorAad = "8c3e1f0a-2b4d-4e6f-9a1b-3c5d7e9f1a2b";

    public FakeConnectorClient Connector { get; } = new();

    public string TablePrefix { get; } = "B" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>More services, registered after the benchmark's own (a benchmark's stand-in for a store it does not measure).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Starts Kestrel and returns the address it listens on.</summary>
    public Uri Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // WebApplicationFactory finds the content root from the working directory, which `dotnet run` does not set.
        builder.UseContentRoot(RepoRoot.Combine("src", "CxBot.App"));
        builder.UseEnvironment("Development");
        var common = new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticated"] = "true",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Api:Keys:0"] = ApiKeyVerifier.Hash(ApiKey),
            ["Roles:Supervisors:0"] = SupervisorAad,
            ["Messaging:PerConversationSeconds"] = "0",
            ["Messaging:PerTenantPerSecond"] = "50",
            ["Surveys:SuppressionDays"] = "0",
            // The app logs one Information line per submit, and a warning per follow-up in the tenant that has no
            // alerts channel (on purpose here); the benchmark's console is for its report.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CxBot.App.FollowUps.FollowUpService"] = "Error",
        };
        foreach (var (key, value) in common.Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IConnectorClient>(Connector);
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxDispatcher)));
            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>Sends every scheduled survey, with a few dispatchers at once (the pacer still applies).</summary>
    public async Task DispatchAllAsync(int dispatchers)
    {
        var queue = Services.GetRequiredService<IOutboxQueue>();
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(Services);
        await Task.WhenAll(Enumerable.Range(0, dispatchers).Select(async _ =>
        {
            while (await queue.ReceiveAsync(OutboxDispatcher.BatchSize, TimeSpan.FromMinutes(10), CancellationToken.None) is { Count: > 0 } batch)
            {
                foreach (var message in batch)
                {
                    await dispatcher.ProcessAsync(message);
                }
            }
        }));
    }
}
