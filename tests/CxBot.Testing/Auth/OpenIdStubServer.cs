using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxBot.Testing.Auth;

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) serving an OpenID metadata document and the keys
/// document it points to, standing in for login.botframework.com. Counts requests so tests can see
/// when keys were fetched.
/// </summary>
public sealed class OpenIdStubServer : IAsyncDisposable
{
    /// <summary>Path of the metadata document.</summary>
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";

    /// <summary>Path of the keys document.</summary>
    public const string KeysPath = "/v1/.well-known/keys";

    private readonly WebApplication _app;
    private volatile string _keysJson = """{"keys":[]}""";
    private volatile string? _jwksUriOverride;
    private int _metadataRequests;
    private int _keysRequests;

    private OpenIdStubServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet(MetadataPath, ServeMetadata);
        _app.MapGet(KeysPath, ServeKeys);
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:5123</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Absolute URL of the metadata document.</summary>
    public Uri MetadataUrl => new(BaseAddress, MetadataPath);

    /// <summary>How many times the metadata document was requested.</summary>
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>How many times the keys document was requested.</summary>
    public int KeysRequests => Volatile.Read(ref _keysRequests);

    /// <summary>Makes the metadata name another <c>jwks_uri</c> (null restores this server's).</summary>
    public string? JwksUriOverride
    {
        get => _jwksUriOverride;
        set => _jwksUriOverride = value;
    }

    /// <summary>Starts the server.</summary>
    public static async Task<OpenIdStubServer> StartAsync()
    {
        var stub = new OpenIdStubServer();
        await stub._app.StartAsync().ConfigureAwait(false);
        var addresses = stub._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        stub.BaseAddress = new Uri(addresses.Addresses.Single());
        return stub;
    }

    /// <summary>Replaces the published keys.</summary>
    public void PublishKeys(params JsonObject[] jwks)
    {
        ArgumentNullException.ThrowIfNull(jwks);
        _keysJson = new JsonObject { ["keys"] = new JsonArray([.. jwks.Select(k => k.DeepClone())]) }.ToJsonString();
    }

    private IResult ServeMetadata()
    {
        Interlocked.Increment(ref _metadataRequests);
        var metadata = new JsonObject
        {
            ["issuer"] = TestJwt.ChannelIssuer,
            ["jwks_uri"] = _jwksUriOverride ?? new Uri(BaseAddress, KeysPath).ToString(),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        return Results.Text(metadata.ToJsonString(), "application/json");
    }

    private IResult ServeKeys()
    {
        Interlocked.Increment(ref _keysRequests);
        return Results.Text(_keysJson, "application/json");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
