using System.Globalization;

namespace CxBot.App.Hosting;

/// <summary>problem+json answers for HTTP clients: a status, a short title and what to fix.</summary>
public static class Problems
{
    /// <summary>A problem result.</summary>
    public static IResult Of(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>503 with <c>Retry-After</c>: our failure, and the caller should try again after <paramref name="retryAfterSeconds"/>.</summary>
    public static IResult Unavailable(string title, string detail, int retryAfterSeconds) =>
        new WithRetryAfter(Of(StatusCodes.Status503ServiceUnavailable, title, detail), retryAfterSeconds);

    /// <summary>Seconds a caller is asked to wait when the store does not answer.</summary>
    public const int StorageRetryAfterSeconds = 5;

    /// <summary>503 with <c>Retry-After</c>: the store does not answer; nothing of the request was acknowledged.</summary>
    public static IResult StorageUnavailable() =>
        Unavailable("Storage unavailable", "The bot's storage does not answer right now; try again shortly.", StorageRetryAfterSeconds);

    /// <summary>400: values of the request, each within its bound, together make a storage key longer than the store takes.</summary>
    public static IResult KeyTooLong() =>
        Of(StatusCodes.Status400BadRequest, "Value too long", "Ids of the request together are too long to be stored; use shorter ids.");

    private sealed class WithRetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
