namespace CxBot.Protocol.Tokens;

/// <summary>The bearer token the bot presents to the Bot Framework Connector.</summary>
public interface IBotTokenProvider
{
    /// <summary>
    /// A current access token, or null when the bot sends none (development mode). Tokens are cached and renewed
    /// before they expire; implementations are thread-safe.
    /// </summary>
    /// <exception cref="Exception">The identity platform could not issue a token (an MSAL exception, for instance).</exception>
    Task<string?> GetTokenAsync(CancellationToken ct = default);
}

/// <summary>An access token and when it stops being valid (a class, so the cache swaps it atomically).</summary>
internal sealed record AccessToken(string Value, DateTimeOffset ExpiresOn);

/// <summary>Where <see cref="RefreshingBotTokenProvider"/> gets new tokens (MSAL client credentials or managed identity).</summary>
internal interface IAccessTokenSource
{
    Task<AccessToken> AcquireAsync(CancellationToken ct);
}

/// <summary>Development mode (<c>Bot:AllowUnauthenticated</c>): no token is sent.</summary>
internal sealed class NoBotTokenProvider : IBotTokenProvider
{
    public static readonly NoBotTokenProvider Instance = new();

    public Task<string?> GetTokenAsync(CancellationToken ct = default) => Task.FromResult<string?>(null);
}
