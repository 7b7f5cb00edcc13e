using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CxBot.App.Integrations;

/// <summary>Checks an API key against the configured SHA-256 hashes in constant time; keys are never stored.</summary>
public sealed class ApiKeyVerifier(IOptionsMonitor<ApiOptions> options)
{
    /// <summary>The hex SHA-256 of a key, as it is configured.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether the presented key is one of <paramref name="scope"/>, of another scope, or none.</summary>
    public ApiKeyCheck Check(string? presented, ApiScope scope)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return ApiKeyCheck.Invalid;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var inScope = false;
        var elsewhere = false;
        foreach (var (keyScope, keys) in options.CurrentValue.Keys)
        {
            foreach (var configured in keys)
            {
                if (TryDecode(configured, out var expected))
                {
                    // No early exit: the time taken does not tell which (or whether a) key matched.
                    var match = CryptographicOperations.FixedTimeEquals(hash, expected);
                    inScope |= match && keyScope == scope;
                    elsewhere |= match && keyScope != scope;
                }
            }
        }

        return inScope ? ApiKeyCheck.Valid : elsewhere ? ApiKeyCheck.WrongScope : ApiKeyCheck.Invalid;
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
