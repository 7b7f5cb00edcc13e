using Microsoft.Identity.Client;

namespace CxBot.Protocol.Tokens;

/// <summary>Gives MSAL its HTTP clients from <see cref="IHttpClientFactory"/> (pooled handlers; tests can intercept them).</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    /// <summary>Name of the HTTP client MSAL uses for token and metadata requests.</summary>
    public const string HttpClientName = "CxBot.Msal";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(HttpClientName);
}
