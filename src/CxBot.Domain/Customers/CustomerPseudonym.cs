using System.Security.Cryptography;
using System.Text;

namespace CxBot.Domain.Customers;

/// <summary>
/// The pseudonymous customer id that analytics rows hold instead of the customer's key: a keyed hash (HMAC-SHA256,
/// first 16 bytes as lower-case hex). The same customer gets the same id, so repeat answers can be told apart, but
/// without the deployment's secret the id leads back to nobody.
/// </summary>
public static class CustomerPseudonym
{
    /// <summary>The id of <paramref name="customerKey"/> under <paramref name="secret"/>.</summary>
    public static string Of(string customerKey, byte[] secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerKey);
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < 32)
        {
            throw new ArgumentException("The pseudonym secret needs at least 32 bytes.", nameof(secret));
        }

        var hash = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(customerKey));
        return Convert.ToHexStringLower(hash, 0, 16);
    }
}
