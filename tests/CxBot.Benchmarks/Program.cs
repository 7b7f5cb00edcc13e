using CxBot.Testing.Processes;

namespace CxBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/CxBot.Benchmarks -- [--conversations 16] [--submits 800] [--warmup 40] [--upserts 2000] [--record]</c>:
/// survey submits per second and their latency against Azurite, with raw Table Storage upserts beside them.
/// <c>-- --throttled-alerts 40 [--record]</c>: the latency of low-score submits to the bot as its own process while the
/// channel answers the follow-up cards' posts 429 with Retry-After: 20.
/// <c>-- --signals 320 [--conversations 16] [--record]</c>: one-liner capture and the message action's fetch and submit
/// latency with that many agents at once.
/// <c>-- --export-rows 1000000 [--record]</c>: the exporter's peak memory while it streams that many responses as CSV.
/// <c>-- --summary 10000,100000,1000000 [--record]</c>: the 90-day summary's latency at those numbers of stored answers,
/// each on its own fresh Azurite.
/// <c>-- --learnings 10000 [--conversations 16] [--record]</c>: the message-extension search's latency at that many stored
/// learnings, on two app instances.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            await RunAsync(BenchmarkOptions.Parse(args));
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Bad arguments or a failed check (an error, a missing thank-you card, a missing row): no figures.
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static async Task RunAsync(BenchmarkOptions options)
    {
        var machine = MachineFacts.Capture();
        var loadBefore = MachineFacts.LoadAverage();
        if (options.SummarySizes is { } sizes)
        {
            await RunSummaryAsync(sizes, machine, loadBefore, options.Record);
            return;
        }

        await using var azurite = await AzuriteProcess.StartAsync();
        if (options.ThrottledAlerts > 0)
        {
            Console.Error.WriteLine($"Azurite {machine.Azurite} started; throttled-alerts benchmark ({options.ThrottledAlerts} submits)...");
            var throttled = await new ThrottledAlertsBenchmark(azurite, options).RunAsync();
            var at = DateTimeOffset.UtcNow;
            var loadAfter = MachineFacts.LoadAverage();
            Console.WriteLine(ThrottledAlertsBenchmark.Markdown(throttled, machine, loadBefore, loadAfter, at));
            if (options.Record)
            {
                Report.InsertRow(RepoRoot.Combine("docs", "performance.md"), ThrottledAlertsBenchmark.RunsEnd, ThrottledAlertsBenchmark.Row(throttled, loadBefore, loadAfter, at));
            }

            return;
        }

        if (options.Signals > 0)
        {
            Console.Error.WriteLine($"Azurite {machine.Azurite} started; signals benchmark ({options.Conversations} agents, {options.Signals} one-liners)...");
            var signals = await new SignalsBenchmark(azurite, options).RunAsync();
            var at = DateTimeOffset.UtcNow;
            var loadAfter = MachineFacts.LoadAverage();
            Console.WriteLine(SignalsBenchmark.Markdown(signals, machine, loadBefore, loadAfter, at));
            if (options.Record)
            {
                Report.InsertRow(RepoRoot.Combine("docs", "performance.md"), SignalsBenchmark.RunsEnd, SignalsBenchmark.Row(signals, loadBefore, loadAfter, at));
            }

            return;
        }

        if (options.Learnings > 0)
        {
            Console.Error.WriteLine($"Azurite {machine.Azurite} started; learnings benchmark ({options.Learnings} learnings, {options.Conversations} agents)...");
            var learnings = await new LearningsBenchmark(azurite, options).RunAsync();
            var at = DateTimeOffset.UtcNow;
            var loadAfter = MachineFacts.LoadAverage();
            Console.WriteLine(LearningsBenchmark.Markdown(learnings, machine, loadBefore, loadAfter, at));
            if (learnings.OverLimit > 0)
            {
                throw new InvalidOperationException($"{learnings.OverLimit} searches took 5 s or more: Teams' limit for the search invoke is not held.");
            }

            if (options.Record)
            {
                Report.InsertRow(RepoRoot.Combine("docs", "performance.md"), LearningsBenchmark.RunsEnd, LearningsBenchmark.Row(learnings, loadBefore, loadAfter, at));
            }

            return;
        }

        if (options.ExportRows > 0)
        {
            Console.Error.WriteLine($"Azurite {machine.Azurite} started; export benchmark ({options.ExportRows} rows)...");
            var export = await new ExportBenchmark(azurite, options.ExportRows).RunAsync();
            var at = DateTimeOffset.UtcNow;
            var loadAfter = MachineFacts.LoadAverage();
            Console.WriteLine(ExportBenchmark.Markdown(export, machine, loadBefore, loadAfter, at));
            if (options.Record)
            {
                Report.InsertRow(RepoRoot.Combine("docs", "performance.md"), ExportBenchmark.RunsEnd, ExportBenchmark.Row(export, loadBefore, loadAfter, at));
            }

            return;
        }

        Console.Error.WriteLine($"Azurite {machine.Azurite} started; submit benchmark ({options.Conversations} conversations, {options.Submits} submits)...");
        var submits = await new SubmitBenchmark(azurite, options).RunAsync();
        Console.Error.WriteLine($"Raw upserts ({options.Upserts})...");
        var upserts = await RawUpsertBenchmark.RunAsync(azurite, submits.ResponseRow, options);

        var report = new Report(options, machine, submits, upserts, loadBefore, MachineFacts.LoadAverage());
        Console.WriteLine(report.Markdown());
        if (options.Record)
        {
            report.AppendTo(RepoRoot.Combine("docs", "performance.md"));
        }
    }

    // Each size on its own Azurite. Seeding the largest size in full takes long on a small machine: the funnel and
    // follow-up rows are written only when SUMMARY_FULL_SEED_MAX (answers, default all) allows it.
    private static async Task RunSummaryAsync(IReadOnlyList<int> sizes, MachineFacts machine, string loadBefore, bool record)
    {
        var fullSeedMax = int.TryParse(Environment.GetEnvironmentVariable("SUMMARY_FULL_SEED_MAX"), System.Globalization.CultureInfo.InvariantCulture, out var max) ? max : int.MaxValue;
        var results = new List<SummarySize>();
        foreach (var size in sizes)
        {
            results.Add(await SummaryBenchmark.RunAsync(size, size <= fullSeedMax));
        }

        var at = DateTimeOffset.UtcNow;
        var loadAfter = MachineFacts.LoadAverage();
        Console.WriteLine(SummaryBenchmark.Markdown(results, machine, loadBefore, loadAfter, at));
        if (record)
        {
            var path = RepoRoot.Combine("docs", "performance.md");
            foreach (var result in results)
            {
                Report.InsertRow(path, SummaryBenchmark.RunsEnd, SummaryBenchmark.Row(result, results[0], loadBefore, loadAfter, at));
            }
        }
    }
}
