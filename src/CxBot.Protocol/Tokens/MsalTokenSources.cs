using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace CxBot.Protocol.Tokens;

/// <summary>Client-credential tokens (app id + secret) from the bot's tenant or from <c>botframework.com</c>.</summary>
internal sealed class MsalClientCredentialTokenSource : IAccessTokenSource
{
    private readonly IConfidentialClientApplication _app;
    private readonly string[] _scopes;

    public MsalClientCredentialTokenSource(
        string appId, string appPassword, string authorityHost, string tenant, string scope, IMsalHttpClientFactory httpClientFactory)
    {
        Authority = $"{authorityHost.TrimEnd('/')}/{tenant}";
        var builder = ConfidentialClientApplicationBuilder.Create(appId)
            .WithClientSecret(appPassword)
            .WithHttpClientFactory(httpClientFactory);
        // MSAL validates and discovers only the Entra authorities it knows; another host (a sovereign cloud it lacks,
        // or a test stub) is used as configured.
        builder = BotTokenProviderFactory.IsKnownAuthorityHost(authorityHost)
            ? builder.WithAuthority(Authority)
            : builder.WithAuthority(Authority, validateAuthority: false).WithInstanceDiscovery(false);
        _app = builder.Build();
        _scopes = [scope];
    }

    /// <summary>The authority tokens come from, e.g. <c>https://login.microsoftonline.com/botframework.com</c>.</summary>
    public string Authority { get; }

    public async Task<AccessToken> AcquireAsync(CancellationToken ct)
    {
        var result = await _app.AcquireTokenForClient(_scopes).ExecuteAsync(ct).ConfigureAwait(false);
        return new AccessToken(result.AccessToken, result.ExpiresOn);
    }
}

/// <summary>
/// Tokens of a user-assigned managed identity. MSAL finds the platform's identity endpoint itself (on App Service from
/// <c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c>).
/// </summary>
internal sealed class MsalManagedIdentityTokenSource : IAccessTokenSource
{
    private readonly IManagedIdentityApplication _app;

    public MsalManagedIdentityTokenSource(string clientId, string scope, IMsalHttpClientFactory httpClientFactory)
    {
        _app = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(clientId))
            .WithHttpClientFactory(httpClientFactory)
            .Build();
        Resource = BotTokenProviderFactory.ResourceOf(scope);
    }

    /// <summary>The resource asked for, e.g. <c>https://api.botframework.com</c>.</summary>
    public string Resource { get; }

    public async Task<AccessToken> AcquireAsync(CancellationToken ct)
    {
        var result = await _app.AcquireTokenForManagedIdentity(Resource).ExecuteAsync(ct).ConfigureAwait(false);
        return new AccessToken(result.AccessToken, result.ExpiresOn);
    }
}
