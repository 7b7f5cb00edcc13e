using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Protocol.Tests.Connector;

/// <summary>What a stub handler saw of one request.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string? Body);

/// <summary>A primary handler that records requests and answers from a script (the last answer repeats) or a route.</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;
    private int _count;

    public StubHttpHandler(params Func<HttpResponseMessage>[] answers) =>
        _answer = _ => answers[Math.Min(Interlocked.Increment(ref _count) - 1, answers.Length - 1)]();

    public StubHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> route) => _answer = route;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public RecordedRequest Single => Assert.Single(Requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new RecordedRequest(
            request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.ToString(), body));
        var response = _answer(request);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>Canned responses.</summary>
internal static class Respond
{
    public static Func<HttpResponseMessage> Json(HttpStatusCode status, string json) => () => new HttpResponseMessage(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    public static Func<HttpResponseMessage> Status(HttpStatusCode status, Action<HttpResponseMessage>? configure = null) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
        configure?.Invoke(response);
        return response;
    };

    public static Func<HttpResponseMessage> Error(HttpStatusCode status, string code, string message) =>
        Json(status, $$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}"}}""");

    public static Func<HttpResponseMessage> Throw(Exception exception) => () => throw exception;
}

/// <summary>
/// A clock that stands still and completes every timer at once, recording how long it was asked to wait, so tests of
/// retry waits run instantly and can assert the exact waits.
/// </summary>
internal sealed class RecordingDelayTimeProvider : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _delays.Enqueue(dueTime);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Hands out a fixed token and counts requests for it.</summary>
internal sealed class FakeBotTokenProvider(string? token = "test-token", Exception? failure = null) : IBotTokenProvider
{
    private int _calls;

    public int Calls => _calls;

    public Task<string?> GetTokenAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref _calls);
        return failure is null ? Task.FromResult(token) : Task.FromException<string?>(failure);
    }
}

/// <summary>A service collection with the given configuration and logging, the way the host provides them.</summary>
internal static class TestServices
{
    public static ServiceCollection WithConfiguration(IDictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).AddLogging();
        return services;
    }
}

/// <summary>The real DI registration of the connector with a stub at the bottom of its HTTP pipeline.</summary>
internal sealed class ConnectorTestHost : IDisposable
{
    public const string Teams = "https://smba.trafficmanager.net/amer/";

    private ConnectorTestHost(ServiceProvider services, RecordingDelayTimeProvider time, FakeBotTokenProvider tokens)
    {
        Services = services;
        Time = time;
        Tokens = tokens;
    }

    public ServiceProvider Services { get; }
    public RecordingDelayTimeProvider Time { get; }
    public FakeBotTokenProvider Tokens { get; }
    public IConnectorClient Client => Services.GetRequiredService<IConnectorClient>();

    /// <param name="primary">The innermost handler; null keeps the real socket handler.</param>
    /// <param name="settings">Configuration on top of a multi-tenant bot with default connector options.</param>
    /// <param name="tokens">Replaces the token provider; null: <see cref="FakeBotTokenProvider"/> with "test-token".</param>
    /// <param name="configure">More services (e.g. Retry-After observers).</param>
    public static ConnectorTestHost Create(
        HttpMessageHandler? primary, IDictionary<string, string?>? settings = null, FakeBotTokenProvider? tokens = null,
        Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "00000000-0000-0000-0000-0000000000b0",
            ["Bot:AppType"] = "MultiTenant",
            ["Bot:AppPassword"] = "not-a-real-secret",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var time = new RecordingDelayTimeProvider();
        tokens ??= new FakeBotTokenProvider();
        var services = TestServices.WithConfiguration(values)
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IBotTokenProvider>(tokens)
            .AddBotConnector();
        if (primary is not null)
        {
            services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => primary);
        }
        configure?.Invoke(services);
        return new ConnectorTestHost(services.BuildServiceProvider(validateScopes: true), time, tokens);
    }

    public void Dispose() => Services.Dispose();
}
