using System.Text.Json;
using CxBot.Protocol.Schema;
using Microsoft.AspNetCore.Http.Features;

namespace CxBot.App.Hosting;

/// <summary>Reads an activity from a request: content type, size limit and JSON shape, each with its own 4xx.</summary>
public static class ActivityRequestReader
{
    /// <summary>Largest activity accepted. Teams messages are far smaller; cards submits stay under a few KB.</summary>
    public const int MaxActivityBytes = 256 * 1024;

    /// <summary>The activity, or the problem to answer with.</summary>
    public static async Task<(Activity? Activity, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
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

        Activity? activity;
        try
        {
            activity = ProtocolJson.ParseActivity(body);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "Malformed activity",
                $"The body is not a valid activity JSON object (line {ex.LineNumber + 1}, position {ex.BytePositionInLine})."));
        }

        return activity is null
            ? (null, Problems.Of(StatusCodes.Status400BadRequest, "Malformed activity", "The body must be a JSON object."))
            : (activity, null);
    }

    private static IResult TooLarge() => Problems.Of(StatusCodes.Status413PayloadTooLarge, "Activity too large",
        $"An activity may be at most {MaxActivityBytes} bytes.");

    private static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);
}
