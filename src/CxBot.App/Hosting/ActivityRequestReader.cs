using System.Text.Json;
using CxBot.Protocol.Schema;
using Microsoft.AspNetCore.Http.Features;

namespace CxBot.App.Hosting;

/// <summary>Reads an activity from a request: content type, size limit and JSON shape (see <see cref="JsonBody"/>), each with its own 4xx.</summary>
public static partial class ActivityRequestReader
{
    /// <summary>Largest activity accepted. Teams messages are far smaller; cards submits stay under a few KB.</summary>
    public const int MaxActivityBytes = 256 * 1024;

    /// <summary>The activity, or the problem to answer with.</summary>
    public static async Task<(Activity? Activity, IResult? Problem)> ReadAsync(HttpRequest request, ILogger logger, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "Send the activity as application/json."));
        }

        if (request.ContentLength > MaxActivityBytes)
        {
            return (null, TooLarge());
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxActivityBytes + 1;
        }

        byte[]? body;
        try
        {
            body = await BodyReader.ReadAtMostAsync(request.Body, MaxActivityBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }

        if (body is null)
        {
            return (null, TooLarge());
        }

        var json = JsonBody.WithoutBom(body);
        if (JsonBody.Check(json.Span) is { } reason)
        {
            // The caller is not authenticated yet: what is wrong goes to the log only.
            LogRejectedJson(logger, reason);
            return (null, NotAnActivity());
        }

        Activity? activity;
        try
        {
            activity = ProtocolJson.ParseActivity(json.Span);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, ex.LineNumber + 1, ex.BytePositionInLine);
            return (null, NotAnActivity());
        }

        return activity is null ? (null, NotAnActivity()) : (activity, null);
    }

    private static IResult NotAnActivity() => Problems.Of(StatusCodes.Status400BadRequest, "Bad request", "The body is not a valid activity.");

    private static IResult TooLarge() => Problems.Of(StatusCodes.Status413PayloadTooLarge, "Activity too large",
        $"An activity may be at most {MaxActivityBytes} bytes.");

    private static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity JSON refused: {Reason}")]
    private static partial void LogRejectedJson(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Malformed activity JSON at line {Line}, byte {Position}")]
    private static partial void LogMalformed(ILogger logger, long? line, long? position);
}
