using System.Net;

namespace CxBot.Protocol.Connector;

/// <summary>
/// Which connector requests may be repeated, and which answers leave a non-idempotent POST (send, reply, create
/// conversation) possibly carried out. The connector has no idempotency key for those POSTs, so a repeat of one that
/// landed posts the message twice.
/// </summary>
internal static class RequestSafety
{
    /// <summary>GET, PUT (an activity update replaces the same message), DELETE, HEAD and OPTIONS (RFC 9110, 9.2.2).</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete
        || method == HttpMethod.Head || method == HttpMethod.Options;

    /// <summary>
    /// Answers after which the request may have been processed all the same: 500 (the connector failed somewhere in
    /// the middle), 502 and 504 (a gateway lost or gave up on the connector's answer). 429, 412 and 503 say the request
    /// was not processed; every other status is a definite answer.
    /// </summary>
    public static bool MayHaveBeenProcessed(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// Teams asks to retry 429, 412, 502, 503 and 504. Of those, 502 and 504 are retried only for idempotent requests:
    /// a POST answered so may already have been posted.
    /// </summary>
    public static bool IsRetryable(HttpStatusCode status, bool idempotent) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.ServiceUnavailable => true,
        HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => idempotent,
        _ => false,
    };
}
