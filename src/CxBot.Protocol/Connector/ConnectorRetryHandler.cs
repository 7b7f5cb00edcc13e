using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Protocol.Connector;

/// <summary>
/// Retries connector calls the way Teams asks, as far as that cannot post a message twice: 429 and 503 after their
/// <c>Retry-After</c> (or backoff when absent), 412 with jittered exponential backoff, and 502 and 504 likewise but only
/// for idempotent requests (see <see cref="RequestSafety"/>); bounded by <see cref="ConnectorOptions"/>. Nothing else
/// is retried, neither are timeouts or transport errors: a POST that timed out may already have been posted.
/// Each attempt, the reading of its response body included, must end within the attempt timeout.
/// </summary>
internal sealed partial class ConnectorRetryHandler(
    IOptions<ConnectorOptions> options, TimeProvider timeProvider, ILogger<ConnectorRetryHandler> logger,
    IEnumerable<IRetryAfterObserver> observers) : DelegatingHandler
{
    private readonly IRetryAfterObserver[] _observers = [.. observers];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value.ForCurrentCall();
        var idempotent = RequestSafety.IsIdempotent(request.Method);
        var waited = TimeSpan.Zero;
        for (var retry = 0; ; retry++)
        {
            ConnectorRequestContent.ForAttempt(request);
            var response = await SendAttemptAsync(request, settings.AttemptTimeout, cancellationToken).ConfigureAwait(false);
            await NotifyRetryAfterAsync(request, response, cancellationToken).ConfigureAwait(false);
            if (retry >= settings.MaxRetries
                || GetRetryDelay(response, retry, idempotent, settings, timeProvider.GetUtcNow(), Random.Shared) is not { } delay
                || waited + delay > settings.MaxTotalRetryDelay)
            {
                return response;
            }
            LogRetry(logger, request.Method, request.RequestUri?.Host, (int)response.StatusCode, retry + 1, delay);
            response.Dispose();
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            waited += delay;
        }
    }

    // Other instances share the wait (see IRetryAfterObserver); told before this call waits, so they hold back meanwhile.
    private async Task NotifyRetryAfterAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken ct)
    {
        if (_observers.Length == 0 || request.RequestUri is null
            || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || ReadRetryAfter(response, timeProvider.GetUtcNow()) is not { } asked)
        {
            return;
        }

        // Shared with every instance, so bounded: one conversation's (or one odd header's) long wait must not stop
        // every tenant's messages for longer than the client itself would ever wait.
        var cap = options.Value.MaxRetryAfter;
        var retryAfter = asked < cap ? asked : cap;

        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnRetryAfterAsync(request.RequestUri, response.StatusCode, retryAfter, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(logger, ex, observer.GetType().Name);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken ct)
    {
        // The attempt timeout runs on the system clock on purpose: TimeProvider only paces the waits between attempts,
        // so tests can skip those waits without also expiring every attempt.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(timeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            // The body is read here, under the attempt's timeout: a connector (or proxy) that sends the headers and then
            // stalls must end as a timed-out attempt, not hold the call for as long as the caller's token allows.
            await response.Content.LoadIntoBufferAsync(attempt.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested && attempt.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException($"The connector did not answer within {timeout}.", ex);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first), or null when <paramref name="response"/> is final.</summary>
    internal static TimeSpan? GetRetryDelay(
        HttpResponseMessage response, int retry, bool idempotent, ConnectorOptions settings, DateTimeOffset now, Random random)
    {
        if (!RequestSafety.IsRetryable(response.StatusCode, idempotent))
        {
            return null;
        }
        if (ReadRetryAfter(response, now) is { } retryAfter)
        {
            return retryAfter <= settings.MaxRetryAfter ? retryAfter : null;
        }
        return Backoff(retry, settings, random);
    }

    /// <summary>Delay doubling from <see cref="ConnectorOptions.BaseDelay"/>, capped, then jittered into [half, full].</summary>
    internal static TimeSpan Backoff(int retry, ConnectorOptions settings, Random random)
    {
        var full = Math.Min(settings.BaseDelay.TotalMilliseconds * Math.Pow(2, retry), settings.MaxBackoffDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full / 2 + random.NextDouble() * full / 2);
    }

    /// <summary>The <c>Retry-After</c> header as a wait (seconds or an HTTP date; a past date is no wait), or null.</summary>
    internal static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retry-After observer {Observer} failed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Connector {Method} to {Host} answered {StatusCode}; retry {Retry} in {Delay}")]
    private static partial void LogRetry(ILogger logger, HttpMethod method, string? host, int statusCode, int retry, TimeSpan delay);
}
