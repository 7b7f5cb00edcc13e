using CxBot.Storage.Setup;
using Microsoft.AspNetCore.Diagnostics;

namespace CxBot.App.Hosting;

/// <summary>
/// Any endpoint whose storage call finds the store down answers 503 with <c>Retry-After</c> (problem+json), never a 500:
/// Teams and the contact-center platform retry such answers. Nothing was acknowledged, so nothing is lost.
/// </summary>
internal sealed partial class StorageOutageHandler(ILogger<StorageOutageHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A malformed or oversized request body is an IOException too, but the client's mistake: it keeps its 4xx.
        if (exception is BadHttpRequestException || httpContext.Response.HasStarted
            || !StorageFailures.IsUnavailable(exception, httpContext.RequestAborted))
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        await Problems.StorageUnavailable().ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: storage unavailable ({Kind}: {Reason}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string method, PathString path, string kind, string reason);
}
