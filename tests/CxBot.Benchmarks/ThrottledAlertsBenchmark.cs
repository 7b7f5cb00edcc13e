using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.FollowUps;
using CxBot.App.Integrations;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;

namespace CxBot.Benchmarks;

/// <summary>What the throttled-alerts benchmark measured.</summary>
/// <param name="Latency">The measured survey submits, one at a time.</param>
/// <param name="Refused">Posts of follow-up cards the stub channel answered 429 during the run.</param>
/// <param name="Accepted">Follow-up cards the stub channel accepted during the run (none while it refuses them all).</param>
internal sealed record ThrottledAlertsResult(LatencySummary Latency, int Refused, int Accepted);

/// <summary>
/// The real bot process (<c>dotnet CxBot.App.dll</c>) on Azurite, answering a stub channel that refuses every post to
/// the alerts channel with 429 and <c>Retry-After: 20</c>. Customers answer their surveys with a low score and consent
/// to a call back, one after another, after the first refusal: each submit's latency is the time from sending the
/// invoke until its thank-you card (the HTTP answer) is read, while the follow-up card waits in the outbox.
/// </summary>
internal sealed class ThrottledAlertsBenchmark(AzuriteProcess azurite, BenchmarkOptions options)
{
    public const string RunsEnd = "<!-- throttled-alerts-runs:end -->";
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(20);
    private const int WarmUp = 5;
    private const string ApiKey = "throttled-benchmark-key-0123456789";
    private const string SupervisorAad = "8c3e1f0a-2b4d-4e6f-9a1b-3c5d7e9f1a2c";

    public async Task<ThrottledAlertsResult> RunAsync()
    {
        await using var stub = await StubChannel.StartAsync(TimeSpan.Zero, int.MaxValue);
        await using var bot = await BotProcess.StartAsync(new BotProcessOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Bot__AllowUnauthenticated"] = "true",
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Storage__TablePrefix"] = "T" + Guid.NewGuid().ToString("N")[..12],
                ["Api__Keys__0"] = ApiKeyVerifier.Hash(ApiKey),
                ["Roles__Supervisors__0"] = SupervisorAad,
                ["Messaging__PollSeconds"] = "0.2",
                ["Messaging__PerConversationSeconds"] = "0",
                ["Surveys__SuppressionDays"] = "0",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        });
        using var http = new HttpClient { BaseAddress = bot.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        var serviceUrl = stub.BaseUri.ToString();
        await ExpectOkAsync(http.PostAsJsonAsync("api/messages", TeamsCustomer.UseChannelForAlerts(SupervisorAad, serviceUrl)), "use this channel for alerts");

        // Every survey is out before the channel starts refusing: a Retry-After holds back all proactive sends.
        var jobs = Enumerable.Range(0, WarmUp + options.ThrottledAlerts)
            .Select(i => new SurveyJob(new TeamsCustomer(i, Guid.NewGuid().ToString(), TeamsCustomer.TenantWithAlerts) { ServiceUrl = serviceUrl },
                i < WarmUp ? Phase.Warmup : Phase.Measured, csat: 1, consent: true))
            .ToList();
        foreach (var job in jobs)
        {
            await ExpectOkAsync(http.PostAsJsonAsync("api/messages", job.Customer.Install()), "installationUpdate");
            using var contact = new HttpRequestMessage(HttpMethod.Post, "api/contacts") { Content = JsonContent.Create(job.Customer.Contact(job.ContactId)) };
            contact.Headers.Add(ApiOptions.KeyHeader, ApiKey);
            using var accepted = await http.SendAsync(contact);
            Check(accepted.StatusCode == HttpStatusCode.Accepted, $"The contact {job.ContactId} was answered {(int)accepted.StatusCode}.");
        }

        foreach (var job in jobs)
        {
            var card = await stub.WaitForAsync(r => r.SurveyId == job.SurveyId && r.Status == 201, TimeSpan.FromSeconds(60), $"survey {job.SurveyId}");
            var data = card.Body!["attachments"]![0]!["content"]!["actions"]![0]!["data"]!.AsObject();
            job.Payload = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(job.Customer.Answer(job.AnswerData((string)data[SurveyAnswerAction.TokenProperty]!)));
        }

        // From now on Teams answers every post to the alerts channel 429, Retry-After: 20 (more refusals than the run can use).
        for (var i = 0; i < 4 * jobs.Count; i++)
        {
            stub.ThrottleNext((operation, conversation) => IsAlertsPost(operation, conversation), RetryAfter);
        }

        var refusalsFrom = stub.Requests.Count;
        foreach (var job in jobs)
        {
            await SubmitBenchmark.SubmitAsync(http, job);
            if (job == jobs[0])
            {
                await stub.WaitForAsync(r => IsAlertsPost(r.Operation, r.ConversationId) && r.Status == 429, TimeSpan.FromSeconds(30), "the first follow-up card refused");
            }
        }

        Verify(jobs);
        var during = stub.Requests.Skip(refusalsFrom).Where(r => IsAlertsPost(r.Operation, r.ConversationId)).ToList();
        return new ThrottledAlertsResult(
            Percentiles.Summarize(jobs.Where(j => j.Phase == Phase.Measured).Select(j => j.Latency)),
            during.Count(r => r.Status == 429),
            during.Count(r => r.Status == 201));
    }

