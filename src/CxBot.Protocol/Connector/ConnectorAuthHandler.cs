using System.Net.Http.Headers;
using CxBot.Protocol.Tokens;

namespace CxBot.Protocol.Connector;

/// <summary>
/// Attaches the bot's bearer token to requests for allow-listed https hosts, sends loopback requests (development mode
/// only) without one, and refuses to send anything else. It runs once per attempt, so every retry gets a current token.
/// Redirects are not followed by the connector's HTTP client, so a token never travels to a host this handler did not check.
/// </summary>
internal sealed class ConnectorAuthHandler(IBotTokenProvider tokenProvider, ServiceUrlAllowList allowList) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        switch (allowList.Evaluate(request.RequestUri))
        {
            case ServiceUrlTrust.Trusted:
                var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }
                break;
            case ServiceUrlTrust.LoopbackWithoutToken:
                break;
            default:
                throw new ServiceUrlNotAllowedException(request.RequestUri);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> GetTokenAsync(CancellationToken ct)
    {
        try
        {
            return await tokenProvider.GetTokenAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new BotTokenUnavailableException(ex);
        }
    }
}

/// <summary>A request was about to go to a URL that may not receive the bot's requests.</summary>
internal sealed class ServiceUrlNotAllowedException(Uri? uri)
    : InvalidOperationException($"Requests to host '{uri?.Host}' ({uri?.Scheme}) are not allowed.");

/// <summary>The token provider failed; the inner exception says why.</summary>
internal sealed class BotTokenUnavailableException(Exception inner)
    : Exception("No access token could be obtained for the connector call.", inner);
