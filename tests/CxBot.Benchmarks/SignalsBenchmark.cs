using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.App.Hosting;
using CxBot.App.Signals.Cards;
using CxBot.Domain.Signals;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Benchmarks;

/// <summary>What the signals benchmark measured.</summary>
internal sealed record SignalsResult(
    int Agents,
    LatencySummary OneLiners,
    TimeSpan OneLinerWall,
    LatencySummary Fetch,
    LatencySummary Submit,
    TimeSpan ActionWall,
    int OverLimit,
    int Redelivered)
{
    public double OneLinersPerSecond => OneLiners.Count / OneLinerWall.TotalSeconds;
}

/// <summary>One timed request and what the bot answered.</summary>
internal sealed class TimedCall
{
    public byte[] Payload { get; set; } = [];
    public HttpStatusCode Status { get; set; }
    public string Body { get; set; } = "";
    public TimeSpan Latency { get; set; }

    /// <summary>Posts the payload to the bot's messaging endpoint and notes the status, the body and the time to read it.</summary>
    public async Task PostAsync(HttpClient http)
    {
        var start = Stopwatch.GetTimestamp();
        using var content = new ByteArrayContent(Payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(BotEndpoints.MessagesPath, content);
        Body = await response.Content.ReadAsStringAsync();
        Latency = Stopwatch.GetElapsedTime(start);
        Status = response.StatusCode;
    }
}

/// <summary>One agent's one-liner.</summary>
internal sealed class OneLinerJob(SignalAgent agent, Phase phase, int number)
{
    public SignalAgent Agent => agent;
    public Phase Phase => phase;
    public string Description { get; } = string.Create(CultureInfo.InvariantCulture, $"customer was charged twice for March ({agent.Index}-{number}-{Guid.NewGuid():N})");
    public string ActivityId { get; } = Guid.NewGuid().ToString();
    public TimedCall Call { get; } = new();
}

/// <summary>One agent's message action: the fetch that opens the form, then the submit of the filled form.</summary>
internal sealed class MessageActionJob(SignalAgent agent, Phase phase, int number)
{
    public SignalAgent Agent => agent;
    public Phase Phase => phase;
    public string Message { get; } = string.Create(CultureInfo.InvariantCulture, $"If the fee stays this high I will cancel ({agent.Index}-{number}-{Guid.NewGuid():N})");
    public string? SignalId { get; set; }
    public TimedCall Fetch { get; } = new();
    public TimedCall Submit { get; } = new();
}

/// <summary>
/// Agents log signals over HTTP, one worker per agent, each sequentially and as fast as the bot answers: first
/// one-liners (<c>signal complaint billing: ...</c>, from the message activity until the bot's HTTP answer, the
/// confirmation card having been posted to the connector in the turn), then the message action (the
/// <c>composeExtension/fetchTask</c> invoke until its dialog is read, then the <c>composeExtension/submitAction</c>
/// of the filled form until its confirmation is read). The app runs in this process on Azurite with the fake connector.
/// </summary>
internal sealed class SignalsBenchmark(AzuriteProcess azurite, BenchmarkOptions options)
{
    public const string RunsEnd = "<!-- signal-runs:end -->";
    public static readonly TimeSpan TeamsLimit = TimeSpan.FromSeconds(5);
    private const int WarmUpPerAgent = 2;
    private const string Confirmation = "Signal logged: Complaint, Billing.";

    public async Task<SignalsResult> RunAsync()
    {
        var agents = Enumerable.Range(0, options.Conversations).Select(SignalAgent.Create).ToList();
        var settings = agents.ToDictionary(a => $"Roles:Agents:{a.Index.ToString(CultureInfo.InvariantCulture)}", a => (string?)a.AadObjectId);
        await using var app = new BenchmarkApp(azurite, settings);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = app.Start(), Timeout = TimeSpan.FromSeconds(60) };

        var oneLiners = Plan(agents, options.Signals, (agent, phase, n) => new OneLinerJob(agent, phase, n));
        foreach (var job in oneLiners)
        {
            job.Call.Payload = JsonSerializer.SerializeToUtf8Bytes(job.Agent.OneLiner(job.ActivityId, "signal complaint billing: " + job.Description));
        }

        var actions = Plan(agents, Math.Max(agents.Count, options.Signals / 4), (agent, phase, n) => new MessageActionJob(agent, phase, n));
        foreach (var job in actions)
        {
            job.Fetch.Payload = JsonSerializer.SerializeToUtf8Bytes(job.Agent.FetchTask(job.Message));
        }

        // The first one-liner alone: the tenant's topic list is seeded by the first read.
        await oneLiners[0].Call.PostAsync(http);
        await RunPerAgentAsync(oneLiners.Skip(1).Where(j => j.Phase == Phase.Warmup), j => j.Agent, j => j.Call.PostAsync(http));
        var measuredLines = oneLiners.Where(j => j.Phase == Phase.Measured).ToList();
        var lineWall = await RunPerAgentAsync(measuredLines, j => j.Agent, j => j.Call.PostAsync(http));

