using Microsoft.Extensions.Logging;

namespace CxBot.Protocol.Auth;

/// <summary>Source-generated log messages of inbound auth (event ids 1100-1199).</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Inbound request rejected with {StatusCode} (channel {ChannelId}): {Reason}")]
    public static partial void InboundRequestRejected(this ILogger logger, int statusCode, string? reason, string? channelId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "Bot:AllowUnauthenticated is true: requests to the messaging endpoint are accepted without a token. Never use this outside local development.")]
    public static partial void UnauthenticatedModeEnabled(this ILogger logger);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Fetched {KeyCount} channel signing keys")]
    public static partial void SigningKeysRefreshed(this ILogger logger, int keyCount);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning,
        Message = "Signing key id {KeyId} is not published by the channel service (keys last fetched {LastAttempt:o}; refetched at most every 5 minutes)")]
    public static partial void UnknownKeyId(this ILogger logger, string keyId, DateTimeOffset lastAttempt);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Warning,
        Message = "Refreshing the channel signing keys failed; keeping the previous keys and retrying in 5 minutes")]
    public static partial void SigningKeysRefreshFailedKeepingPrevious(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Error,
        Message = "The channel signing keys could not be fetched; inbound requests cannot be authenticated")]
    public static partial void SigningKeysUnavailable(this ILogger logger, Exception exception);
}
