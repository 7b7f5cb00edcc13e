using CxBot.Protocol.Auth;

namespace CxBot.Protocol.Tests.Auth;

public sealed class EndpointUrlTests
{
    [Theory]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("https://localhost:5001/keys")]
    [InlineData("http://127.0.0.1:5123/v1/.well-known/openidconfiguration")]
    [InlineData("http://localhost/keys")]
    [InlineData("http://LOCALHOST:8080/keys")]
    [InlineData("http://[::1]:5123/keys")]
    public void TryParseTrusted_HttpsOrLoopbackHttp_IsTrusted(string url)
    {
        Assert.True(EndpointUrl.TryParseTrusted(url, out var uri));
        Assert.Equal(new Uri(url), uri);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://10.0.0.4/keys")]
    [InlineData("http://localhost.evil.example/keys")]
    [InlineData("http://127.0.0.1.nip.io/keys")]
    [InlineData("ftp://127.0.0.1/keys")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/v1/.well-known/keys")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseTrusted_PlainHttpElsewhereOrNotAbsolute_IsRefused(string? url)
    {
        Assert.False(EndpointUrl.TryParseTrusted(url, out _));
    }
}
