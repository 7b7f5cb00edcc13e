using System.Security.Cryptography;
using CxBot.Domain.Settings;

namespace CxBot.App.Insights.Export;

/// <summary>
/// The key that signs export download links: generated once and kept in table storage (<c>GeneratedKeys</c>), so a
/// link made on one instance downloads on another and after a restart.
/// </summary>
public sealed class ExportLinkKey(IGeneratedKeys keys)
{
    private const string KeyName = "export-link";
    private byte[]? _key;

    /// <summary>The key. Two first callers at once both ask the store, which hands both the one key that won.</summary>
    public async Task<byte[]> GetAsync(CancellationToken cancellationToken) =>
        _key ??= await keys.GetOrCreateAsync(KeyName, () => RandomNumberGenerator.GetBytes(32), cancellationToken).ConfigureAwait(false);
}
