using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CxBot.App.Hosting;
using CxBot.Protocol.Schema;
using CxBot.Testing.Connector;

namespace CxBot.App.Tests.Support;

/// <summary>Raw requests to the app and readers for what it answered and sent.</summary>
public static class AppHttp
{
    /// <summary>Posts a raw body to the messaging endpoint.</summary>
    public static async Task<HttpResponseMessage> PostRawActivityAsync(this CxBotAppFactory factory, HttpContent content)
    {
        using var client = factory.CreateClient();
        return await client.PostAsync(BotEndpoints.MessagesPath, content);
    }

    /// <summary>A UTF-8 body with a content type, sent with its Content-Length.</summary>
    public static ByteArrayContent Body(string text, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The object as JSON text with one field's value replaced by raw JSON text (which a JsonNode could not hold:
    /// lone surrogates, repeated names, deep nesting).</summary>
    public static string WithRawValue(JsonObject body, string field, string rawJson)
    {
        var copy = body.DeepClone().AsObject();
        copy[field] = "@@raw@@";
        return copy.ToJsonString().Replace("\"@@raw@@\"", rawJson, StringComparison.Ordinal);
    }

    /// <summary>Raw bytes (which need not be UTF-8 or JSON) with a content type.</summary>
    public static ByteArrayContent Body(byte[] bytes, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>Checks the answer is problem+json with the status and a title, and returns the problem.</summary>
    public static async Task<JsonObject> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        return problem;
    }

    /// <summary>Reads a JSON object body.</summary>
    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>The activities sent (Send) into one conversation, in order.</summary>
    public static IReadOnlyList<OutboundActivity> SentTo(this FakeConnectorClient connector, string conversationId) =>
        [.. connector.CallsOf(ConnectorOperation.Send).Where(c => c.ConversationId == conversationId).Select(c => c.Activity!)];

    /// <summary>The Adaptive Card of a sent activity (fails when it has none).</summary>
    public static JsonObject Card(this OutboundActivity activity)
    {
        var attachment = Assert.Single(activity.Attachments ?? []);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        return attachment.Content!.AsObject();
    }

    /// <summary>Every object in a card or other JSON, depth first.</summary>
    public static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(p => Descendants(p.Value))],
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };
}

/// <summary>A body sent with chunked transfer encoding: no Content-Length, so the server learns the size only by reading.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _bytes;

    public ChunkedContent(string text, string mediaType = "application/json")
    {
        _bytes = Encoding.UTF8.GetBytes(text);
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        // Several writes, as a streaming client would send them.
        for (var offset = 0; offset < _bytes.Length; offset += 8 * 1024)
        {
            await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(8 * 1024, _bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
