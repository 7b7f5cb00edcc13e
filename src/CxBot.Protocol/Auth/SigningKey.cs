using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CxBot.Protocol.Auth;

/// <summary>
/// One RSA public key from the channel service's keys document, with the channels that key is
/// endorsed for (the non-standard <c>endorsements</c> member of the JWK).
/// </summary>
internal sealed record SigningKey(string KeyId, byte[] Modulus, byte[] Exponent, IReadOnlyList<string> Endorsements)
{
    /// <summary>Keys shorter than this are ignored.</summary>
    internal const int MinimumKeySizeInBits = 2048;

    /// <summary>Most keys kept from one document (the channel service publishes a handful); the rest are ignored.</summary>
    internal const int MaxKeys = 100;

    /// <summary>A new RSA instance for this key; the caller disposes it.</summary>
    public RSA CreateRsa() => RSA.Create(new RSAParameters { Modulus = Modulus, Exponent = Exponent });

    /// <summary>
    /// Reads the usable keys of a JWKS document by <c>kid</c>. Keys that are not RSA signing keys with
    /// <c>n</c> and <c>e</c>, or are shorter than 2048 bits, are skipped; for a repeated kid the first wins; at most <see cref="MaxKeys"/> keys are read.
    /// </summary>
    /// <exception cref="JsonException">The document is not JSON or has no <c>keys</c> array.</exception>
    public static IReadOnlyDictionary<string, SigningKey> ParseKeySet(byte[] utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("keys", out var keys)
            || keys.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The keys document has no 'keys' array.");
        }

        var result = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var jwk in keys.EnumerateArray())
        {
            if (result.Count == MaxKeys)
            {
                break;
            }

            if (TryParseKey(jwk, out var key))
            {
                result.TryAdd(key.KeyId, key);
            }
        }

        return result;
    }

    private static bool TryParseKey(JsonElement jwk, out SigningKey key)
    {
        key = null!;
        if (jwk.ValueKind != JsonValueKind.Object
            || GetString(jwk, "kty") != "RSA"
            || GetString(jwk, "use") is { } use && use != "sig"
            || GetString(jwk, "kid") is not { Length: > 0 } kid
            || GetString(jwk, "n") is not { Length: > 0 } n
            || GetString(jwk, "e") is not { Length: > 0 } e)
        {
            return false;
        }

        byte[] modulus;
        byte[] exponent;
        try
        {
            modulus = Base64UrlEncoder.DecodeBytes(n);
            exponent = Base64UrlEncoder.DecodeBytes(e);
        }
        catch (FormatException)
        {
            return false;
        }

        if (SignificantBits(modulus) < MinimumKeySizeInBits)
        {
            return false;
        }

        key = new SigningKey(kid, modulus, exponent, ReadEndorsements(jwk));
        return true;
    }

    private static string[] ReadEndorsements(JsonElement jwk)
    {
        if (!jwk.TryGetProperty("endorsements", out var endorsements) || endorsements.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. endorsements.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)];
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int SignificantBits(byte[] bigEndian)
    {
        var first = Array.FindIndex(bigEndian, b => b != 0);
        return first < 0 ? 0 : ((bigEndian.Length - first - 1) * 8) + (8 - byte.LeadingZeroCount(bigEndian[first]));
    }
}
