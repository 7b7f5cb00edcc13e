using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CxBot.Protocol.Auth;

/// <summary>
/// The individual checks on a channel token, each a pure function so it can be tested on its own.
/// <see cref="BotFrameworkInboundAuthenticator"/> runs them in order.
/// </summary>
internal static class InboundTokenChecks
{
    /// <summary>The only signature algorithm accepted; the channel service's metadata advertises just this one.</summary>
    public const string SignatureAlgorithm = "RS256";

    /// <summary>Tolerated difference between our clock and the token service's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string BearerScheme = "Bearer";
    // Channel tokens are about 1-2 KB; anything far larger is refused before parsing.
    private const int MaximumTokenLength = 16 * 1024;

    /// <summary>Check 1: the header is <c>Bearer &lt;token&gt;</c>; the scheme name is case-insensitive.</summary>
    public static bool TryGetBearerToken(string? authorizationHeader, [NotNullWhen(true)] out string? token)
    {
        token = null;
        var header = authorizationHeader.AsSpan().Trim();
        if (header.Length <= BearerScheme.Length
            || !header.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)
            || header[BearerScheme.Length] != ' ')
        {
            return false;
        }

        var value = header[(BearerScheme.Length + 1)..].Trim();
        if (value.IsEmpty || value.Contains(' '))
        {
            return false;
        }

        token = value.ToString();
        return true;
    }

    /// <summary>Check 2: a well-formed, signed (three-part) JWT of reasonable size.</summary>
    public static bool TryReadJwt(string token, [NotNullWhen(true)] out JsonWebToken? jwt)
    {
        jwt = null;
        if (token.Length > MaximumTokenLength || token.Count(c => c == '.') != 2)
        {
            return false;
        }

        try
        {
            var parsed = new JsonWebToken(token);
            if (parsed.IsEncrypted || string.IsNullOrEmpty(parsed.EncodedSignature))
            {
                return false;
            }

            jwt = parsed;
            return true;
        }
        catch (ArgumentException)
        {
            // SecurityTokenMalformedException derives from ArgumentException.
            return false;
        }
    }

    /// <summary>Check 3: <c>iss</c> equals the configured issuer (ordinal).</summary>
    public static bool HasIssuer(JsonWebToken jwt, string expectedIssuer) =>
        !string.IsNullOrEmpty(jwt.Issuer) && string.Equals(jwt.Issuer, expectedIssuer, StringComparison.Ordinal);

    /// <summary>
    /// Check 4: the header names <c>RS256</c> and the signature over header and payload verifies with
    /// <paramref name="key"/>. Other algorithms (including <c>none</c> and HMAC) are refused.
    /// </summary>
    public static bool HasValidSignature(JsonWebToken jwt, SigningKey key)
    {
        if (!string.Equals(jwt.Alg, SignatureAlgorithm, StringComparison.Ordinal))
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Base64UrlEncoder.DecodeBytes(jwt.EncodedSignature);
        }
        catch (FormatException)
        {
            return false;
        }

        var signedPart = Encoding.ASCII.GetBytes(jwt.EncodedHeader + "." + jwt.EncodedPayload);
        using var rsa = key.CreateRsa();
        return rsa.VerifyData(signedPart, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>
    /// Check 5: <c>exp</c> is present and not more than <see cref="ClockSkew"/> in the past, and
    /// <c>nbf</c>, when present, is not more than <see cref="ClockSkew"/> in the future.
    /// </summary>
    public static bool IsWithinLifetime(JsonWebToken jwt, DateTimeOffset now)
    {
        // The skew is applied to "now", not to the claims, which may lie near DateTime's limits.
        var utcNow = now.UtcDateTime;
        if (!HasClaim(jwt, JwtRegisteredClaimNames.Exp) || utcNow - ClockSkew > jwt.ValidTo)
        {
            return false;
        }

        return !HasClaim(jwt, JwtRegisteredClaimNames.Nbf) || utcNow + ClockSkew >= jwt.ValidFrom;
    }

    /// <summary>Check 6: <c>aud</c> is (or contains) the bot's app id (ordinal).</summary>
    public static bool HasAudience(JsonWebToken jwt, string appId) =>
        !string.IsNullOrEmpty(appId) && jwt.Audiences.Contains(appId, StringComparer.Ordinal);

    /// <summary>
    /// Check 7: the signing key is endorsed for the activity's channel. A key without endorsements
    /// endorses nothing, and an activity without a channel id cannot be matched.
    /// </summary>
    public static bool IsEndorsedFor(SigningKey key, string? channelId) =>
        !string.IsNullOrEmpty(channelId) && key.Endorsements.Contains(channelId, StringComparer.Ordinal);

    /// <summary>
    /// Check 8: the token's <c>serviceurl</c> claim names the activity's <c>serviceUrl</c>
    /// (case-insensitive; one trailing slash on either side is ignored). A missing claim fails.
    /// </summary>
    public static bool HasServiceUrl(JsonWebToken jwt, string? activityServiceUrl) =>
        jwt.TryGetPayloadValue<string>("serviceurl", out var claim) && ServiceUrlsMatch(claim, activityServiceUrl);

    /// <summary>The comparison behind <see cref="HasServiceUrl"/>.</summary>
    public static bool ServiceUrlsMatch(string? claim, string? activityServiceUrl) =>
        !string.IsNullOrEmpty(claim)
        && !string.IsNullOrEmpty(activityServiceUrl)
        && TrimOneSlash(claim).Equals(TrimOneSlash(activityServiceUrl), StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> TrimOneSlash(string value) =>
        value.EndsWith('/') ? value.AsSpan(0, value.Length - 1) : value.AsSpan();

    private static bool HasClaim(JsonWebToken jwt, string name) => jwt.TryGetClaim(name, out _);
}
