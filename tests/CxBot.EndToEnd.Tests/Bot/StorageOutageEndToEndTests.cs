using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Integrations;
using CxBot.Domain.Activities;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>
/// The real bot on an Azurite of its own (not the shared one) that is stopped in the middle of a stream of messages and
/// contact posts and started again on the same ports with the same data: 503 with Retry-After while it is down, normal
/// answers after without restarting the bot, and everything that was answered 2xx is in storage.
/// </summary>
public sealed class StorageOutageEndToEndTests(RestartableStorageBot bot) : IClassFixture<RestartableStorageBot>
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AzuriteStoppedMidStream_503WithRetryAfterWhileDown_NormalAfterItsRestart_Every2xxIsStored()
    {
        await bot.Client.InstallAsync();
        var botPid = bot.Bot.ProcessId;
        using var stream = new RequestStream(bot.Bot.BaseUri, bot.Playground.ServiceUrl, bot.Client);
        using var stopStream = new CancellationTokenSource();
        var streaming = stream.RunAsync(stopStream.Token);

        // Up: both kinds are answered normally.
        await stream.WaitUntilAsync(s => s.Count(r => r.Succeeded && r.Kind == RequestKind.Message) >= 3
            && s.Count(r => r.Succeeded && r.Kind == RequestKind.Contact) >= 3, "answers before the outage", PhaseTimeout);

        // Down, in the middle of the stream, by the process id.
        await bot.Azurite.StopAsync();
        var downFrom = stream.Clock.Elapsed;
        Assert.False(bot.Azurite.IsRunning);
        await stream.WaitUntilAsync(s => s.Count(r => r.StartedAt > downFrom && r.Kind == RequestKind.Message) >= 3
            && s.Count(r => r.StartedAt > downFrom && r.Kind == RequestKind.Contact) >= 3, "requests during the outage", PhaseTimeout);
        using (var health = await stream.Http.GetAsync(new Uri("healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("unhealthy", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Up again on the same ports with the same data; the bot is not touched.
        var downUntil = stream.Clock.Elapsed;
        await bot.Azurite.RestartAsync();
        var upFrom = stream.Clock.Elapsed;
        await stream.WaitUntilAsync(s => LastSucceeded(s, RequestKind.Message, upFrom) && LastSucceeded(s, RequestKind.Contact, upFrom),
            "normal answers after the restart", PhaseTimeout);
        await stopStream.CancelAsync();
        var requests = await streaming;

        Assert.Equal(botPid, bot.Bot.ProcessId);
        Assert.True(FreePort.IsListening(bot.Bot.Port), "The bot stopped listening.");
        using (var health = await stream.Http.GetAsync(new Uri("healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        // Every answer is a success or a 503 with Retry-After: never a 500 or another error.
        Assert.All(requests, r => Assert.True(r.Succeeded || r.Status == HttpStatusCode.ServiceUnavailable, r.ToString()));
        Assert.All(requests.Where(r => !r.Succeeded), r => Assert.True(r.RetryAfterSeconds > 0, r.ToString()));
        // While the store was down (from the stop to the restart) nothing was acknowledged.
        var duringOutage = requests.Where(r => r.StartedAt > downFrom && r.StartedAt + r.Took < downUntil).ToList();
        Assert.Contains(duringOutage, r => r.Kind == RequestKind.Message);
        Assert.Contains(duringOutage, r => r.Kind == RequestKind.Contact);
        Assert.All(duringOutage, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status));
        // ... and each of those answers came quickly (the storage clients' retries are short), far inside Teams' 15 s.
        Assert.All(duringOutage, r => Assert.True(r.Took < TimeSpan.FromSeconds(10), r.ToString()));

        // Nothing acknowledged is lost: every contact answered 202 has its decision, every message answered 200 its ledger row.
        var decisions = bot.Storage<IContactDecisions>();
        var ledger = bot.Storage<IActivityLedger>();
        foreach (var request in requests.Where(r => r.Succeeded))
        {
            if (request.Kind == RequestKind.Contact)
            {
                Assert.True(await decisions.GetAsync(request.Id, CancellationToken.None) is not null, $"Contact {request.Id} was answered 202 but is not stored.");
            }
            else
            {
                var key = new ActivityKey("msteams", bot.Client.PersonalChatId, request.Id);
                Assert.True(await ledger.GetAsync(key, DateTimeOffset.UtcNow, CancellationToken.None) is not null, $"Message {request.Id} was answered 200 but is not in the ledger.");
            }
        }
    }

    // The last three requests of the kind, all sent after the restart, were answered normally.
    private static bool LastSucceeded(IReadOnlyList<StreamedRequest> requests, RequestKind kind, TimeSpan after)
    {
        var last = requests.Where(r => r.Kind == kind && r.StartedAt > after).TakeLast(3).ToList();
        return last.Count == 3 && last.All(r => r.Succeeded);
    }

    private enum RequestKind
    {
        Message,
        Contact,
    }

    private sealed record StreamedRequest(RequestKind Kind, string Id, TimeSpan StartedAt, TimeSpan Took, HttpStatusCode Status, int? RetryAfterSeconds)
    {
        public bool Succeeded => (int)Status is >= 200 and < 300;
    }

    /// <summary>Sends a message and a contact post in turn, one request at a time, as Teams and the platform would.</summary>
    private sealed class RequestStream(Uri bot, Uri serviceUrl, PlaygroundClient client) : IDisposable
    {
        private readonly List<StreamedRequest> _requests = [];
        private readonly Lock _gate = new();

        public HttpClient Http { get; } = new() { BaseAddress = bot, Timeout = TimeSpan.FromSeconds(30) };

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public async Task<IReadOnlyList<StreamedRequest>> RunAsync(CancellationToken stop)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await SendAsync(RequestKind.Message, n);
                await SendAsync(RequestKind.Contact, n);
                await Task.Delay(100, CancellationToken.None);
            }

            return Snapshot();
        }

        public async Task WaitUntilAsync(Func<IReadOnlyList<StreamedRequest>, bool> condition, string what, TimeSpan timeout)
        {
            var deadline = Clock.Elapsed + timeout;
            while (!condition(Snapshot()))
            {
                Assert.True(Clock.Elapsed < deadline, $"No {what} within {timeout.TotalSeconds} s: {string.Join("; ", Snapshot().TakeLast(10))}");
                await Task.Delay(100);
            }
        }

        public void Dispose() => Http.Dispose();

        private IReadOnlyList<StreamedRequest> Snapshot()
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }

        private async Task SendAsync(RequestKind kind, int n)
        {
            var id = $"outage-{kind.ToString().ToLowerInvariant()}-{n}-{Guid.NewGuid().ToString("N")[..6]}";
            using var request = kind == RequestKind.Message
                ? new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(Message(id)) }
                : new HttpRequestMessage(HttpMethod.Post, "api/contacts") { Content = JsonContent.Create(Contact(id)) };
            if (kind == RequestKind.Contact)
            {
                request.Headers.Add(ApiOptions.KeyHeader, RealBot.ApiKey);
            }

            var started = Clock.Elapsed;
            using var response = await Http.SendAsync(request);
            var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int?)delta.TotalSeconds : null;
            lock (_gate)
            {
                _requests.Add(new StreamedRequest(kind, id, started, Clock.Elapsed - started, response.StatusCode, retryAfter));
            }
        }

        private JsonObject Message(string id) => new()
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl.ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["from"] = client.Account(client.Config.CurrentUser.Id),
            ["recipient"] = new JsonObject { ["id"] = client.Config.Bot.Id, ["name"] = client.Config.Bot.Name },
            ["conversation"] = new JsonObject { ["id"] = client.PersonalChatId, ["conversationType"] = "personal", ["tenantId"] = RealBot.PlaygroundTenant },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = RealBot.PlaygroundTenant } },
            ["locale"] = "en-US",
            ["text"] = "help",
        };

        private static JsonObject Contact(string id) => new()
        {
            ["contactId"] = id,
            ["customer"] = RealBot.TeamsCustomer(),
            ["agent"] = new JsonObject { ["id"] = "agent-7", ["displayName"] = "Sam de Boer" },
            ["queue"] = "billing",
            ["channel"] = "phone",
            ["endedAt"] = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O"),
        };
    }
}
