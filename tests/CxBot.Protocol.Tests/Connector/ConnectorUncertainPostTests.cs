using System.Diagnostics;
using System.Net;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using CxBot.Protocol.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Protocol.Tests.Connector;

/// <summary>
/// A POST that may have landed is never repeated (the connector cannot tell a repeat from a new message): it comes back
/// as <see cref="ConnectorOutcome.Uncertain"/>. What certainly did not land is still retried, and idempotent calls keep
/// their retries. Every attempt, its response body included, ends within the attempt timeout.
/// </summary>
public sealed class ConnectorUncertainPostTests
{
    private const string Teams = ConnectorTestHost.Teams;
    private static readonly Dictionary<string, string?> OneSecondAttempts = new() { ["Bot:Connector:AttemptTimeout"] = "00:00:01" };

    private static Func<HttpResponseMessage> Created => Respond.Json(HttpStatusCode.Created, """{"id":"1"}""");

    public static TheoryData<string> Posts => ["send", "reply", "create-conversation"];

    private static async Task<ConnectorResult> PostAsync(ConnectorTestHost host, string operation) => operation switch
    {
        "send" => await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x")),
        "reply" => await host.Client.ReplyAsync(Teams, "a:1", "1", OutboundActivity.WithText("x")),
        _ => await host.Client.CreateConversationAsync(Teams, new ConversationParameters { Members = [new ChannelAccount { Id = "29:1" }] }),
    };

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Send_AnsweredByAGatewayError_IsSentOnce_AndUncertain(HttpStatusCode status)
    {
        var stub = new StubHttpHandler(Respond.Error(status, "GatewayError", "lost the answer"), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(ConnectorResult.Uncertain(status, "GatewayError", "lost the answer").As<ResourceResponse>(), result);
        Assert.Single(stub.Requests);
        Assert.Empty(host.Time.Delays);
        Assert.False(result.IsSuccess);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task EveryPost_Answered502_IsSentOnce_AndUncertain(string operation)
    {
        var stub = new StubHttpHandler(Respond.Status(HttpStatusCode.BadGateway), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await PostAsync(host, operation);

        Assert.Equal((ConnectorOutcome.Uncertain, HttpStatusCode.BadGateway), (result.Outcome, result.StatusCode));
        Assert.Equal(HttpMethod.Post, stub.Single.Method);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task GetAndPut_Answered502Or504_AreStillRetried(HttpStatusCode status)
    {
        var stub = new StubHttpHandler(Respond.Status(status), Respond.Json(HttpStatusCode.OK, """{"id":"29:1"}"""),
            Respond.Status(status), Respond.Json(HttpStatusCode.OK, """{"id":"1"}"""));
        using var host = ConnectorTestHost.Create(stub);

        var member = await host.Client.GetMemberAsync(Teams, "a:1", "29:1");
        var update = await host.Client.UpdateAsync(Teams, "a:1", "1", OutboundActivity.WithText("x"));

        Assert.Equal((ConnectorOutcome.Sent, "29:1"), (member.Outcome, member.Value?.Id));
        Assert.Equal((ConnectorOutcome.Sent, "1"), (update.Outcome, update.Value?.Id));
        Assert.Equal([HttpMethod.Get, HttpMethod.Get, HttpMethod.Put, HttpMethod.Put], stub.Requests.Select(r => r.Method));
        Assert.Equal(2, host.Time.Delays.Count);
    }

    [Fact]
    public async Task Send_TimedOutAfterTheRequestWentOut_IsSentOnce_AndUncertain()
    {
        var handler = new ReadBodyThenHang();
        using var host = ConnectorTestHost.Create(handler, OneSecondAttempts);

        var result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal((ConnectorOutcome.Uncertain, null, ConnectorErrorCodes.Timeout), (result.Outcome, result.StatusCode, result.ErrorCode));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Send_TimedOutBeforeTheRequestWentOut_IsFailed()
    {
        // The token provider hangs: nothing reached the connector.
        var stub = new StubHttpHandler(Created);
        using var host = ConnectorTestHost.Create(stub, OneSecondAttempts,
            configure: services => services.AddSingleton<IBotTokenProvider>(new HangingTokenProvider()));

        var result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal((ConnectorOutcome.Failed, ConnectorErrorCodes.Timeout), (result.Outcome, result.ErrorCode));
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Send_ConnectionBrokenAfterTheRequestWentOut_IsSentOnce_AndUncertain()
    {
        var stub = new StubHttpHandler(Respond.Throw(new HttpRequestException("connection reset")), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(ConnectorResult.Uncertain(null, ConnectorErrorCodes.TransportError, "connection reset").As<ResourceResponse>(), result);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Send_ThrottledThenGatewayError_IsRetriedOnlyWhileItCertainlyDidNotLand()
    {
        var stub = new StubHttpHandler(
            Respond.Status(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1))),
            Respond.Status(HttpStatusCode.ServiceUnavailable),
            Respond.Status(HttpStatusCode.PreconditionFailed),
            Respond.Status(HttpStatusCode.GatewayTimeout),
            Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal((ConnectorOutcome.Uncertain, HttpStatusCode.GatewayTimeout), (result.Outcome, result.StatusCode));
        Assert.Equal(4, stub.Requests.Count);
    }

    [Fact]
    public async Task ServiceUnavailable_WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var stub = new StubHttpHandler(
            Respond.Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(2))), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2)], host.Time.Delays);
    }

    [Fact]
    public async Task ServiceUnavailable_WithALongRetryAfter_IsHandedBackWithTheWait()
    {
        var stub = new StubHttpHandler(
            Respond.Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new(TimeSpan.FromMinutes(5))), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal((ConnectorResult.Failed(HttpStatusCode.ServiceUnavailable) with { RetryAfter = TimeSpan.FromMinutes(5) }).As<ResourceResponse>(), result);
        Assert.Single(stub.Requests);
        Assert.Empty(host.Time.Delays);
    }

    [Fact]
    public async Task Inline_ServiceUnavailableRetryAfterBeyondTheTurnBudget_IsHandedBackAtOnce()
    {
        var stub = new StubHttpHandler(
            Respond.Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(7))), Created);
        using var host = ConnectorTestHost.Create(stub);

        ConnectorResult<ResourceResponse> result;
        using (ConnectorCallScope.Inline())
        {
            result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));
        }

        Assert.Equal((ConnectorOutcome.Failed, TimeSpan.FromSeconds(7)), (result.Outcome, result.RetryAfter));
        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData("POST", ConnectorOutcome.Uncertain)]
    [InlineData("GET", ConnectorOutcome.Failed)]
    public async Task StalledResponseBody_EndsAsATimeoutWithinTheAttemptTimeout(string method, ConnectorOutcome expected)
    {
        var stub = new StubHttpHandler(() => new HttpResponseMessage(HttpStatusCode.Created) { Content = new StreamContent(new StalledStream()) });
        using var host = ConnectorTestHost.Create(stub, OneSecondAttempts);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        ConnectorResult result = method == "POST"
            ? await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"), patience.Token)
            : await host.Client.GetMemberAsync(Teams, "a:1", "29:1", patience.Token);

        Assert.Equal((expected, ConnectorErrorCodes.Timeout), (result.Outcome, result.ErrorCode));
        Assert.Single(stub.Requests);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task StalledResponseBody_FromARealServer_EndsAsAnUncertainTimeout()
    {
        using var release = new CancellationTokenSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentLength = 100;
            await context.Response.WriteAsync("""{"id":""");
            await context.Response.Body.FlushAsync();
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(release.Token, context.RequestAborted);
            await Task.Delay(Timeout.InfiniteTimeSpan, quiet.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var host = ConnectorTestHost.Create(primary: null, new Dictionary<string, string?>(OneSecondAttempts)
        {
            ["Bot:AllowUnauthenticated"] = "true", ["Bot:AppId"] = null, ["Bot:AppPassword"] = null,
        });
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        var result = await host.Client.SendAsync(server.BaseUri.AbsoluteUri, "a:1", OutboundActivity.WithText("x"), patience.Token);
        await release.CancelAsync();

        Assert.Equal((ConnectorOutcome.Uncertain, ConnectorErrorCodes.Timeout), (result.Outcome, result.ErrorCode));
        Assert.Single(server.Requests);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    /// <summary>Takes the request body (it went out), then never answers.</summary>
    private sealed class ReadBodyThenHang : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class HangingTokenProvider : IBotTokenProvider
    {
        public async Task<string?> GetTokenAsync(CancellationToken ct = default)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return null;
        }
    }

    /// <summary>A response body whose reads never complete (until cancelled), like a connection that went quiet.</summary>
    private sealed class StalledStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
