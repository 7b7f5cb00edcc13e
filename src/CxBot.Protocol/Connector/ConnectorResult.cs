using System.Net;

namespace CxBot.Protocol.Connector;

/// <summary>How a connector call ended. Callers decide from this whether to retry later, give up or alert.</summary>
public enum ConnectorOutcome
{
    /// <summary>The connector accepted the call (any 2xx).</summary>
    Sent,
    /// <summary>429 after the client's own retries; <see cref="ConnectorResult.RetryAfter"/> says when to try again.</summary>
    Throttled,
    /// <summary>404: the conversation or activity does not exist (e.g. <c>ConversationNotFound</c>).</summary>
    NotFound,
    /// <summary>403: the bot may not write here (user blocked or uninstalled the bot, bot not in the roster, bot disabled).</summary>
    Blocked,
    /// <summary>
    /// Any other status, a transport error, a timeout or no token could be obtained; the call was not carried out (or,
    /// for GET, PUT and DELETE, may safely be made again). A 503 carries the connector's <c>Retry-After</c> in
    /// <see cref="ConnectorResult.RetryAfter"/> when it was longer than the client waits itself.
    /// </summary>
    Failed,
    /// <summary>
    /// Not sent at all: the serviceUrl is malformed, not https, or its host is not on the allow-list
    /// (built-in Bot Framework and Teams hosts plus <c>Bot:AdditionalServiceUrlHosts</c>; loopback only in development mode).
    /// </summary>
    Refused,
    /// <summary>
    /// A send, reply or create conversation (a POST, which the connector cannot recognise when repeated) that may or
    /// may not have been carried out: the connector answered 500, 502 or 504, or the attempt timed out or the
    /// connection broke after the request went out (<see cref="ConnectorResult.ErrorCode"/> is then
    /// <see cref="ConnectorErrorCodes.Timeout"/> or <see cref="ConnectorErrorCodes.TransportError"/>). The client did not
    /// retry it, because a retry of one that landed posts the message twice; the caller decides, and must not simply
    /// send again. There is no activity id, so the message (if posted) cannot be edited later.
    /// </summary>
    Uncertain,
}

/// <summary>Error codes this client reports for failures that did not come from the connector itself.</summary>
public static class ConnectorErrorCodes
{
    /// <summary>The serviceUrl is not an absolute http(s) URL without query, fragment or user info.</summary>
    public const string InvalidServiceUrl = "InvalidServiceUrl";
    /// <summary>The serviceUrl's host (or scheme) is not allowed to receive the bot's requests.</summary>
    public const string ServiceUrlNotAllowed = "ServiceUrlNotAllowed";
    /// <summary>The request could not be sent or its response not read (DNS, TCP, TLS, ...).</summary>
    public const string TransportError = "TransportError";
    /// <summary>An attempt took longer than <c>Bot:Connector:AttemptTimeout</c>.</summary>
    public const string Timeout = "Timeout";
    /// <summary>No access token could be obtained for the request.</summary>
    public const string TokenUnavailable = "TokenUnavailable";
}

/// <summary>
/// The result of a connector call without a response body. HTTP failures never throw; they are reported here.
/// </summary>
public record ConnectorResult
{
    /// <summary>How the call ended.</summary>
    public required ConnectorOutcome Outcome { get; init; }

    /// <summary>The final HTTP status; null when no response was received.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The connector's <c>error.code</c>, or one of <see cref="ConnectorErrorCodes"/>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The connector's <c>error.message</c>, or a local description.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>
    /// On <see cref="ConnectorOutcome.Throttled"/> (429), and on a <see cref="ConnectorOutcome.Failed"/> 503: the wait
    /// the connector asked for, when it said.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="ConnectorOutcome.Sent"/>.</summary>
    public bool IsSuccess => Outcome == ConnectorOutcome.Sent;

    /// <summary>A success without a body.</summary>
    public static ConnectorResult Ok(HttpStatusCode statusCode = HttpStatusCode.OK) =>
        new() { Outcome = ConnectorOutcome.Sent, StatusCode = statusCode };

    /// <summary>A success carrying <paramref name="value"/>.</summary>
    public static ConnectorResult<T> Ok<T>(T? value, HttpStatusCode statusCode = HttpStatusCode.OK) =>
        new() { Outcome = ConnectorOutcome.Sent, StatusCode = statusCode, Value = value };

    /// <summary>A 429 the client gave up on.</summary>
    public static ConnectorResult Throttled(TimeSpan? retryAfter = null, string? errorCode = null, string? errorMessage = null) =>
        new()
        {
            Outcome = ConnectorOutcome.Throttled, StatusCode = HttpStatusCode.TooManyRequests,
            RetryAfter = retryAfter, ErrorCode = errorCode, ErrorMessage = errorMessage,
        };

    /// <summary>A 404.</summary>
    public static ConnectorResult NotFound(string? errorCode = null, string? errorMessage = null) =>
        new() { Outcome = ConnectorOutcome.NotFound, StatusCode = HttpStatusCode.NotFound, ErrorCode = errorCode, ErrorMessage = errorMessage };

    /// <summary>A 403.</summary>
    public static ConnectorResult Blocked(string? errorCode = null, string? errorMessage = null) =>
        new() { Outcome = ConnectorOutcome.Blocked, StatusCode = HttpStatusCode.Forbidden, ErrorCode = errorCode, ErrorMessage = errorMessage };

    /// <summary>Any other failure; <paramref name="statusCode"/> is null when no response was received.</summary>
    public static ConnectorResult Failed(HttpStatusCode? statusCode, string? errorCode = null, string? errorMessage = null) =>
        new() { Outcome = ConnectorOutcome.Failed, StatusCode = statusCode, ErrorCode = errorCode, ErrorMessage = errorMessage };

    /// <summary>
    /// A POST that may have been carried out (<see cref="ConnectorOutcome.Uncertain"/>); <paramref name="statusCode"/> is
    /// null when no (complete) response was received.
    /// </summary>
    public static ConnectorResult Uncertain(HttpStatusCode? statusCode, string? errorCode = null, string? errorMessage = null) =>
        new() { Outcome = ConnectorOutcome.Uncertain, StatusCode = statusCode, ErrorCode = errorCode, ErrorMessage = errorMessage };

    /// <summary>A call that was not sent because of its serviceUrl.</summary>
    public static ConnectorResult Refused(string errorCode, string? errorMessage = null) =>
        new() { Outcome = ConnectorOutcome.Refused, ErrorCode = errorCode, ErrorMessage = errorMessage };

    /// <summary>The same outcome as a typed result without a value (for failures, and for fakes).</summary>
    public ConnectorResult<T> As<T>() => new()
    {
        Outcome = Outcome, StatusCode = StatusCode, ErrorCode = ErrorCode, ErrorMessage = ErrorMessage, RetryAfter = RetryAfter,
    };
}

/// <summary>The result of a connector call with a response body.</summary>
/// <typeparam name="T">The response model.</typeparam>
public sealed record ConnectorResult<T> : ConnectorResult
{
    /// <summary>
    /// The parsed response on success. Null when the call failed, or when the connector answered without a parsable
    /// body; for sends an empty body (the Agents Playground answers 202 to text plus attachments) gives a
    /// <see cref="ResourceResponse"/> with a null id instead.
    /// </summary>
    public T? Value { get; init; }
}
