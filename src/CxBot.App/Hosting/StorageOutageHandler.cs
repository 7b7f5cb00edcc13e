using CxBot.Storage;
using CxBot.Storage.Setup;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics;

namespace CxBot.App.Hosting;

/// <summary>
/// Any endpoint whose storage call finds the store down answers 503 with <c>Retry-After</c> (problem+json), never a 500:
/// Teams and the contact-center platform retry such answers. Nothing was acknowledged, so nothing is lost. A key too long
/// for the store (<see cref="TableKeyTooLongException"/>) is the request's mistake and answers 400.
/// </summary>
internal sealed partial class StorageOutageHandler(ILogger<StorageOutageHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is TableKeyTooLongException tooLong && !httpContext.Response.HasStarted)
        {
            LogKeyTooLong(logger, httpContext.Request.Method, httpContext.Request.Path, tooLong.Length);
            await Problems.KeyTooLong().ExecuteAsync(httpContext).ConfigureAwait(false);
            return true;
        }

        if (httpContext.Response.HasStarted || FromTheClient(exception, httpContext)
            || !StorageFailures.IsUnavailable(exception, httpContext.RequestAborted))
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        await Problems.StorageUnavailable().ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    // A malformed or oversized request body, or a client that reset the connection or left while its body was read, is
    // an IOException too, but the client's doing, not the store's: it is never counted (nor logged) as an outage.
    private static bool FromTheClient(Exception exception, HttpContext httpContext)
    {
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException or ConnectionResetException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path}: its ids make a table key of {Length} characters; answered 400")]
    private static partial void LogKeyTooLong(ILogger logger, string method, PathString path, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: storage unavailable ({Kind}: {Reason}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string method, PathString path, string kind, string reason);
}
