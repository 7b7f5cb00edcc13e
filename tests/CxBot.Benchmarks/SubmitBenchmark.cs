using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CxBot.App.Contacts;
using CxBot.App.Integrations;
using CxBot.App.FollowUps;
using CxBot.App.Hosting;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Domain.Channels;
using CxBot.Domain.Surveys;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxBot.Benchmarks;

internal enum Phase
{
    Probe,
    Warmup,
    Measured,
}

/// <summary>One survey: the contact behind it, the answer its customer gives, and what the bot answered.</summary>
internal sealed class SurveyJob(TeamsCustomer customer, Phase phase, int csat, bool consent)
{
    public TeamsCustomer Customer => customer;
    public Phase Phase => phase;
    public int Csat => csat;
    public bool Low => csat <= 2;
    public string ContactId { get; } = "bench-" + Guid.NewGuid().ToString("N");
    public string SurveyId => SurveyIds.For(ContactId);
    public FollowUpPromise Promise => !Low ? FollowUpPromise.None : consent ? FollowUpPromise.CallBack : FollowUpPromise.ReviewWithoutContact;

    /// <summary>Which of the three submit paths this answer takes.</summary>
    public string Kind => !Low ? "CSAT 4-5" : Customer.HasAlertsChannel ? "CSAT 1-2, alerts channel set" : "CSAT 1-2, no alerts channel";

    /// <summary>The invoke, serialised before the clock starts.</summary>
    public byte[] Payload { get; set; } = [];
    public HttpStatusCode Status { get; set; }
    public string Body { get; set; } = "";
    public TimeSpan Latency { get; set; }

    /// <summary>The card's action data merged with the inputs, as Teams submits them (Input.Rating as a number).</summary>
    public JsonObject AnswerData(string token) => new()
    {
        ["verb"] = SurveyAnswerAction.Verb,
        [SurveyAnswerAction.SurveyIdProperty] = SurveyId,
        [SurveyAnswerAction.TokenProperty] = token,
        [SurveyInputIds.Csat] = csat,
        [SurveyInputIds.Expectation] = Low ? SurveyChoiceValues.Worse : SurveyChoiceValues.AsExpected,
        [SurveyInputIds.Resolution] = Low ? SurveyChoiceValues.No : SurveyChoiceValues.Yes,
        [SurveyInputIds.Driver] = Low ? QualityDriver.WaitingTime : QualityDriver.Empathy,
        [SurveyInputIds.Comment] = Low ? "I waited forty minutes and my question is still not answered." : "Friendly and quick, thank you.",
        [SurveyInputIds.Consent] = consent ? SurveyChoiceValues.ConsentGiven : SurveyChoiceValues.ConsentRefused,
    };
}

/// <summary>What the submit benchmark measured.</summary>
internal sealed record SubmitResult(
    LatencySummary Latency,
    TimeSpan Wall,
    IReadOnlyList<(string Kind, int Count)> Mix,
    IReadOnlyList<(string Kind, IReadOnlyList<string> Requests)> RequestsPerSubmit,
    CpuTime Cpu,
    TableEntity ResponseRow)
{
    /// <summary>
    /// Put between a probe's requests sent before the client had read the answer and those after. The work after the
    /// answer starts as the answer is written, so its first requests usually land before the mark.
    /// </summary>
    public const string AnswerMark = "**client has the answer**";

    public double PerSecond => Latency.Count / Wall.TotalSeconds;

    /// <summary>Storage requests per submit, weighted by the measured mix.</summary>
    public double RequestsPerSubmitInMix =>
        (double)Mix.Sum(m => m.Count * RequestsPerSubmit.First(r => r.Kind == m.Kind).Requests.Count(q => q != AnswerMark)) / Latency.Count;
}

/// <summary>
/// Customers answer their surveys over HTTP, one worker per conversation, each sequentially and as fast as the bot
/// answers. Setup (not timed): install the app for every customer, set the alerts channel in one tenant, post the
/// contacts, send the surveys, take each card's survey id and token from the fake connector.
/// </summary>
internal sealed class SubmitBenchmark(AzuriteProcess azurite, BenchmarkOptions options)
{
    public async Task<SubmitResult> RunAsync()
    {
        await using var app = new BenchmarkApp(azurite);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = app.Start() };
        var customers = Enumerable.Range(0, options.Conversations).Select(TeamsCustomer.Create).ToList();
        var jobs = Plan(customers);

        await SetUpAsync(app, http, customers, jobs);

        var probe = await ProbeAsync(app, http, jobs.Where(j => j.Phase == Phase.Probe));
        await RunConcurrentlyAsync(http, jobs.Where(j => j.Phase == Phase.Warmup));
        var measured = jobs.Where(j => j.Phase == Phase.Measured).ToList();
        var cpuBefore = CpuTime.Now(azurite.ProcessId);
        var wall = await RunConcurrentlyAsync(http, measured);
        var cpu = CpuTime.Now(azurite.ProcessId) - cpuBefore;