        await RunPerAgentAsync(actions.Where(j => j.Phase == Phase.Warmup), j => j.Agent, j => MessageActionAsync(http, j));
        var measuredActions = actions.Where(j => j.Phase == Phase.Measured).ToList();
        var actionWall = await RunPerAgentAsync(measuredActions, j => j.Agent, j => MessageActionAsync(http, j));

        // Redelivered activities (Teams retries when an answer is slow): one per agent, untimed, must store nothing twice.
        var redelivered = measuredLines.GroupBy(j => j.Agent).Select(g => g.First()).ToList();
        foreach (var job in redelivered)
        {
            var again = new TimedCall { Payload = job.Call.Payload };
            await again.PostAsync(http);
            Check(again.Status == HttpStatusCode.OK, $"The redelivered one-liner {job.ActivityId} was answered {(int)again.Status}.");
        }

        await VerifyAsync(app, agents, oneLiners, actions);
        var timed = measuredActions.SelectMany(j => new[] { j.Fetch, j.Submit }).Concat(measuredLines.Select(j => j.Call));
        return new SignalsResult(
            agents.Count,
            Percentiles.Summarize(measuredLines.Select(j => j.Call.Latency)),
            lineWall,
            Percentiles.Summarize(measuredActions.Select(j => j.Fetch.Latency)),
            Percentiles.Summarize(measuredActions.Select(j => j.Submit.Latency)),
            actionWall,
            timed.Count(c => c.Latency >= TeamsLimit),
            redelivered.Count);
    }

    /// <summary><see cref="WarmUpPerAgent"/> warm-up jobs per agent, then <paramref name="measured"/> round-robin over the agents.</summary>
    private static List<T> Plan<T>(List<SignalAgent> agents, int measured, Func<SignalAgent, Phase, int, T> create)
    {
        var jobs = new List<T>();
        var number = 0;
        foreach (var (phase, count) in new[] { (Phase.Warmup, WarmUpPerAgent * agents.Count), (Phase.Measured, measured) })
        {
            for (var i = 0; i < count; i++)
            {
                jobs.Add(create(agents[i % agents.Count], phase, number++));
            }
        }

        return jobs;
    }

