using Microsoft.Extensions.Logging;

namespace CxBot.Protocol.Tokens;

/// <summary>
/// Caches one token and renews it <see cref="RefreshBefore"/> before it expires, with one acquisition at a time
/// (acquisitions can be slow, and parallel sends must not stampede the identity platform). When a renewal fails while
/// the cached token is still valid, that token is used and the next call tries again.
/// </summary>
internal sealed partial class RefreshingBotTokenProvider(
    IAccessTokenSource source, TimeProvider timeProvider, ILogger<RefreshingBotTokenProvider> logger)
    : IBotTokenProvider, IDisposable
{
    /// <summary>How long before expiry a token is renewed.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    // Read without the gate on the fast path; written only under it.
    private volatile AccessToken? _current;

    public async Task<string?> GetTokenAsync(CancellationToken ct = default)
    {
        if (Fresh(_current) is { } token)
        {
            return token;
        }
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Fresh(_current) is { } renewedMeanwhile)
            {
                return renewedMeanwhile;
            }
            try
            {
                var acquired = await source.AcquireAsync(ct).ConfigureAwait(false);
                _current = acquired;
                LogAcquired(logger, acquired.ExpiresOn);
                return acquired.Value;
            }
            catch (Exception ex) when (ex is not OperationCanceledException
                && _current is { } cached && cached.ExpiresOn > timeProvider.GetUtcNow())
            {
                LogRenewalFailed(logger, ex, cached.ExpiresOn);
                return cached.Value;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh(AccessToken? token) =>
        token is not null && timeProvider.GetUtcNow() < token.ExpiresOn - RefreshBefore ? token.Value : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acquired a connector token valid until {ExpiresOn}")]
    private static partial void LogAcquired(ILogger logger, DateTimeOffset expiresOn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the connector token failed; using the cached one, valid until {ExpiresOn}")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, DateTimeOffset expiresOn);
}
