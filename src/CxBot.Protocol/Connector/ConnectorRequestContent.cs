using System.Net;
using System.Net.Http.Headers;

namespace CxBot.Protocol.Connector;

/// <summary>
/// A JSON request body that knows whether the transport began to send it. A request whose body was never taken (the
/// token could not be had, the connection could not be made) certainly did not reach the connector; one whose body
/// was taken may have, whatever happened next. Each attempt gets its own instance (<see cref="ForAttempt"/>), so the
/// flag speaks of the last attempt only.
/// </summary>
internal sealed class ConnectorRequestContent : HttpContent
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly byte[] _body;
    private int _taken;

    /// <summary>A body of <paramref name="utf8Json"/>, sent with a Content-Length (so it can be sent again).</summary>
    public ConnectorRequestContent(byte[] utf8Json)
    {
        _body = utf8Json;
        Headers.ContentType = JsonMediaType;
    }

    /// <summary>True once the transport started to read the body.</summary>
    public bool TransmissionStarted => Volatile.Read(ref _taken) == 1;

    /// <summary>
    /// Prepares <paramref name="request"/> for an attempt: a body that was taken by an earlier attempt is replaced by a
    /// fresh one, so the flag is only set by this attempt.
    /// </summary>
    public static void ForAttempt(HttpRequestMessage request)
    {
        if (request.Content is ConnectorRequestContent { TransmissionStarted: true } used)
        {
            request.Content = new ConnectorRequestContent(used._body);
            used.Dispose();
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _taken, 1);
        return stream.WriteAsync(_body, cancellationToken).AsTask();
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _taken, 1);
        stream.Write(_body);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
