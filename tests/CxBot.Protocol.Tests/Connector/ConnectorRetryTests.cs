using System.Net;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Protocol.Tests.Connector;

public sealed class ConnectorRetryTests
{
    private const string Teams = ConnectorTestHost.Teams;

    private static Func<HttpResponseMessage> Created => Respond.Json(HttpStatusCode.Created, """{"id":"1"}""");

    private static Func<HttpResponseMessage> TooMany(Action<HttpResponseMessage>? configure = null) =>
        Respond.Status(HttpStatusCode.TooManyRequests, configure);

    private static Task<ConnectorResult<ResourceResponse>> SendAsync(ConnectorTestHost host) =>
        host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));

    [Fact]
    public async Task Throttled_RetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        var stub = new StubHttpHandler(TooMany(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(7))), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await SendAsync(host);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], host.Time.Delays);
    }

    [Fact]
    public async Task Inline_RetryAfterLongerThanTheInlineBudget_IsHandedBackAtOnce()
    {
        var stub = new StubHttpHandler(TooMany(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(7))), Created);
        using var host = ConnectorTestHost.Create(stub);

        ConnectorResult<ResourceResponse> result;
        using (ConnectorCallScope.Inline())
        {
            result = await SendAsync(host);
        }

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Single(stub.Requests);
        Assert.Empty(host.Time.Delays);
    }

    [Fact]
    public async Task Inline_ShortRetryAfter_IsStillWaitedOut_AndTheScopeEndsWithItsBlock()
    {
        var stub = new StubHttpHandler(
            TooMany(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(2))), Created,
            TooMany(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(7))), Created);
        using var host = ConnectorTestHost.Create(stub);

        ConnectorResult<ResourceResponse> inline;
        using (ConnectorCallScope.Inline())
        {
            inline = await SendAsync(host);
        }

        var background = await SendAsync(host);

        Assert.True(inline.IsSuccess);
        Assert.True(background.IsSuccess);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(7)], host.Time.Delays);
        Assert.False(ConnectorCallScope.IsInline);
    }

    [Fact]
    public async Task EveryRetryAfterIsToldToTheObservers_BeforeTheWait_AndAFailingObserverChangesNothing()
    {
        var stub = new StubHttpHandler(
            TooMany(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(7))),
            Respond.Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(2))),
            Respond.Status(HttpStatusCode.PreconditionFailed),
            Created);
        var seen = new RecordingObserver();
        using var host = ConnectorTestHost.Create(stub, configure: services => services
            .AddSingleton<IRetryAfterObserver>(new FailingObserver())
            .AddSingleton<IRetryAfterObserver>(seen));
        seen.DelaysSoFar = () => host.Time.Delays.Count;

        var result = await SendAsync(host);

        Assert.True(result.IsSuccess);
        Assert.Equal([(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7), 0), (HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(2), 1)],
            seen.Calls.Select(c => (c.Status, c.RetryAfter, c.DelaysBefore)));
        Assert.All(seen.Calls, c => Assert.Equal(new Uri(Teams + "v3/conversations/a%3A1/activities"), c.Uri));
    }

    [Fact]
    public async Task Throttled_RetryAfterHttpDate_WaitsUntilThatDate()
    {
        var until = RecordingDelayTimeProvider.Now.AddSeconds(12);
        var stub = new StubHttpHandler(TooMany(r => r.Headers.RetryAfter = new(until)), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await SendAsync(host);

        Assert.True(result.IsSuccess);
        Assert.Equal([TimeSpan.FromSeconds(12)], host.Time.Delays);
    }

    [Fact]
    public async Task Throttled_RetryAfterDateInThePast_RetriesWithoutWaiting()
    {
        var stub = new StubHttpHandler(TooMany(r => r.Headers.RetryAfter = new(RecordingDelayTimeProvider.Now.AddMinutes(-1))), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await SendAsync(host);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Empty(host.Time.Delays);
    }

    [Fact]
    public async Task Throttled_RetryAfterBeyondCap_ReturnsThrottledAtOnceWithRetryAfter()
    {
        var stub = new StubHttpHandler(
            () => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                Headers = { RetryAfter = new(TimeSpan.FromMinutes(5)) },
                Content = new StringContent("""{"error":{"code":"Throttled","message":"slow down"}}"""),
            },
            Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await SendAsync(host);

        Assert.Equal(ConnectorResult.Throttled(TimeSpan.FromMinutes(5), "Throttled", "slow down").As<ResourceResponse>(), result);
        Assert.Single(stub.Requests);
        Assert.Empty(host.Time.Delays);
    }

    [Fact]
    public async Task Throttled_Persistently_StopsAfterMaxRetriesAndCarriesRetryAfter()
    {
        var stub = new StubHttpHandler(TooMany(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(2))));
        using var host = ConnectorTestHost.Create(stub);

        var result = await SendAsync(host);

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(2), result.RetryAfter);
        Assert.Equal(4, stub.Requests.Count);
        Assert.Equal(3, host.Time.Delays.Count);
    }

    [Fact]
    public async Task Throttled_WithoutRetryAfter_BacksOffExponentiallyWithJitter()
    {
        var stub = new StubHttpHandler(TooMany());
        using var host = ConnectorTestHost.Create(stub);

        var result = await SendAsync(host);

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Null(result.RetryAfter);
        var delays = host.Time.Delays;
        Assert.Equal(3, delays.Count);
        Assert.InRange(delays[0].TotalSeconds, 0.5, 1);
        Assert.InRange(delays[1].TotalSeconds, 1, 2);
        Assert.InRange(delays[2].TotalSeconds, 2, 4);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task TransientStatus_IsRetriedThenSucceeds(HttpStatusCode status)
    {
        var stub = new StubHttpHandler(Respond.Status(status), Respond.Status(status), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await SendAsync(host);

        Assert.True(result.IsSuccess);
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(2, host.Time.Delays.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TransientStatus_Persistently_IsFailedAfterBoundedAttempts(HttpStatusCode status)
    {
        var stub = new StubHttpHandler(Respond.Status(status));
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.GetMemberAsync(Teams, "a:1", "29:1");

        Assert.Equal(ConnectorResult.Failed(status).As<ChannelAccount>(), result);
        Assert.Equal(4, stub.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task PermanentStatus_IsNotRetried(HttpStatusCode status)
    {
        var stub = new StubHttpHandler(Respond.Status(status, r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1))), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await SendAsync(host);

        Assert.False(result.IsSuccess);
        Assert.Single(stub.Requests);
        Assert.Empty(host.Time.Delays);
    }

    [Fact]
    public async Task NetworkError_IsNotRetried()
    {
        var stub = new StubHttpHandler(Respond.Throw(new HttpRequestException("reset")), Created);
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.DeleteAsync(Teams, "a:1", "1");

        Assert.Equal(ConnectorErrorCodes.TransportError, result.ErrorCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task MaxRetriesFromConfiguration_BoundsAttempts()
    {
        var stub = new StubHttpHandler(Respond.Status(HttpStatusCode.ServiceUnavailable));
        using var host = ConnectorTestHost.Create(stub, new Dictionary<string, string?> { ["Bot:Connector:MaxRetries"] = "1" });

        await SendAsync(host);

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task MaxRetriesZero_SendsOnce()
    {
        var stub = new StubHttpHandler(TooMany(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1))), Created);
        using var host = ConnectorTestHost.Create(stub, new Dictionary<string, string?> { ["Bot:Connector:MaxRetries"] = "0" });

        var result = await SendAsync(host);

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task TotalRetryBudget_StopsRetriesThatWouldExceedIt()
    {
        var stub = new StubHttpHandler(TooMany(r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(40))));
        using var host = ConnectorTestHost.Create(stub, new Dictionary<string, string?> { ["Bot:Connector:MaxTotalRetryDelay"] = "00:01:00" });

        var result = await SendAsync(host);

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(40)], host.Time.Delays);
    }

    [Fact]
    public async Task AttemptTimeout_IsFailedAsTimeoutAndNotRetried()
    {
        var hanging = new HangingHandler();
        using var host = ConnectorTestHost.Create(hanging, new Dictionary<string, string?> { ["Bot:Connector:AttemptTimeout"] = "00:00:01" });

        var result = await SendAsync(host);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(ConnectorErrorCodes.Timeout, result.ErrorCode);
        Assert.Null(result.StatusCode);
        Assert.Equal(1, hanging.Calls);
    }

    [Fact]
    public void Backoff_IsCappedByMaxBackoffDelay()
    {
        var settings = new ConnectorOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxBackoffDelay = TimeSpan.FromSeconds(3) };

        var delay = ConnectorRetryHandler.Backoff(retry: 6, settings, new Random(1));

        Assert.InRange(delay.TotalSeconds, 1.5, 3);
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class RecordingObserver : IRetryAfterObserver
    {
        public Func<int> DelaysSoFar { get; set; } = () => 0;

        public List<(Uri Uri, HttpStatusCode Status, TimeSpan RetryAfter, int DelaysBefore)> Calls { get; } = [];

        public Task OnRetryAfterAsync(Uri requestUri, HttpStatusCode statusCode, TimeSpan retryAfter, CancellationToken cancellationToken)
        {
            Calls.Add((requestUri, statusCode, retryAfter, DelaysSoFar()));
            return Task.CompletedTask;
        }
    }

    private sealed class FailingObserver : IRetryAfterObserver
    {
        public Task OnRetryAfterAsync(Uri requestUri, HttpStatusCode statusCode, TimeSpan retryAfter, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("storage down");
    }
}
