using System.Net;
using System.Web;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Tests.Connector;
using CxBot.Protocol.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Protocol.Tests.Tokens;

public sealed class MsalTokenProviderTests
{
    private const string AppId = "00000000-0000-0000-0000-0000000000b0";
    private const string TenantId = "11111111-2222-3333-4444-555555555555";

    private static Func<HttpRequestMessage, HttpResponseMessage> TokenEndpoint(string accessToken = "msal-token") => request =>
    {
        if (request.RequestUri!.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            return Respond.Json(HttpStatusCode.OK,
                $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"{{accessToken}}"}""")();
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    };

    private static ServiceProvider Build(Dictionary<string, string?> settings, HttpMessageHandler msalHandler)
    {
        var services = TestServices.WithConfiguration(settings).AddBotConnector();
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => msalHandler);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task SingleTenant_RequestsClientCredentialsTokenFromTheBotsTenant()
    {
        var stub = new StubHttpHandler(TokenEndpoint());
        await using var services = Build(new()
        {
            ["Bot:AppId"] = AppId, ["Bot:AppType"] = "SingleTenant", ["Bot:TenantId"] = TenantId, ["Bot:AppPassword"] = "s3cret",
        }, stub);

        var token = await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync();

        Assert.Equal("msal-token", token);
        var request = Assert.Single(stub.Requests, r => r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal));
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
        var form = HttpUtility.ParseQueryString(request.Body!);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal("s3cret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task MultiTenant_RequestsTokenFromBotFrameworkTenant_AndCachesIt()
    {
        var stub = new StubHttpHandler(TokenEndpoint());
        await using var services = Build(new()
        {
            ["Bot:AppId"] = AppId, ["Bot:AppType"] = "MultiTenant", ["Bot:AppPassword"] = "s3cret", ["Bot:TenantId"] = TenantId,
        }, stub);
        var provider = services.GetRequiredService<IBotTokenProvider>();

        var first = await provider.GetTokenAsync();
        var second = await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync();

        Assert.Equal("msal-token", first);
        Assert.Equal(first, second);
        var request = Assert.Single(stub.Requests, r => r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal));
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task CustomScopeAndAuthorityHost_AreUsed()
    {
        var stub = new StubHttpHandler(TokenEndpoint());
        await using var services = Build(new()
        {
            ["Bot:AppId"] = AppId, ["Bot:AppType"] = "SingleTenant", ["Bot:TenantId"] = TenantId, ["Bot:AppPassword"] = "s3cret",
            ["Bot:AuthorityHost"] = "https://login.sovereign.example/", ["Bot:OAuthScope"] = "https://api.botframework.us",
        }, stub);

        await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync();

        var request = stub.Single;
        Assert.Equal($"https://login.sovereign.example/{TenantId}/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("https://api.botframework.us/.default", HttpUtility.ParseQueryString(request.Body!)["scope"]);
    }
}
