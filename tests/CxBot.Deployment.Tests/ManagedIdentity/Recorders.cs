using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace CxBot.Deployment.Tests.ManagedIdentity;

/// <summary>An HTTP request a stub handler answered in place of the network.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization);

/// <summary>
/// The primary handler of a client whose real host must not be called: records each request with its
/// Authorization header and answers it here, so nothing leaves the machine.
/// </summary>
internal sealed class StubHandler(ConcurrentQueue<RecordedRequest> log, Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        log.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString()));
        var response = answer(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }

    /// <summary>The Connector's answer to a posted activity.</summary>
    public static HttpResponseMessage ActivityCreated(HttpRequestMessage request) => new(HttpStatusCode.Created)
    {
        Content = new StringContent("""{"id":"1700000000000"}""", Encoding.UTF8, "application/json"),
    };

    /// <summary>What Azure Storage answers while the identity's data role is not in force yet (role assignments take minutes).</summary>
    public static HttpResponseMessage PermissionMismatch(HttpRequestMessage request)
    {
        const string Code = "AuthorizationPermissionMismatch";
        const string Message = "This request is not authorized to perform this operation using this permission.";
        var isTable = request.RequestUri!.Host.Contains(".table.", StringComparison.Ordinal);
        var response = new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            Content = isTable
                ? new StringContent(
                    new JsonObject { ["odata.error"] = new JsonObject { ["code"] = Code, ["message"] = new JsonObject { ["lang"] = "en-US", ["value"] = Message } } }.ToJsonString(),
                    Encoding.UTF8, "application/json")
                : new StringContent($"""<?xml version="1.0" encoding="utf-8"?><Error><Code>{Code}</Code><Message>{Message}</Message></Error>""", Encoding.UTF8, "application/xml"),
        };
        response.Headers.Add("x-ms-error-code", Code);
        return response;
    }
}

/// <summary>
/// Every HTTP request this process sends over a real socket (the System.Net.Http activity source), by host, so a test
/// can show that nothing went further than the loopback stubs. Requests answered by a <see cref="StubHandler"/> never
/// reach a socket and are not seen here.
/// </summary>
internal sealed class OutboundHttpLog : IDisposable
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ActivityListener _listener;

    public OutboundHttpLog()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The host of each request (its tags are set right after the activity starts).</summary>
    public IReadOnlyList<string> Hosts => [.. _activities.Select(a => a.GetTagItem("server.address") as string ?? $"(unknown: {a.DisplayName})")];

    public void Dispose() => _listener.Dispose();
}

/// <summary>Keeps the app's log lines (category: message) instead of writing them to the console.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
            }
        }
    }
}
