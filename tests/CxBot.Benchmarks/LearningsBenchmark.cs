using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.App.Hosting;
using CxBot.App.Learnings;
using CxBot.Domain.Learnings;
using CxBot.Domain.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Benchmarks;

/// <summary>What the learnings benchmark measured.</summary>
internal sealed record LearningsResult(int Learnings, int Instances, int Agents, TimeSpan Seeding, IReadOnlyList<TimeSpan> FirstFound, TimeSpan SlowestBeforeFound,
    LatencySummary Searches,
    TimeSpan Wall, int Reloads, int OverLimit);

/// <summary>
/// The message-extension search (<c>composeExtension/query</c>) at N stored learnings: the learnings are seeded into
/// the table, two app instances share it (each with its own in-memory index), and agents search over HTTP, one worker
/// per agent, alternating between the instances, while a supervisor answers "did this help?" every two seconds on the
/// first instance, so that both instances see the version change and reload their indexes in the background during the
/// measured searches.
/// </summary>
internal sealed class LearningsBenchmark(AzuriteProcess azurite, BenchmarkOptions options)
{
    public const string RunsEnd = "<!-- learnings-runs:end -->";
    public static readonly TimeSpan TeamsLimit = TimeSpan.FromSeconds(5);
    private const int Instances = 2;
    private const int SearchesPerAgent = 25;

    private static readonly string[] Subjects =
    [
        "invoice", "refund", "parcel", "delivery", "password", "contract", "discount code", "direct debit", "warranty", "app",
        "factuur", "terugbetaling", "pakket", "bezorging", "wachtwoord", "abonnement", "kortingscode", "incasso", "garantie", "retour",
    ];

    private static readonly string[] Troubles =
    [
        "was charged twice", "arrived late", "never arrived", "shows the wrong amount", "was cancelled without notice", "does not work",
        "is twee keer betaald", "kwam te laat", "is niet ontvangen", "toont het verkeerde bedrag", "werkt niet", "is kwijtgeraakt",
    ];

    private static readonly string[] Queries =
    [
        "charged twice invoice", "refund late", "parcel never arrived", "password reset", "discount codes", "direct debit failed",
        "factuur dubbel betaald", "pakketten kwijt", "wachtwoord werkt niet", "kortingscode afrekenen", "garantie reparatie", "bezorging te laat",
    ];

    public async Task<LearningsResult> RunAsync()
    {
        var agents = Enumerable.Range(0, options.Conversations).Select(SignalAgent.Create).ToList();
        var settings = agents.ToDictionary(a => $"Roles:Agents:{a.Index.ToString(CultureInfo.InvariantCulture)}", a => (string?)a.AadObjectId);
        // Each index load is logged (how many learnings, on which instance), to the benchmark's error output.
        settings["Logging:LogLevel:CxBot.App.Learnings.LearningIndexCache"] = "Information";
        settings["Storage:TablePrefix"] = "L" + Guid.NewGuid().ToString("N")[..12];

        // Seeded through an app of its own before the measured instances start, so that each of them loads the whole set
        // when it starts (a load that overlapped the seeding would hold part of it until its next check).
        TimeSpan seeding;
        await using (var seeder = new BenchmarkApp(azurite, settings))
        {
            seeding = await SeedAsync(seeder.Services.GetRequiredService<ILearningStore>(), options.Learnings);
        }

        await using var first = new BenchmarkApp(azurite, settings);
        await using var second = new BenchmarkApp(azurite, settings);
        using var http1 = Client(first.Start());
        using var http2 = Client(second.Start());
        var clients = new[] { http1, http2 };

        // Each instance loads the whole set when it starts; a search before that load ends waits up to 3 s and then
        // answers "try again". Searched until it finds, every search timed (and checked against the limit), apart.
        var cold = new List<TimeSpan>();
        var firstFound = new List<TimeSpan>();
        foreach (var client in clients)
        {
            var waiting = Stopwatch.GetTimestamp();
            while (true)
            {
                var call = new TimedCall { Payload = Query(agents[0], Queries[0]) };
                await call.PostAsync(client);
                cold.Add(call.Latency);
                if (HasResults(call))
                {
                    break;
                }

                Check(Stopwatch.GetElapsedTime(waiting) < TimeSpan.FromMinutes(2), "An instance found no learnings within 2 minutes of its start.");
            }

            firstFound.Add(Stopwatch.GetElapsedTime(waiting));
        }

        using var stop = new CancellationTokenSource();
        var reloads = 0;
        var writer = Task.Run(async () =>
        {
            var store = first.Services.GetRequiredService<ILearningStore>();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await store.AnswerAsync(SeedId(i % options.Learnings), "supervisor-" + i.ToString(CultureInfo.InvariantCulture), helpful: true, DateTimeOffset.UtcNow, CancellationToken.None);
                reloads++;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var calls = new List<(TimedCall Call, string Query)>();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(agents.Select(agent => Task.Run(async () =>
        {
            for (var n = 0; n < SearchesPerAgent; n++)
            {
                var query = Queries[(agent.Index + n) % Queries.Length];
                var call = new TimedCall { Payload = Query(agent, query) };
                await call.PostAsync(clients[(agent.Index + n) % Instances]);
                lock (calls)
                {
                    calls.Add((call, query));
                }
            }
        })));
        var wall = Stopwatch.GetElapsedTime(start);
        await stop.CancelAsync();
        await writer;

        foreach (var (call, query) in calls)
        {
            Check(call, query);
        }

        var latencies = calls.Select(c => c.Call.Latency).Concat(cold).ToList();
        return new LearningsResult(options.Learnings, Instances, agents.Count, seeding, firstFound, cold.Max(), Percentiles.Summarize(calls.Select(c => c.Call.Latency)), wall,
            reloads, latencies.Count(l => l >= TeamsLimit));
    }

    private static HttpClient Client(Uri address) =>
        new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Inserts the learnings, 16 at a time (each its own partition, so no batches).</summary>
    private static async Task<TimeSpan> SeedAsync(ILearningStore store, int count)
    {
        var start = Stopwatch.GetTimestamp();
        var at = DateTimeOffset.UtcNow.AddDays(-400);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var subject = Subjects[i % Subjects.Length];
            var trouble = Troubles[(i / Subjects.Length) % Troubles.Length];
            await store.AddOrGetAsync(new Learning
            {
                LearningId = SeedId(i),
                TenantId = SignalAgent.TenantId,
                Problem = string.Create(CultureInfo.InvariantCulture, $"The customer's {subject} {trouble} (case {i})"),
                Answer = string.Create(CultureInfo.InvariantCulture, $"Check the {subject} in the order history, apologise, and follow the steps of procedure {i % 97}."),
                Driver = "reliability",
                TopicKey = "billing",
                Source = new LearningSource(LearningSourceKind.Signal, "seed-" + i.ToString(CultureInfo.InvariantCulture)),
                Language = i % 2 == 0 ? "en" : "nl",
                PublishedBy = new PersonRef("Seed"),
                PublishedAt = at.AddMinutes(i),
            }, ct);
        });
        return Stopwatch.GetElapsedTime(start);
    }

