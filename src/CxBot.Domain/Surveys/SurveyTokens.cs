using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CxBot.Domain.Surveys;

/// <summary>What <see cref="SurveyTokens.Verify"/> found.</summary>
public enum TokenStatus
{
    /// <summary>Signed by us for this customer.</summary>
    Valid,
    /// <summary>Not a token at all, or of an unknown version.</summary>
    Malformed,
    /// <summary>Well-formed but not signed by us for this customer: forged, altered, another customer's, or another key's.</summary>
    BadSignature,
}

/// <summary>The outcome of checking a token; the survey id and expiry only when valid.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="SurveyId">The survey the token is for (valid only).</param>
/// <param name="ExpiresAt">When the token expires (valid only).</param>
public sealed record TokenCheck(TokenStatus Status, string? SurveyId, DateTimeOffset? ExpiresAt)
{
    /// <summary>A malformed token.</summary>
    public static TokenCheck Malformed { get; } = new(TokenStatus.Malformed, null, null);

    /// <summary>A token with a wrong signature.</summary>
    public static TokenCheck BadSignature { get; } = new(TokenStatus.BadSignature, null, null);

    /// <summary>True when the token is ours and for this customer (its expiry is checked apart).</summary>
    [MemberNotNullWhen(true, nameof(SurveyId))]
    public bool IsValid => Status == TokenStatus.Valid && SurveyId is not null;

    /// <summary>True when valid but past its expiry at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now) => IsValid && ExpiresAt is { } expires && now >= expires;
}

/// <summary>
/// Signed tokens that bind a survey card to the survey and to the customer it was sent to:
/// <c>v1.&lt;surveyId&gt;.&lt;exp unix seconds&gt;.&lt;base64url HMAC-SHA256 over "v1|surveyId|customerKey|exp"&gt;</c>.
/// The customer key is not in the token: the server supplies the key of whoever submits, so another customer's
/// token fails the signature check.
/// </summary>
public static class SurveyTokens
{
    /// <summary>Fewest key bytes accepted.</summary>
    public const int MinKeyLength = 32;

    /// <summary>Longest token read; anything longer is malformed without further work.</summary>
    public const int MaxTokenLength = 256;

    private const string Version = "v1";
    private const int SignatureLength = 32;

    /// <summary>A token for the survey and customer, valid until <paramref name="expiresAt"/> (whole seconds).</summary>
    /// <exception cref="ArgumentException">An empty customer key, a survey id with other than letters, digits, '-' and '_', or a key shorter than <see cref="MinKeyLength"/>.</exception>
    public static string Create(string surveyId, string customerKey, DateTimeOffset expiresAt, ReadOnlySpan<byte> key)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerKey);
        ThrowIfShortKey(key);
        if (!IsValidSurveyId(surveyId))
        {
            throw new ArgumentException("A survey id must be 1-64 letters, digits, '-' or '_'.", nameof(surveyId));
        }

        var expires = expiresAt.ToUnixTimeSeconds();
        ArgumentOutOfRangeException.ThrowIfNegative(expires, nameof(expiresAt));
        var exp = expires.ToString(CultureInfo.InvariantCulture);
        return $"{Version}.{surveyId}.{exp}.{Base64Url.EncodeToString(Sign(surveyId, customerKey, exp, key))}";
    }

    /// <summary>Checks a token presented by the customer with <paramref name="customerKey"/>; never throws for bad input.</summary>
    /// <exception cref="ArgumentException">An empty customer key or a key shorter than <see cref="MinKeyLength"/>.</exception>
    public static TokenCheck Verify(string? token, string customerKey, ReadOnlySpan<byte> key)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerKey);
        ThrowIfShortKey(key);
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return TokenCheck.Malformed;
        }

        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] != Version || !IsValidSurveyId(parts[1]))
        {
            return TokenCheck.Malformed;
        }

        var (surveyId, exp, signature) = (parts[1], parts[2], parts[3]);
        if (exp.Length is 0 or > 12 || !exp.All(char.IsAsciiDigit)
            || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return TokenCheck.Malformed;
        }

        var presented = DecodeSignature(signature);
        if (presented is null)
        {
            return TokenCheck.Malformed;
        }

        var expected = Sign(surveyId, customerKey, exp, key);
        return CryptographicOperations.FixedTimeEquals(presented, expected)
            ? new TokenCheck(TokenStatus.Valid, surveyId, DateTimeOffset.FromUnixTimeSeconds(expires))
            : TokenCheck.BadSignature;
    }

    private static byte[] Sign(string surveyId, string customerKey, string exp, ReadOnlySpan<byte> key)
    {
        // The survey id and exp cannot hold '|', so the customer key between them cannot shift the fields.
        var message = Encoding.UTF8.GetBytes($"{Version}|{surveyId}|{customerKey}|{exp}");
        return HMACSHA256.HashData(key, message);
    }

    // Only the unpadded encoding of 32 bytes.
    private static byte[]? DecodeSignature(string signature)
    {
        if (signature.Length != Base64Url.GetEncodedLength(SignatureLength) || !Base64Url.IsValid(signature))
        {
            return null;
        }

        // Base64Url also refuses non-zero unused bits in the last character (tested), so this is the only spelling.
        var bytes = new byte[SignatureLength];
        return Base64Url.TryDecodeFromChars(signature, bytes, out var written) && written == SignatureLength ? bytes : null;
    }

    private static bool IsValidSurveyId([NotNullWhen(true)] string? surveyId) =>
        surveyId is { Length: > 0 and <= 64 } && surveyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static void ThrowIfShortKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"The token key must be at least {MinKeyLength} bytes.", nameof(key));
        }
    }
}
