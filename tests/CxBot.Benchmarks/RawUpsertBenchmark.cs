using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CxBot.Testing.Processes;

namespace CxBot.Benchmarks;

/// <summary>What the raw upserts measured; <see cref="EntityBytes"/> is the row's properties as JSON.</summary>
internal sealed record RawUpsertResult(LatencySummary Latency, TimeSpan Wall, CpuTime Cpu, int EntityBytes)
{
    public double PerSecond => Latency.Count / Wall.TotalSeconds;
}

/// <summary>
/// The storage floor beside the submits: plain <c>UpsertEntity</c> (Replace, as the response's period copy is
/// written) of copies of a stored response row, one worker per conversation, against the same Azurite, with the
/// app stopped. Rows go to one partition with ever-new row keys, like a month of responses.
/// </summary>
internal static class RawUpsertBenchmark
{
    public static async Task<RawUpsertResult> RunAsync(AzuriteProcess azurite, TableEntity responseRow, BenchmarkOptions options)
    {
        var table = new TableClient(azurite.ConnectionString, "RawUpserts" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        var template = new TableEntity(responseRow);
        template.Remove("odata.etag");
        template.Remove("Timestamp");

        await UpsertConcurrentlyAsync(table, template, options.Conversations, Math.Max(options.Conversations, options.Upserts / 10));
        var cpuBefore = CpuTime.Now(azurite.ProcessId);
        var (latencies, wall) = await UpsertConcurrentlyAsync(table, template, options.Conversations, options.Upserts);
        var cpu = CpuTime.Now(azurite.ProcessId) - cpuBefore;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(template.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture))).Length;
        return new RawUpsertResult(Percentiles.Summarize(latencies), wall, cpu, bytes);
    }

    private static async Task<(List<TimeSpan> Latencies, TimeSpan Wall)> UpsertConcurrentlyAsync(TableClient table, TableEntity template, int workers, int upserts)
    {
        var start = Stopwatch.GetTimestamp();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var latencies = new List<TimeSpan>();
            for (var i = worker; i < upserts; i += workers)
            {
                var entity = new TableEntity(template)
                {
                    PartitionKey = template.PartitionKey,
                    RowKey = DateTime.UtcNow.Ticks.ToString("D19", CultureInfo.InvariantCulture) + "|" + Guid.NewGuid().ToString("N"),
                };
                var begin = Stopwatch.GetTimestamp();
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
                latencies.Add(Stopwatch.GetElapsedTime(begin));
            }

            return latencies;
        })));
        return ([.. perWorker.SelectMany(l => l)], Stopwatch.GetElapsedTime(start));
    }
}