    /// <summary>One worker per agent runs its jobs in order; returns the wall time of all.</summary>
    private static async Task<TimeSpan> RunPerAgentAsync<T>(IEnumerable<T> jobs, Func<T, SignalAgent> agentOf, Func<T, Task> run)
    {
        var perAgent = jobs.GroupBy(agentOf).ToList();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(perAgent.Select(agentJobs => Task.Run(async () =>
        {
            foreach (var job in agentJobs)
            {
                await run(job);
            }
        })));
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Fetch (timed), fill the dialog's form as the agent would, submit (timed).</summary>
    private static async Task MessageActionAsync(HttpClient http, MessageActionJob job)
    {
        await job.Fetch.PostAsync(http);
        Check(job.Fetch.Status == HttpStatusCode.OK, $"fetchTask was answered {(int)job.Fetch.Status}: {Shorten(job.Fetch.Body)}");
        var task = JsonNode.Parse(job.Fetch.Body)?["task"];
        Check((string?)task?["type"] == "continue", $"fetchTask opened no dialog: {Shorten(job.Fetch.Body)}");
        var form = task!["value"]!["card"]!["content"]!;
        var description = (string?)Descendants(form).FirstOrDefault(e => (string?)e["id"] == SignalForm.DescriptionInput)?["value"];
        Check(description?.Contains(job.Message, StringComparison.Ordinal) == true, $"The dialog's form is not prefilled with the message: {description}");
        var data = Descendants(form).Single(e => (string?)e["type"] == "Action.Submit")["data"]!.DeepClone().AsObject();
        job.SignalId = (string?)data[SignalCaptureAction.SignalIdProperty];
        data[SignalForm.KindInput] = "complaint";
        data[SignalForm.TopicInput] = "billing";
        data[SignalForm.SeverityInput] = "medium";
        data[SignalForm.DescriptionInput] = description;
        job.Submit.Payload = JsonSerializer.SerializeToUtf8Bytes(job.Agent.SubmitAction(data));
        await job.Submit.PostAsync(http);
    }

    /// <summary>
    /// Every one-liner answered 200 with a confirmation card posted to its agent's chat, every submit confirmed, and each
    /// agent's list holds every signal they logged exactly once (redeliveries included).
    /// </summary>
    private static async Task VerifyAsync(BenchmarkApp app, List<SignalAgent> agents, List<OneLinerJob> oneLiners, List<MessageActionJob> actions)
    {
        var failures = new List<string>();
        void Expect(string what, int actual, int expected)
        {
            if (actual != expected)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: {actual}, expected {expected}"));
            }
        }

        Expect("one-liners answered 200", oneLiners.Count(j => j.Call.Status == HttpStatusCode.OK), oneLiners.Count);
        Expect("submits answered with the confirmation",
            actions.Count(j => j.Submit.Status == HttpStatusCode.OK && (string?)JsonNode.Parse(j.Submit.Body)?["task"]?["value"] == Confirmation), actions.Count);
        var confirmations = app.Connector.PostedActivities
            .Where(a => a.Attachments is { Count: > 0 } && a.Attachments.Any(x => x.Content?.ToJsonString().Contains("Signal logged", StringComparison.Ordinal) == true))
            .ToList();
        Expect("confirmation cards posted for one-liners (a redelivery may repeat its card)", Math.Min(confirmations.Count, oneLiners.Count), oneLiners.Count);

        var store = app.Services.GetRequiredService<ISignalStore>();
        var storedTotal = 0;
        foreach (var agent in agents)
        {
            var stored = new List<Signal>();
            string? token = null;
            do
            {
                var page = await store.ListByReporterAsync(SignalAgent.TenantId, agent.AadObjectId, 100, token, CancellationToken.None);
                stored.AddRange(page.Signals);
                token = page.ContinuationToken;
            }
            while (token is not null);

            storedTotal += stored.Count;
            var expected = oneLiners.Where(j => j.Agent == agent).Select(j => j.Description)
                .Concat(actions.Where(j => j.Agent == agent).Select(j => "Lynne Robbins: " + j.Message)).Order(StringComparer.Ordinal).ToList();
            var actual = stored.Select(s => s.Description).Order(StringComparer.Ordinal).ToList();
            if (!expected.SequenceEqual(actual))
            {
                failures.Add($"{agent.Name}'s list holds {actual.Count} signals, expected {expected.Count} distinct ones (first difference: {expected.Except(actual).Concat(actual.Except(expected)).FirstOrDefault() ?? "a duplicate"})");
            }
        }

        Expect("signals stored", storedTotal, oneLiners.Count + actions.Count);
        foreach (var job in actions.Take(5))
        {
            var signal = job.SignalId is null ? null : await store.GetAsync(job.SignalId, CancellationToken.None);
            Check(signal is { Capture: SignalCapture.MessageAction, Version: 1 }, $"The message action's signal {job.SignalId} is missing or not from the message action.");
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException("Checks failed; the figures are not valid:\n" + string.Join("\n", failures.Take(10)));
        }
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    /// <summary>The run as Markdown.</summary>
    public static string Markdown(SignalsResult result, MachineFacts machine, string loadBefore, string loadAfter, DateTimeOffset at)
    {
        var (l, f, s) = (result.OneLiners, result.Fetch, result.Submit);
        return string.Create(CultureInfo.InvariantCulture, $"""
            ## CxBot signals benchmark, {at:yyyy-MM-dd HH:mm} UTC

            - Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Os}; {machine.Dotnet}, CxBot.App {machine.AppBuild}, {machine.Gc}; Azurite {machine.Azurite} (in memory)
            - Load average (1/5/15 min): before {loadBefore}, after {loadAfter}
            - {result.Agents} agents at once, each sending its next request when the last was answered; {WarmUpPerAgent} warm-up one-liners and message actions per agent; {result.Redelivered} one-liners redelivered afterwards (stored once)

            | what | requests | wall s | per second | p50 ms | p95 ms | p99 ms | max ms |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            | one-liner `signal complaint billing: ...` → confirmation card | {l.Count} | {result.OneLinerWall.TotalSeconds:0.00} | {result.OneLinersPerSecond:0} | {l.P50:0.0} | {l.P95:0.0} | {l.P99:0.0} | {l.Max:0.0} |
            | message action `composeExtension/fetchTask` → form dialog | {f.Count} | | | {f.P50:0.0} | {f.P95:0.0} | {f.P99:0.0} | {f.Max:0.0} |
            | message action `composeExtension/submitAction` → stored, confirmed | {s.Count} | {result.ActionWall.TotalSeconds:0.00} | | {s.P50:0.0} | {s.P95:0.0} | {s.P99:0.0} | {s.Max:0.0} |

            Requests at or over Teams' 5-second limit: {result.OverLimit}.

            """);
    }

    /// <summary>One row of the runs table in docs/performance.md.</summary>
    public static string Row(SignalsResult result, string loadBefore, string loadAfter, DateTimeOffset at)
    {
        var (l, f, s) = (result.OneLiners, result.Fetch, result.Submit);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {at:yyyy-MM-dd HH:mm} | {loadBefore} → {loadAfter} | {result.Agents} | {l.Count} | {l.P50:0.0} | {l.P95:0.0} | {l.Max:0.0} | {f.Count} | {f.P50:0.0} | {f.P95:0.0} | {f.Max:0.0} | {s.P50:0.0} | {s.P95:0.0} | {s.Max:0.0} | {result.OverLimit} |");
    }
}
