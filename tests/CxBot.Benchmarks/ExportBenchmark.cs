using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using CxBot.App.Integrations;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Benchmarks;

internal sealed record ExportResult(long Rows, long Bytes, TimeSpan Wall, long WorkingSetBefore, long PeakWorkingSet, long HeapBefore, long PeakHeap,
    long Allocated, int Gen2Collections)
{
    public double RowsPerSecond => Rows / Wall.TotalSeconds;
}

/// <summary>
/// Streams <paramref name="rows"/> synthetic responses (made up as they are read, so the source holds none of them)
/// through the real CSV writer and <c>GET /api/export</c> behind Kestrel, read by an HTTP client in the same process that
/// counts and drops the bytes. A sampler notes the process's working set and the GC heap every 10 ms: if the exporter
/// held the output, both would grow with the rows.
/// </summary>
internal sealed class ExportBenchmark(AzuriteProcess azurite, int rows)
{
    public const string RunsEnd = "<!-- export-runs:end -->";
    private const string ExportKey = "benchmark-export-key-5a7c9e1b3d";

    public async Task<ExportResult> RunAsync()
    {
        await using var app = new BenchmarkApp(azurite, new Dictionary<string, string?> { ["Api:Keys:Export:0"] = ApiKeyVerifier.Hash(ExportKey) })
        {
            ConfigureServices = services => services.AddSingleton<IResponseQueries>(new SyntheticResponses(rows)),
        };
        var address = app.Start();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(30) };

        // Warm up (JIT, first request) on a small export, then settle the heap before measuring.
        await ReadAsync(client, "/api/export?from=2026-11-01&to=2026-11-01&kind=responses");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen2Before = GC.CollectionCount(2);

        using var stop = new CancellationTokenSource();
        var peakWorkingSet = workingSetBefore;
        var peakHeap = heapBefore;
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(10, CancellationToken.None);
            }
        });

        var watch = Stopwatch.StartNew();
        var (lines, bytes) = await ReadAsync(client, "/api/export?from=2026-01-01&to=2026-12-31&kind=responses");
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        if (lines != rows + 1)
        {
            throw new InvalidOperationException($"The export had {lines} lines, not {rows + 1}.");
        }

        return new ExportResult(rows, bytes, watch.Elapsed, workingSetBefore, peakWorkingSet, heapBefore, peakHeap,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, GC.CollectionCount(2) - gen2Before);
    }

    public static string Markdown(ExportResult r, MachineFacts machine, string loadBefore, string loadAfter, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            ## CxBot export benchmark, {at:yyyy-MM-dd HH:mm} UTC

            - Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Os}; {machine.Dotnet}, CxBot.App {machine.AppBuild}, {machine.Gc}; Azurite {machine.Azurite} (in memory)
            - Load average (1/5/15 min): before {loadBefore}, after {loadAfter}

            | rows | MB written | wall s | rows per second | working set before MB | peak working set MB | GC heap before MB | peak GC heap MB | allocated MB | gen 2 GCs |
            | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            | {r.Rows} | {Mb(r.Bytes):0.0} | {r.Wall.TotalSeconds:0.0} | {r.RowsPerSecond:0} | {Mb(r.WorkingSetBefore):0} | {Mb(r.PeakWorkingSet):0} | {Mb(r.HeapBefore):0} | {Mb(r.PeakHeap):0} | {Mb(r.Allocated):0} | {r.Gen2Collections} |

            """);

    public static string Row(ExportResult r, string loadBefore, string loadAfter, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {at:yyyy-MM-dd HH:mm} | {loadBefore} → {loadAfter} | {r.Rows} | {Mb(r.Bytes):0.0} | {r.Wall.TotalSeconds:0.0} | {r.RowsPerSecond:0} | {Mb(r.WorkingSetBefore):0} | {Mb(r.PeakWorkingSet):0} | {Mb(r.HeapBefore):0} | {Mb(r.PeakHeap):0} | {Mb(r.Allocated):0} | {r.Gen2Collections} |");

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    private static async Task<(long Lines, long Bytes)> ReadAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ApiOptions.KeyHeader, ExportKey);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The export answered {(int)response.StatusCode}.");
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long lines = 0, bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return (lines, bytes);
    }

    /// <summary>Responses made up one at a time as they are streamed, each with a comment of a typical length.</summary>
    private sealed class SyntheticResponses(int count) : IResponseQueries
    {
        private static readonly string[] Comments =
        [
            "", "Snel en vriendelijk geholpen, dank je wel!", "Ik moest drie keer bellen voordat iemand me terugbelde.",
            "The agent understood my situation and kept the promise to call back.",
        ];

        public async IAsyncEnumerable<SurveyResponse> StreamAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var day = from == to ? 1 : count;
            for (var i = 0; i < day; i++)
            {
                if (i % 1000 == 0)
                {
                    // A store page: a real source awaits its next page here.
                    await Task.Yield();
                }

                var at = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero).AddSeconds(i * 31L);
                yield return new SurveyResponse
                {
                    SurveyId = "survey-" + i.ToString("D8", CultureInfo.InvariantCulture),
                    ContactId = "contact-" + i.ToString("D8", CultureInfo.InvariantCulture),
                    DefinitionId = "default",
                    DefinitionVersion = 1,
                    Agent = new PersonRef("agent") { AgentId = "agent-" + (i % 200).ToString(CultureInfo.InvariantCulture) },
                    Queue = "queue-" + (i % 20).ToString(CultureInfo.InvariantCulture),
                    Channel = i % 2 == 0 ? "voice" : "chat",
                    CustomerId = "c" + (i * 7919L % 1_000_003).ToString("x8", CultureInfo.InvariantCulture),
                    Locale = i % 3 == 0 ? "en-US" : "nl-NL",
                    Answers = new SurveyAnswers
                    {
                        Csat = 1 + i % 5,
                        Nps = i % 11,
                        Expectation = (ExpectationAnswer)(i % 3),
                        Resolution = (ResolutionAnswer)(i % 3),
                        Driver = "reliability",
                        Comment = Comments[i % Comments.Length] is { Length: > 0 } c ? c : null,
                        ContactConsent = i % 2 == 0,
                        Raw = new Dictionary<string, string>(),
                    },
                    ContactEndedAt = at,
                    SentAt = at.AddMinutes(5),
                    AnsweredAt = at.AddMinutes(9),
                };
            }
        }

        public Task<ResponsePage> PageAsync(ResponseQuery query, string? continuation, int pageSize, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<SurveyResponse>> LatestLowScoreCommentsAsync(DateOnly from, DateOnly to, ReportScope scope, int count, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
