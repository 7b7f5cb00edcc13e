using System.Security.Cryptography;
using CxBot.Domain.Settings;
using Microsoft.Extensions.Options;

namespace CxBot.App.Surveys;

/// <summary>
/// The key that signs survey card tokens: <c>Surveys:TokenSigningKey</c> when configured, else one generated
/// once and kept in table storage, so cards stay valid across restarts and instances.
/// </summary>
public sealed class SurveyTokenKey(IOptions<SurveyOptions> options, IGeneratedKeys keys) : IDisposable
{
    private const string KeyName = "survey-token";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    /// <summary>The key.</summary>
    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return _key;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_key is null)
            {
                _key = TryDecode(options.Value.TokenSigningKey, out var configured)
                    ? configured
                    : await keys.GetOrCreateAsync(KeyName, () => RandomNumberGenerator.GetBytes(32), cancellationToken).ConfigureAwait(false);
            }

            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>Decodes a configured base64 key of at least 32 bytes.</summary>
    public static bool TryDecode(string? value, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value.Trim(), buffer, out var written) || written < 32)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }
}
