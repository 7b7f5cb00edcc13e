using System.Text.Json;
using System.Web;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Tests.Connector;
using CxBot.Protocol.Tokens;
using CxBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Protocol.Tests.Tokens;

/// <summary>
/// A user-assigned managed identity on App Service: MSAL reads IDENTITY_ENDPOINT and IDENTITY_HEADER, so a real local
/// HTTP server stands in for the platform's identity endpoint. The variables are process-wide; only this class sets them.
/// </summary>
public sealed class ManagedIdentityTokenProviderTests
{
    private const string ClientId = "22222222-0000-0000-0000-000000000001";

    [Fact]
    public async Task UserAssignedMsi_GetsTokenFromAppServiceIdentityEndpoint_AndCachesIt()
    {
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        await using var identityEndpoint = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Headers["X-IDENTITY-HEADER"] != "stub-identity-header")
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["access_token"] = "msi-token",
                ["expires_on"] = expiresOn.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = "https://api.botframework.com",
                ["token_type"] = "Bearer",
                ["client_id"] = ClientId,
            }));
        });
        using var environment = new EnvironmentScope(new Dictionary<string, string>
        {
            ["IDENTITY_ENDPOINT"] = new Uri(identityEndpoint.BaseUri, "msi/token").AbsoluteUri,
            ["IDENTITY_HEADER"] = "stub-identity-header",
        });
        await using var services = TestServices.WithConfiguration(new Dictionary<string, string?>
            {
                ["Bot:AppId"] = ClientId, ["Bot:AppType"] = "UserAssignedMSI", ["Bot:TenantId"] = "tenant",
            })
            .AddBotConnector()
            .BuildServiceProvider();
        var provider = services.GetRequiredService<IBotTokenProvider>();

        var first = await provider.GetTokenAsync();
        var second = await provider.GetTokenAsync();

        Assert.Equal("msi-token", first);
        Assert.Equal(first, second);
        var request = Assert.Single(identityEndpoint.Requests);
        Assert.StartsWith("GET /msi/token?", request, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(request["GET /msi/token?".Length..request.LastIndexOf(" auth=", StringComparison.Ordinal)]);
        Assert.Equal("https://api.botframework.com", query["resource"]);
        Assert.Equal(ClientId, query["client_id"]);
    }
}
