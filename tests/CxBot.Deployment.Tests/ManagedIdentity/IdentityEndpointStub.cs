using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxBot.Deployment.Tests.ManagedIdentity;

/// <summary>One request the identity endpoint received.</summary>
internal sealed record IdentityRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? IdentityHeader)
{
    public string? Resource => Query.GetValueOrDefault("resource");

    public string? ClientId => Query.GetValueOrDefault("client_id");
}

/// <summary>
/// App Service's managed-identity endpoint on 127.0.0.1 (free port): what IDENTITY_ENDPOINT names on a web app.
/// Answers <c>GET /msi/token</c> that carries the right <c>X-IDENTITY-HEADER</c> with a token naming the resource and
/// client id asked for, in the 2019-08-01 shape; records every request.
/// </summary>
internal sealed class IdentityEndpointStub : IAsyncDisposable
{
    public const string Header = "stub-identity-header-secret";
    public const string TokenPath = "/msi/token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<IdentityRequest> _requests = new();

    private IdentityEndpointStub()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Map("/{**path}", Answer);
    }

    /// <summary>The value for IDENTITY_ENDPOINT.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<IdentityRequest> Requests => [.. _requests];

    /// <summary>The token the stub issues for a resource and client id.</summary>
    public static string TokenFor(string? resource, string? clientId) => $"stub-token|{resource}|{clientId}";

    public static async Task<IdentityEndpointStub> StartAsync()
    {
        var stub = new IdentityEndpointStub();
        await stub._app.StartAsync();
        var address = stub._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.Endpoint = new Uri(new Uri(address), TokenPath);
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Answer(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var request = new IdentityRequest(context.Request.Method, context.Request.Path, query, context.Request.Headers["X-IDENTITY-HEADER"]);
        _requests.Enqueue(request);
        if (request.Method != HttpMethods.Get || request.Path != TokenPath || request.IdentityHeader != Header || request.Resource is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["access_token"] = TokenFor(request.Resource, request.ClientId),
            ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = request.Resource,
            ["token_type"] = "Bearer",
            ["client_id"] = request.ClientId ?? string.Empty,
        }));
    }
}