    private static bool IsAlertsPost(string operation, string? conversation) =>
        conversation == TeamsCustomer.AlertsChannelId && operation is "send" or "create";

    private static void Verify(List<SurveyJob> jobs)
    {
        var expected = CardJson.ToJsonObject(ThankYouCard.Build(FollowUpPromise.CallBack, BotCulture.English, new FollowUpOptions().DueHours));
        var wrong = jobs.FirstOrDefault(j => j.Status != HttpStatusCode.OK || !JsonNode.DeepEquals(JsonNode.Parse(j.Body)?["value"], expected));
        Check(wrong is null, $"Survey {wrong?.SurveyId} got no thank-you card: {(int?)wrong?.Status} {wrong?.Body}");
    }

    private static async Task ExpectOkAsync(Task<HttpResponseMessage> sending, string what)
    {
        using var response = await sending;
        Check(response.StatusCode == HttpStatusCode.OK, $"{what} was answered {(int)response.StatusCode}.");
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }

    /// <summary>The run as Markdown, and as one row of the runs table in docs/performance.md.</summary>
    public static string Markdown(ThrottledAlertsResult result, MachineFacts machine, string loadBefore, string loadAfter, DateTimeOffset at)
    {
        var l = result.Latency;
        return string.Create(CultureInfo.InvariantCulture, $"""
            ## CxBot throttled-alerts benchmark, {at:yyyy-MM-dd HH:mm} UTC

            - Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Os}; {machine.Dotnet}, CxBot.App {machine.AppBuild} as its own process; Azurite {machine.Azurite} (in memory)
            - Load average (1/5/15 min): before {loadBefore}, after {loadAfter}
            - {l.Count} measured low-score submits (after {WarmUp} warm-up), one at a time, while the stub channel answered the follow-up cards' posts 429 with Retry-After: {RetryAfter.TotalSeconds:0} ({result.Refused} refusals, {result.Accepted} accepted during the run)

            | what | submits | p50 ms | p95 ms | p99 ms | max ms |
            | --- | ---: | ---: | ---: | ---: | ---: |
            | low-score submit → thank-you card, alerts post answered 429 | {l.Count} | {l.P50:0.0} | {l.P95:0.0} | {l.P99:0.0} | {l.Max:0.0} |

            """);
    }

    public static string Row(ThrottledAlertsResult result, string loadBefore, string loadAfter, DateTimeOffset at)
    {
        var l = result.Latency;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {at:yyyy-MM-dd HH:mm} | {loadBefore} → {loadAfter} | {l.Count} | {l.P50:0.0} | {l.P95:0.0} | {l.Max:0.0} | {result.Refused} | {result.Accepted} |");
    }
}
