using System.Security.Claims;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Protocol.Auth;

/// <summary>
/// Validates channel-service tokens: Bearer scheme, JWT shape, issuer, RS256 signature by a published
/// key, lifetime (5 minutes skew, <c>exp</c> required), audience = app id, the key's endorsement of the
/// activity's channel (else 403), and the <c>serviceurl</c> claim against the activity.
/// </summary>
/// <remarks>
/// With <see cref="BotOptions.AllowUnauthenticated"/> every request is let through and any
/// Authorization header is ignored rather than validated: local tools such as the Agents Playground may
/// send a placeholder token that no channel key could verify, and the options validator already
/// guarantees this mode never runs with an app id.
/// </remarks>
internal sealed class BotFrameworkInboundAuthenticator : IInboundAuthenticator
{
    /// <summary>Authentication type of the identity built from a validated channel token.</summary>
    internal const string AuthenticationType = "BotFramework";

    private readonly IOptions<BotOptions> _options;
    private readonly SigningKeyCache _keys;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BotFrameworkInboundAuthenticator> _logger;

    public BotFrameworkInboundAuthenticator(
        IOptions<BotOptions> options,
        SigningKeyCache keys,
        TimeProvider timeProvider,
        ILogger<BotFrameworkInboundAuthenticator> logger)
    {
        _options = options;
        _keys = keys;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<InboundAuthResult> AuthenticateAsync(
        string? authorizationHeader,
        Activity activity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);

        var options = _options.Value;
        if (options.AllowUnauthenticated)
        {
            return new InboundAuthResult(InboundAuthOutcome.AnonymousAllowed, null, new ClaimsIdentity());
        }

        var result = await ValidateAsync(authorizationHeader, activity, options, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            _logger.InboundRequestRejected(result.StatusCode, result.Reason, activity.ChannelId);
        }

        return result;
    }

    private async Task<InboundAuthResult> ValidateAsync(
        string? authorizationHeader,
        Activity activity,
        BotOptions options,
        CancellationToken cancellationToken)
    {
        if (!InboundTokenChecks.TryGetBearerToken(authorizationHeader, out var token))
        {
            return InboundAuthResult.Unauthorized("The Authorization header is missing or is not a Bearer token.");
        }

        if (!InboundTokenChecks.TryReadJwt(token, out var jwt))
        {
            return InboundAuthResult.Unauthorized("The bearer token is not a well-formed signed JWT.");
        }

        if (!InboundTokenChecks.HasIssuer(jwt, options.Issuer))
        {
            return InboundAuthResult.Unauthorized("The token was not issued by the channel service.");
        }

        var key = string.IsNullOrEmpty(jwt.Kid) ? null : await _keys.GetKeyAsync(jwt.Kid, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return InboundAuthResult.Unauthorized("The token's signing key is not published by the channel service.");
        }

        if (!InboundTokenChecks.HasValidSignature(jwt, key))
        {
            return InboundAuthResult.Unauthorized("The token's signature is invalid or does not use RS256.");
        }

        if (!InboundTokenChecks.IsWithinLifetime(jwt, _timeProvider.GetUtcNow()))
        {
            return InboundAuthResult.Unauthorized("The token is expired, not yet valid, or has no expiry.");
        }

        if (!InboundTokenChecks.HasAudience(jwt, options.AppId ?? string.Empty))
        {
            return InboundAuthResult.Unauthorized("The token's audience is not this bot's app id.");
        }

        if (!InboundTokenChecks.IsEndorsedFor(key, activity.ChannelId))
        {
            return InboundAuthResult.Forbidden("The token's signing key is not endorsed for the activity's channel.");
        }

        if (!InboundTokenChecks.HasServiceUrl(jwt, activity.ServiceUrl))
        {
            return InboundAuthResult.Unauthorized("The token's serviceurl claim is missing or does not match the activity's serviceUrl.");
        }

        var identity = new ClaimsIdentity(jwt.Claims, AuthenticationType);
        return new InboundAuthResult(InboundAuthOutcome.Authenticated, null, identity);
    }
}
