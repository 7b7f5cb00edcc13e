using System.Net;
using CxBot.Protocol.Connector;

namespace CxBot.Protocol.Tests.Connector;

/// <summary>The handler on its own: the last line of defence if a request reaches it without the client's check.</summary>
public sealed class ConnectorAuthHandlerTests
{
    private static (HttpMessageInvoker Invoker, StubHttpHandler Inner, FakeBotTokenProvider Tokens) Create(bool development)
    {
        var inner = new StubHttpHandler(Respond.Status(HttpStatusCode.OK));
        var tokens = new FakeBotTokenProvider();
        var handler = new ConnectorAuthHandler(tokens, new ServiceUrlAllowList([], development)) { InnerHandler = inner };
        return (new HttpMessageInvoker(handler), inner, tokens);
    }

    [Theory]
    [InlineData("https://evil.example.com/v3/conversations", false)]
    [InlineData("http://smba.trafficmanager.net/v3/conversations", false)]
    [InlineData("http://127.0.0.1:3978/v3/conversations", false)]
    [InlineData("https://evil.example.com/v3/conversations", true)]
    public async Task SendAsync_NotAllowedUrl_ThrowsWithoutSendingOrAskingForToken(string url, bool development)
    {
        var (invoker, inner, tokens) = Create(development);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);

        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Empty(inner.Requests);
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task SendAsync_LoopbackInDevelopment_StripsAnyAuthorizationHeader()
    {
        var (invoker, inner, tokens) = Create(development: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost:3978/v3/conversations");
        request.Headers.Authorization = new("Bearer", "leaked");

        await invoker.SendAsync(request, CancellationToken.None);

        Assert.Null(inner.Single.Authorization);
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task SendAsync_TrustedHost_AttachesToken()
    {
        var (invoker, inner, _) = Create(development: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://smba.trafficmanager.net/amer/v3/conversations/a/members/b");

        await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("Bearer test-token", inner.Single.Authorization);
    }
}
