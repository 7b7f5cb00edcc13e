using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CxBot.App.Contacts;

/// <summary>Checks an API key against the configured SHA-256 hashes in constant time; keys are never stored.</summary>
public sealed class ApiKeyVerifier(IOptionsMonitor<ApiOptions> options)
{
    /// <summary>The hex SHA-256 of a key, as it is configured.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>True when the presented key hashes to one of the configured hashes.</summary>
    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var configured in options.CurrentValue.Keys)
        {
            if (TryDecode(configured, out var expected))
            {
                // No early exit: the time taken does not tell which (or whether a) key matched.
                match |= CryptographicOperations.FixedTimeEquals(hash, expected);
            }
        }

        return match;
    }

    internal static bool TryDecode(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null || hex.Length != 64)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