    private static string SeedId(int i) => "seed-learning-" + i.ToString("D7", CultureInfo.InvariantCulture);

    private static byte[] Query(SignalAgent agent, string words)
    {
        var activity = agent.Invoke(LearningsModule.QueryInvoke, new JsonObject
        {
            ["commandId"] = LearningSearchHandler.CommandId,
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = words }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
            ["commandContext"] = "compose",
        });
        return JsonSerializer.SerializeToUtf8Bytes(activity);
    }

    private static bool HasResults(TimedCall call)
    {
        var body = call.Status == HttpStatusCode.OK && call.Body.Length > 0 ? JsonNode.Parse(call.Body) : null;
        return (string?)body?["composeExtension"]?["type"] == "result" && body["composeExtension"]!["attachments"] is JsonArray { Count: > 0 };
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }

    /// <summary>Every search answered 200 with a result list holding at least one learning.</summary>
    private static void Check(TimedCall call, string query)
    {
        if (!HasResults(call))
        {
            throw new InvalidOperationException($"The search '{query}' was answered {(int)call.Status} without results: {(call.Body.Length <= 300 ? call.Body : call.Body[..300])}");
        }
    }

    /// <summary>The run as Markdown.</summary>
    public static string Markdown(LearningsResult result, MachineFacts machine, string loadBefore, string loadAfter, DateTimeOffset at)
    {
        var s = result.Searches;
        var firsts = string.Join(", ", result.FirstFound.Select(c => c.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms"));
        return string.Create(CultureInfo.InvariantCulture, $"""
            ## CxBot learnings search benchmark, {at:yyyy-MM-dd HH:mm} UTC

            - Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Os}; {machine.Dotnet}, CxBot.App {machine.AppBuild}, {machine.Gc}; Azurite {machine.Azurite} (in memory)
            - Load average (1/5/15 min): before {loadBefore}, after {loadAfter}
            - {result.Learnings} learnings seeded in {result.Seeding.TotalSeconds:0.0} s; {result.Instances} app instances on one table; {result.Agents} agents at once, {SearchesPerAgent} searches each, alternating instances; {result.Reloads} helpfulness answers during the run (each moves the version row: both instances reload at their next check)
            - From the first search until an instance found the learnings (its start-up load of all {result.Learnings}; a search meanwhile answers "try again" after at most 3 s): {firsts}; slowest of those searches {result.SlowestBeforeFound.TotalMilliseconds:0} ms

            | what | requests | wall s | p50 ms | p95 ms | p99 ms | max ms |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: |
            | `composeExtension/query` → result cards | {s.Count} | {result.Wall.TotalSeconds:0.00} | {s.P50:0.0} | {s.P95:0.0} | {s.P99:0.0} | {s.Max:0.0} |

            Searches at or over Teams' 5-second limit (first searches included): {result.OverLimit}.

            """);
    }

    /// <summary>One row of the runs table in docs/performance.md.</summary>
    public static string Row(LearningsResult result, string loadBefore, string loadAfter, DateTimeOffset at)
    {
        var s = result.Searches;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {at:yyyy-MM-dd HH:mm} | {loadBefore} → {loadAfter} | {result.Learnings} | {result.Instances} | {result.Agents} | {result.SlowestBeforeFound.TotalMilliseconds:0.0} | {s.Count} | {s.P50:0.0} | {s.P95:0.0} | {s.Max:0.0} | {result.Reloads} | {result.OverLimit} |");
    }
}
