using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxBot.Testing.Connector;

/// <summary>One request the stub channel received.</summary>
/// <param name="At">Arrival, on the stub's monotonic clock.</param>
/// <param name="Method">POST or PUT.</param>
/// <param name="Operation">create, send, reply or update.</param>
/// <param name="ConversationId">The conversation (null for create).</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Status">What the stub answered.</param>
public sealed record StubRequest(TimeSpan At, string Method, string Operation, string? ConversationId, string? TenantId, JsonObject? Body, int Status)
{
    /// <summary>The survey id on a survey card, when this posted one.</summary>
    public string? SurveyId => Body?["attachments"]?[0]?["content"]?["actions"]?[0]?["data"]?["surveyId"]?.GetValue<string>();
}

/// <summary>
/// A Teams-like channel on 127.0.0.1: the connector's create-conversation, post, reply and update endpoints, answering
/// 429 with Retry-After whenever a conversation gets two messages closer than its gap or a tenant more than its rate
/// within a second (as Teams does, scaled down). A small tolerance absorbs the network's jitter. A test can also force
/// a 429 or a slow answer on the next matching request.
/// </summary>
public sealed class StubChannel : IAsyncDisposable
{
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(120);

    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private readonly List<StubRequest> _requests = [];
    private readonly Dictionary<string, TimeSpan> _lastByConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TimeSpan>> _byTenant = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _tenantOfConversation = new(StringComparer.Ordinal);
    private readonly List<(Func<string, string?, bool> Match, TimeSpan RetryAfter)> _forced = [];
    private readonly List<(Func<StubRequest, bool> Match, TimeSpan Delay)> _slow = [];
    private int _ids;

    private StubChannel(WebApplication app, TimeSpan perConversation, int perTenantPerSecond)
    {
        _app = app;
        PerConversation = perConversation;
        PerTenantPerSecond = perTenantPerSecond;
    }

    public TimeSpan PerConversation { get; }

    public int PerTenantPerSecond { get; }

    /// <summary>The service URL to give the bot, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Now, on the clock <see cref="StubRequest.At"/> uses.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<StubRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>429s the stub gave because a limit was exceeded (not the forced ones).</summary>
    public IReadOnlyList<StubRequest> LimitExceeded => [.. Requests.Where(r => r.Status == 429 && r.Body?["forced"] is null)];

    /// <summary>First successful delivery of each survey card, by survey id, and how often each went out.</summary>
    public IReadOnlyDictionary<string, int> SurveyDeliveries =>
        Requests.Where(r => r.Status == 201 && r.Operation == "send" && r.SurveyId is not null)
            .GroupBy(r => r.SurveyId!).ToDictionary(g => g.Key, g => g.Count());

