using System.Security.Cryptography;
using CxBot.Domain.Customers;
using CxBot.Domain.Settings;

namespace CxBot.App.Surveys;

/// <summary>
/// The pseudonymous customer ids that response rows hold (<see cref="CustomerPseudonym"/>), under a secret generated once
/// per deployment and kept in table storage beside the survey token key, read once per instance.
/// </summary>
public sealed class CustomerPseudonyms(IGeneratedKeys keys)
{
    private const string KeyName = "customer-pseudonym";
    private Task<byte[]>? _secret;

    /// <summary>The pseudonymous id of <paramref name="customerKey"/>.</summary>
    public async Task<string> OfAsync(string customerKey, CancellationToken cancellationToken)
    {
        var loading = _secret ?? Interlocked.CompareExchange(ref _secret, LoadAsync(cancellationToken), null) ?? _secret!;
        try
        {
            return CustomerPseudonym.Of(customerKey, await loading.ConfigureAwait(false));
        }
        catch (Exception) when (!loading.IsCompletedSuccessfully)
        {
            // A failed read is not kept: the next answer asks the store again.
            _ = Interlocked.CompareExchange(ref _secret, null, loading);
            throw;
        }
    }

    private Task<byte[]> LoadAsync(CancellationToken cancellationToken) =>
        keys.GetOrCreateAsync(KeyName, () => RandomNumberGenerator.GetBytes(32), cancellationToken);
}
