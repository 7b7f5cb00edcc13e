using System.Net;

namespace CxBot.Protocol.Connector;

/// <summary>
/// Told about every <c>Retry-After</c> the connector answers (with 429 or 503), before the client waits or gives up,
/// for inline replies and proactive sends alike. Register as many as needed; a failing observer never fails the call.
/// </summary>
public interface IRetryAfterObserver
{
    /// <summary>The connector at <paramref name="requestUri"/> asked to wait <paramref name="retryAfter"/>.</summary>
    Task OnRetryAfterAsync(Uri requestUri, HttpStatusCode statusCode, TimeSpan retryAfter, CancellationToken cancellationToken);
}
