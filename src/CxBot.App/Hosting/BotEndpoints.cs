using CxBot.Protocol.Auth;
using CxBot.Protocol.Schema;

namespace CxBot.App.Hosting;

/// <summary>The Bot Framework messaging endpoint.</summary>
public static partial class BotEndpoints
{
    /// <summary>The path channels post activities to.</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary>Maps <c>POST</c> (activities) and <c>HEAD</c> (reachability probe) on <see cref="MessagesPath"/>.</summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(MessagesPath, ["HEAD"], () => Results.Ok());
        endpoints.MapPost(MessagesPath, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        IInboundAuthenticator authenticator,
        TurnRunner turns,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BotEndpoints).FullName!);
        var (activity, problem) = await ActivityRequestReader.ReadAsync(request, logger, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        InboundAuthResult auth;
        try
        {
            auth = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
                activity!, cancellationToken).ConfigureAwait(false);
        }
        catch (SigningKeysUnavailableException ex)
        {
            // Our failure, not the caller's: the channel retries on 5xx.
            LogKeysUnavailable(logger, ex.Message);
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "Signing keys unavailable", "The channel's signing keys could not be fetched; try again shortly.");
        }

        if (auth.Outcome is InboundAuthOutcome.Unauthorized or InboundAuthOutcome.Forbidden)
        {
            LogRejected(logger, auth.Outcome, auth.Reason);
            var status = auth.Outcome == InboundAuthOutcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            // Generic on purpose: which check failed is logged above, never told to the caller.
            return status == 401
                ? Problems.Of(status, "Unauthorized", "The request is not authenticated.")
                : Problems.Of(status, "Forbidden", "The request is not allowed.");
        }

        // Authenticated from here: the caller may learn which field to fix.
        if (ActivityInput.Check(activity!) is { } invalid)
        {
            LogInvalid(logger, invalid.Field, invalid.Error);
            return Problems.Of(StatusCodes.Status400BadRequest, "Invalid activity", $"'{invalid.Field}': {invalid.Error}",
                new Dictionary<string, object?> { ["field"] = invalid.Field });
        }

        return await turns.RunAsync(activity!, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected activity: {Outcome} {Reason}")]
    private static partial void LogRejected(ILogger logger, InboundAuthOutcome outcome, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invalid activity: {Field} {Error}")]
    private static partial void LogInvalid(ILogger logger, string field, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Framework signing keys unavailable: {Reason}")]
    private static partial void LogKeysUnavailable(ILogger logger, string reason);
}