    public static async Task<StubChannel> StartAsync(TimeSpan perConversation, int perTenantPerSecond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var stub = new StubChannel(builder.Build(), perConversation, perTenantPerSecond);
        stub._app.MapPost("/v3/conversations", (Delegate)((HttpContext c) => stub.CreateAsync(c)));
        stub._app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext c, string conversationId) => stub.ActivityAsync(c, "send", conversationId));
        stub._app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId) => stub.ActivityAsync(c, "reply", conversationId));
        stub._app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext c, string conversationId) => stub.ActivityAsync(c, "update", conversationId));
        await stub._app.StartAsync();
        var address = stub._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        stub.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return stub;
    }

    /// <summary>The next request matching (operation, conversation) is answered 429 with this Retry-After, once.</summary>
    public void ThrottleNext(Func<string, string?, bool> match, TimeSpan retryAfter)
    {
        lock (_lock)
        {
            _forced.Add((match, retryAfter));
        }
    }

    /// <summary>The next request matching is taken in at once but answered only after the delay, once.</summary>
    public void DelayNext(Func<StubRequest, bool> match, TimeSpan delay)
    {
        lock (_lock)
        {
            _slow.Add((match, delay));
        }
    }

    /// <summary>Waits until a request matching the condition has arrived (it may still be waiting for its answer) and returns the first.</summary>
    public async Task<StubRequest> WaitForAsync(Func<StubRequest, bool> condition, TimeSpan timeout, string what)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (Requests.FirstOrDefault(condition) is { } request)
            {
                return request;
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what}; the stub channel received: "
                    + string.Join(", ", Requests.Select(r => $"{r.Operation} {r.ConversationId} {r.Status}")));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    /// <summary>The stub knows the conversation's tenant (for stored chats the bot never created here).</summary>
    public void KnowConversation(string conversationId, string tenantId) => _tenantOfConversation[conversationId] = tenantId;

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        var tenant = body?["tenantId"]?.GetValue<string>();
        var aad = body?["members"]?[0]?["aadObjectId"]?.GetValue<string>() ?? body?["members"]?[0]?["id"]?.GetValue<string>();
        var conversationId = "a:" + aad;
        var (status, retryAfter) = Admit("create", null, tenant, body);
        if (status == 201)
        {
            _tenantOfConversation[conversationId] = tenant ?? "";
        }

        return Answer(context, status, retryAfter, new JsonObject { ["id"] = conversationId });
    }

    private async Task<IResult> ActivityAsync(HttpContext context, string operation, string conversationId)
    {
        var body = await ReadAsync(context);
        var tenant = _tenantOfConversation.GetValueOrDefault(conversationId) ?? body?["conversation"]?["tenantId"]?.GetValue<string>();
        var (status, retryAfter) = Admit(operation, conversationId, tenant, body);
        if (TakeDelay(new StubRequest(Now, context.Request.Method, operation, conversationId, tenant, body, status)) is { } delay)
        {
            await Task.Delay(delay);
        }

        return Answer(context, status, retryAfter, new JsonObject { ["id"] = "activity-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture) });
    }

    private TimeSpan? TakeDelay(StubRequest request)
    {
        lock (_lock)
        {
            var slow = _slow.FindIndex(s => s.Match(request));
            if (slow < 0)
            {
                return null;
            }

            var delay = _slow[slow].Delay;
            _slow.RemoveAt(slow);
            return delay;
        }
    }

    private (int Status, TimeSpan? RetryAfter) Admit(string operation, string? conversationId, string? tenant, JsonObject? body)
    {
        lock (_lock)
        {
            var now = Now;
            var forced = _forced.FindIndex(f => f.Match(operation, conversationId));
            if (forced >= 0)
            {
                var retryAfter = _forced[forced].RetryAfter;
                _forced.RemoveAt(forced);
                var marked = body ?? [];
                marked["forced"] = true;
                _requests.Add(new StubRequest(now, operation == "update" ? "PUT" : "POST", operation, conversationId, tenant, marked, 429));
                return (429, retryAfter);
            }

            var tenantKey = tenant ?? "";
            var recent = _byTenant.TryGetValue(tenantKey, out var list) ? list : _byTenant[tenantKey] = [];
            recent.RemoveAll(t => now - t >= TimeSpan.FromSeconds(1) - Jitter);
            var tooSoonInConversation = conversationId is not null && _lastByConversation.TryGetValue(conversationId, out var last)
                && now - last < PerConversation - Jitter;
            var status = tooSoonInConversation || recent.Count >= PerTenantPerSecond ? 429 : 201;
            if (status == 201)
            {
                recent.Add(now);
                if (conversationId is not null)
                {
                    _lastByConversation[conversationId] = now;
                }
            }

            _requests.Add(new StubRequest(now, operation == "update" ? "PUT" : "POST", operation, conversationId, tenant, body, status));
            return (status, status == 429 ? TimeSpan.FromSeconds(1) : null);
        }
    }

    private static IResult Answer(HttpContext context, int status, TimeSpan? retryAfter, JsonObject body)
    {
        if (status == 429)
        {
            context.Response.Headers.RetryAfter = ((int)retryAfter!.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "TooManyRequests", ["message"] = "Slow down." } }, statusCode: 429);
        }

        return Results.Json(body, statusCode: status);
    }

    private static async Task<JsonObject?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
