using System.Net;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace CxBot.Protocol.Tests.Connector;

public sealed class ConnectorAuthTests
{
    private static readonly Dictionary<string, string?> DevelopmentMode = new()
    {
        ["Bot:AllowUnauthenticated"] = "true", ["Bot:AppId"] = null, ["Bot:AppPassword"] = null,
    };

    private static Func<HttpResponseMessage> Created => Respond.Json(HttpStatusCode.Created, """{"id":"1"}""");

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc")]
    [InlineData("https://directline.botframework.com/")]
    public async Task SendAsync_AllowListedHost_CarriesBearerToken(string serviceUrl)
    {
        var stub = new StubHttpHandler(Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(serviceUrl, "a:1", OutboundActivity.WithText("x"));

        Assert.True(result.IsSuccess);
        Assert.Equal("Bearer test-token", stub.Single.Authorization);
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("https://smba.trafficmanager.net.evil.example.com/amer/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("http://127.0.0.1:56150/_connector")]
    [InlineData("http://localhost:3978/")]
    public async Task SendAsync_HostNotAllowed_IsRefusedWithoutAnyRequestOrToken(string serviceUrl)
    {
        var stub = new StubHttpHandler(Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(serviceUrl, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(ConnectorOutcome.Refused, result.Outcome);
        Assert.Equal(ConnectorErrorCodes.ServiceUrlNotAllowed, result.ErrorCode);
        Assert.Empty(stub.Requests);
        Assert.Equal(0, host.Tokens.Calls);
    }

    [Fact]
    public async Task SendAsync_MalformedServiceUrl_IsRefused()
    {
        var stub = new StubHttpHandler(Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync("smba.trafficmanager.net/amer", "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(ConnectorOutcome.Refused, result.Outcome);
        Assert.Equal(ConnectorErrorCodes.InvalidServiceUrl, result.ErrorCode);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_ExtraHostFromConfiguration_CarriesToken()
    {
        var stub = new StubHttpHandler(Created);
        using var host = ConnectorTestHost.Create(stub, new Dictionary<string, string?>
        {
            ["Bot:AdditionalServiceUrlHosts:0"] = "*.connector.contoso.com",
        });

        await host.Client.SendAsync("https://eu.connector.contoso.com/", "a:1", OutboundActivity.WithText("x"));

        Assert.Equal("Bearer test-token", stub.Single.Authorization);
    }

    [Fact]
    public async Task SendAsync_LoopbackInDevelopmentMode_IsSentWithoutToken()
    {
        var stub = new StubHttpHandler(Created);
        using var host = ConnectorTestHost.Create(stub, DevelopmentMode);

        var result = await host.Client.SendAsync("http://127.0.0.1:56150/_connector/", "a:1", OutboundActivity.WithText("x"));

        Assert.True(result.IsSuccess);
        Assert.Equal("http://127.0.0.1:56150/_connector/v3/conversations/a%3A1/activities", stub.Single.Uri.AbsoluteUri);
        Assert.Null(stub.Single.Authorization);
        Assert.Equal(0, host.Tokens.Calls);
    }

    [Fact]
    public async Task SendAsync_DevelopmentModeWithRealTokenProvider_SendsNoTokenToTeams()
    {
        var stub = new StubHttpHandler(Created);
        var services = TestServices.WithConfiguration(DevelopmentMode).AddBotConnector();
        services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IConnectorClient>()
            .SendAsync(ConnectorTestHost.Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.True(result.IsSuccess);
        Assert.Null(stub.Single.Authorization);
    }

    [Fact]
    public async Task SendAsync_TokenProviderFails_IsFailedWithoutRequest()
    {
        var stub = new StubHttpHandler(Created);
        using var host = ConnectorTestHost.Create(stub, tokens: new FakeBotTokenProvider(failure: new InvalidOperationException("AADSTS7000215")));

        var result = await host.Client.SendAsync(ConnectorTestHost.Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(ConnectorResult.Failed(null, ConnectorErrorCodes.TokenUnavailable, "AADSTS7000215").As<ResourceResponse>(), result);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_Retries_AttachTheTokenToEveryAttempt()
    {
        var stub = new StubHttpHandler(Respond.Status(HttpStatusCode.ServiceUnavailable), Created);
        using var host = ConnectorTestHost.Create(stub);

        await host.Client.SendAsync(ConnectorTestHost.Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(["Bearer test-token", "Bearer test-token"], stub.Requests.Select(r => r.Authorization));
        Assert.Equal(2, host.Tokens.Calls);
    }

    [Fact]
    public void ConnectorHttpClient_DoesNotFollowRedirects()
    {
        using var host = ConnectorTestHost.Create(primary: null);
        var factory = host.Services.GetRequiredService<IHttpMessageHandlerFactory>();

        HttpMessageHandler? handler = factory.CreateHandler(ConnectorClient.HttpClientName);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.False(sockets.AllowAutoRedirect);
    }

    [Fact]
    public async Task SendAsync_RedirectToAnotherServer_IsNotFollowed()
    {
        await using var target = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status201Created;
            return context.Response.WriteAsync("""{"id":"stolen"}""");
        });
        await using var redirecting = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = new Uri(target.BaseUri, "v3/conversations/a%3A1/activities").AbsoluteUri;
            return Task.CompletedTask;
        });
        using var host = ConnectorTestHost.Create(primary: null, DevelopmentMode);

        var result = await host.Client.SendAsync(redirecting.BaseUri.AbsoluteUri, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, result.StatusCode);
        Assert.Equal(["POST /v3/conversations/a%3A1/activities auth="], redirecting.Requests);
        Assert.Empty(target.Requests);
    }
}
