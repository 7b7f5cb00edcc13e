using System.Net;
using CxBot.Domain.Messaging;
using CxBot.Protocol.Connector;

namespace CxBot.App.Messaging;

/// <summary>Stores every Retry-After this instance sees (inline replies included) where the dispatcher, on whichever instance, honours it.</summary>
public sealed partial class SharedThrottleObserver(ISendThrottle throttle, TimeProvider time, ILogger<SharedThrottleObserver> logger) : IRetryAfterObserver
{
    /// <inheritdoc />
    public async Task OnRetryAfterAsync(Uri requestUri, HttpStatusCode statusCode, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + retryAfter;
        await throttle.BlockUntilAsync(until, cancellationToken).ConfigureAwait(false);
        LogBlocked(logger, (int)statusCode, requestUri.Host, until);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector answered {StatusCode} from {Host} with Retry-After: proactive sends wait until {Until}")]
    private static partial void LogBlocked(ILogger logger, int statusCode, string host, DateTimeOffset until);
}