        await VerifyAsync(app, jobs);
        var mix = measured.GroupBy(j => j.Kind).Select(g => (g.Key, g.Count())).OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
        return new SubmitResult(Percentiles.Summarize(measured.Select(j => j.Latency)), wall, mix, probe, cpu, await ResponseRowAsync(app));
    }

    /// <summary>
    /// Three probe submits (one per path, requests recorded), then warm-up and measured submits round-robin over the
    /// customers. Per customer every tenth answer from the fourth is CSAT 1 with consent (call-back), every tenth from
    /// the eighth CSAT 2 without; the rest 4 or 5.
    /// </summary>
    private List<SurveyJob> Plan(List<TeamsCustomer> customers)
    {
        var jobs = new List<SurveyJob>
        {
            new(customers[0], Phase.Probe, 5, consent: false),
            new(customers[0], Phase.Probe, 1, consent: true),
            new(customers[1 % customers.Count], Phase.Probe, 2, consent: false),
        };
        var answered = new int[customers.Count];
        foreach (var (phase, count) in new[] { (Phase.Warmup, options.Warmup), (Phase.Measured, options.Submits) })
        {
            for (var i = 0; i < count; i++)
            {
                var customer = customers[i % customers.Count];
                var csat = (answered[customer.Index]++ % 10) switch { 3 => 1, 7 => 2, var n => 4 + (n % 2) };
                jobs.Add(new SurveyJob(customer, phase, csat, consent: csat == 1));
            }
        }

        return jobs;
    }

    private static async Task SetUpAsync(BenchmarkApp app, HttpClient http, List<TeamsCustomer> customers, List<SurveyJob> jobs)
    {
        foreach (var customer in customers)
        {
            await ExpectAsync(HttpStatusCode.OK, PostAsync(http, BotEndpoints.MessagesPath, customer.Install()), "installationUpdate");
        }

        await ExpectAsync(HttpStatusCode.OK, PostAsync(http, BotEndpoints.MessagesPath, TeamsCustomer.UseChannelForAlerts(BenchmarkApp.SupervisorAad)), "use this channel for alerts");
        if ((await app.Services.GetRequiredService<IChannelDesignations>().ListAsync(TeamsCustomer.TenantWithAlerts, CancellationToken.None)).Count == 0)
        {
            throw new InvalidOperationException("The alerts channel was not set.");
        }

        // One customer's contacts one after another (their preferences row is updated per contact), customers at once.
        await Task.WhenAll(jobs.GroupBy(j => j.Customer).Select(customerJobs => Task.Run(async () =>
        {
            foreach (var job in customerJobs)
            {
                var body = await ExpectAsync(HttpStatusCode.Accepted, PostAsync(http, ContactsEndpoints.Path, job.Customer.Contact(job.ContactId), BenchmarkApp.ApiKey), "contact");
                if (JsonNode.Parse(body)?["surveyId"]?.GetValue<string>() != job.SurveyId)
                {
                    throw new InvalidOperationException($"Contact {job.ContactId} was not scheduled: {body}");
                }
            }
        })));

        await app.DispatchAllAsync(dispatchers: 4);
        var tokens = SurveyTokens(app.Connector);
        foreach (var job in jobs)
        {
            var token = tokens.GetValueOrDefault(job.SurveyId) ?? throw new InvalidOperationException($"Survey {job.SurveyId} was not sent.");
            job.Payload = JsonSerializer.SerializeToUtf8Bytes(job.Customer.Answer(job.AnswerData(token)));
        }
    }

    /// <summary>Survey id to token, read from the send button of every survey card the bot sent.</summary>
    private static Dictionary<string, string> SurveyTokens(FakeConnectorClient connector)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var activity in connector.CallsOf(ConnectorOperation.Send).Select(c => c.Activity!))
        {
            foreach (var node in (activity.Attachments ?? []).SelectMany(a => Descendants(a.Content)))
            {
                if (SurveyAnswerAction.TryRead(node, out var action))
                {
                    tokens[action.SurveyId] = action.Token;
                }
            }
        }

        return tokens;
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    /// <summary>One submit per path, alone, with its storage requests recorded.</summary>
    private static async Task<List<(string Kind, IReadOnlyList<string> Requests)>> ProbeAsync(BenchmarkApp app, HttpClient http, IEnumerable<SurveyJob> probes)
    {
        using var requests = new StorageRequests(app.TablePrefix);
        var probed = new List<(string, IReadOnlyList<string>)>();
        foreach (var job in probes)
        {
            // The previous submit's work after its answer (survey update, ledger completion, funnel) ends first.
            await Task.Delay(TimeSpan.FromSeconds(1));
            requests.Take();
            await SubmitAsync(http, job);
            var beforeAnswer = requests.Take();
            await Task.Delay(TimeSpan.FromSeconds(1));
            probed.Add((job.Kind, [.. beforeAnswer, SubmitResult.AnswerMark, .. requests.Take()]));
        }

        return probed;
    }

    /// <summary>One worker per conversation submits its surveys in order; returns the wall time of all.</summary>
    private static async Task<TimeSpan> RunConcurrentlyAsync(HttpClient http, IEnumerable<SurveyJob> jobs)
    {
        var conversations = jobs.GroupBy(j => j.Customer).ToList();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(conversations.Select(conversation => Task.Run(async () =>
        {
            foreach (var job in conversation)
            {
                await SubmitAsync(http, job);
            }
        })));
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Sends the job's invoke and records the answer and its latency (until the body is read).</summary>
    internal static async Task SubmitAsync(HttpClient http, SurveyJob job)
    {
        var start = Stopwatch.GetTimestamp();
        using var content = new ByteArrayContent(job.Payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(BotEndpoints.MessagesPath, content);
        job.Body = await response.Content.ReadAsStringAsync();
        job.Latency = Stopwatch.GetElapsedTime(start);
        job.Status = response.StatusCode;
    }

    /// <summary>Every submit got its thank-you card, and storage holds exactly one response per submit.</summary>
    private async Task VerifyAsync(BenchmarkApp app, List<SurveyJob> jobs)
    {
        var dueHours = app.Services.GetRequiredService<IOptions<FollowUpOptions>>().Value.DueHours;
        var wrongCards = jobs.Where(job =>
        {
            var expected = CardJson.ToJsonObject(ThankYouCard.Build(job.Promise, BotCulture.English, job.Promise == FollowUpPromise.CallBack ? dueHours : 0));
            return job.Status != HttpStatusCode.OK || !JsonNode.DeepEquals(JsonNode.Parse(job.Body)?["value"], expected);
        }).ToList();

        var failures = wrongCards.Take(5).Select(job => $"Survey {job.SurveyId} ({job.Kind}) got no thank-you card: {(int)job.Status} {Shorten(job.Body)}").ToList();
        Check(failures, "submits answered with the right thank-you card", jobs.Count - wrongCards.Count, jobs.Count);
        await app.Services.GetRequiredService<PostAnswerWork>().DrainAsync(CancellationToken.None);
        Check(failures, "SurveyResponses rows", await CountAsync(Table(app, "SurveyResponses"), ResponseRows), jobs.Count);
        // The answer writes its response only: the survey says Sent until its expiry work records Answered.
        Check(failures, "surveys Sent", await CountAsync(Table(app, "Surveys"), TableClient.CreateQueryFilter($"Status eq {nameof(SurveyStatus.Sent)}")), jobs.Count);
        Check(failures, "FollowUps rows", await CountAsync(Table(app, "FollowUps")), jobs.Count(j => j.Low));
        // Follow-up cards go out through the outbox, after the answer: send what it holds now, then count.
        await app.DispatchAllAsync(dispatchers: 1);
        var cardsPosted = app.Connector.CallsOf(ConnectorOperation.Send).Count(c => c.ConversationId == TeamsCustomer.AlertsChannelId && c.Activity?.Attachments is { Count: > 0 });
        Check(failures, "follow-up cards posted", cardsPosted, jobs.Count(j => j.Low && j.Customer.HasAlertsChannel));
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("Checks failed; the figures are not valid:\n" + string.Join("\n", failures));
        }
    }

    private static void Check(List<string> failures, string what, int actual, int expected)
    {
        if (actual != expected)
        {
            failures.Add($"{what}: {actual.ToString(CultureInfo.InvariantCulture)}, expected {expected.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static readonly string ResponseRows = TableClient.CreateQueryFilter($"RowKey ge {"r|"} and RowKey lt {"r}"}");

    private TableClient Table(BenchmarkApp app, string name) => new(azurite.ConnectionString, app.TablePrefix + name);

    private static async Task<int> CountAsync(TableClient table, string? filter = null)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>A stored response row, the model for the raw upserts.</summary>
    private async Task<TableEntity> ResponseRowAsync(BenchmarkApp app)
    {
        await foreach (var row in Table(app, "SurveyResponses").QueryAsync<TableEntity>(ResponseRows, maxPerPage: 1))
        {
            return row;
        }

        throw new InvalidOperationException("No response was stored.");
    }

    private static async Task<string> ExpectAsync(HttpStatusCode expected, Task<(HttpStatusCode Status, string Body)> request, string what)
    {
        var (status, body) = await request;
        return status == expected
            ? body
            : throw new InvalidOperationException($"{what}: {(int)status} instead of {(int)expected}: {Shorten(body)}");
    }

    private static async Task<(HttpStatusCode, string)> PostAsync(HttpClient http, string path, JsonObject body, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (apiKey is not null)
        {
            request.Headers.Add(ApiOptions.KeyHeader, apiKey);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
