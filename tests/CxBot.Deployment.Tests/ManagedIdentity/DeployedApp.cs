using System.Collections.Concurrent;
using Azure.Core.Pipeline;
using CxBot.App.Contacts;
using CxBot.App.Integrations;
using CxBot.Storage.Setup;
using CxBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Deployment.Tests.ManagedIdentity;

/// <summary>
/// The app as azuredeploy.json runs it: every app setting of the template's web app is a process environment variable
/// (as App Service sets them), Production environment, no connection string and no secret, and the platform's
/// IDENTITY_ENDPOINT / IDENTITY_HEADER pointing at <see cref="IdentityEndpointStub"/>. Two hosts are answered here
/// instead of the network: the Teams connector (the primary handler of the connector's HTTP client) and the storage
/// account (the Azure SDK transport of the storage clients). The storage clients are still built by
/// <see cref="StorageClients"/> from the bound options, with its own DefaultAzureCredential.
/// </summary>
public sealed class DeployedApp : IAsyncLifetime, IAsyncDisposable
{
    // The connector's named HTTP client (ConnectorClient.HttpClientName, internal to CxBot.Protocol). A wrong name
    // would leave the real handler in place, and the connector test would then see no recorded request.
    private const string ConnectorHttpClientName = "CxBot.Connector";

    public const string IdentityClientId = "7d3f1c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b";
    public const string TenantId = "0f1e2d3c-4b5a-4697-8877-665544332211";
    public const string TableEndpoint = "https://acct.table.core.windows.net";
    public const string QueueEndpoint = "https://acct.queue.core.windows.net";

    // Concrete values for the template's expressions; a literal in the template (Bot__AppType) is taken as it is.
    internal static readonly IReadOnlyDictionary<string, string> ValuesForTemplateExpressions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Bot__AppId"] = IdentityClientId,
        ["Bot__TenantId"] = TenantId,
        ["Storage__TableEndpoint"] = TableEndpoint,
        ["Storage__QueueEndpoint"] = QueueEndpoint,
        ["AZURE_CLIENT_ID"] = IdentityClientId,
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/",
        ["Surveys__DefaultLocale"] = "en-US",
        ["Api__Keys__0"] = ApiKeyVerifier.Hash("platform-api-key-for-the-test"),
    };

    private EnvironmentScope? _environment;
    private Factory? _factory;

    internal OutboundHttpLog Network { get; } = new();

    internal IdentityEndpointStub Identity { get; private set; } = null!;

    internal ConcurrentQueue<RecordedRequest> ConnectorRequests { get; } = new();

    internal ConcurrentQueue<RecordedRequest> StorageRequests { get; } = new();

    internal RecordingLoggerProvider Logs { get; } = new();

    internal WebApplicationFactory<Program> App => _factory ?? throw new InvalidOperationException("not started");

    /// <summary>The web app's settings as App Service would set them, from azuredeploy.json.</summary>
    internal static Dictionary<string, string> AppSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in ArmTemplate.Load("azuredeploy.json").WebAppSettings())
        {
            settings[name] = value.StartsWith('[')
                ? ValuesForTemplateExpressions.TryGetValue(name, out var concrete) ? concrete : throw new InvalidOperationException($"no test value for the template's app setting {name}")
                : value;
        }

        return settings;
    }

    public async Task InitializeAsync()
    {
        Identity = await IdentityEndpointStub.StartAsync();
        var environment = AppSettings();
        environment["IDENTITY_ENDPOINT"] = Identity.Endpoint.AbsoluteUri;
        environment["IDENTITY_HEADER"] = IdentityEndpointStub.Header;
        _environment = new EnvironmentScope(environment);
        _factory = new Factory(this);
        _ = _factory.Services; // builds and starts the host: the storage initializer's first attempt runs inline
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }

        _environment?.Dispose();
        _environment = null;
        if (Identity is not null)
        {
            await Identity.DisposeAsync();
            Identity = null!;
        }

        Network.Dispose();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private sealed class Factory(DeployedApp owner) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<ILoggerProvider>();
                services.AddSingleton<ILoggerProvider>(owner.Logs);
                services.AddHttpClient(ConnectorHttpClientName)
                    .ConfigurePrimaryHttpMessageHandler(() => new StubHandler(owner.ConnectorRequests, StubHandler.ActivityCreated));
                var transport = new HttpClientTransport(new StubHandler(owner.StorageRequests, StubHandler.PermissionMismatch));
                services.RemoveAll<StorageClients>();
                services.AddSingleton(sp => new StorageClients(
                    sp.GetRequiredService<IOptions<StorageOptions>>(), logger: sp.GetService<ILogger<StorageClients>>(), transport: transport));
            });
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeployedAppCollection : ICollectionFixture<DeployedApp>
{
    // The app reads IDENTITY_ENDPOINT, AZURE_CLIENT_ID and its settings from the process environment, so nothing else runs beside it.
    public const string Name = "The deployed app (process environment)";
}
