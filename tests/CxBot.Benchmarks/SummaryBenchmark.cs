using System.Diagnostics;
using System.Globalization;
using CxBot.App.Insights;
using CxBot.App.Insights.Digests;
using CxBot.App.Insights.Rollup;
using CxBot.App.FollowUps;
using CxBot.App.Signals.Alerts;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.App.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxBot.Benchmarks;

/// <summary>One size of the summary benchmark.</summary>
internal sealed record SummarySize(SeedTimes Seed, TimeSpan Rollup, TotalsBuild TotalsBy, int RequestsPerSummary, LatencySummary Latency, int CardBytes, int AgentsOnTeam)
{
    public double RowsPerSecond => Seed.Rows / Seed.Total.TotalSeconds;
}

/// <summary>
/// For each size: a fresh in-memory Azurite, the real app's services on it, <see cref="SummarySeed"/> over 180 days, the
/// totals of every seeded day (up to <see cref="RecountMax"/> answers by the roll-up's day recount (<see cref="DayRecount"/>,
/// as the rebuild runs it) checked equal to the counts computed in process; above it counted in process and stored by
/// <see cref="IReportTotalsStore.ReplaceDayAsync"/>), the storage requests of one summary listed, then
/// <see cref="ISummaryCards.BuildAsync"/> of the last 90 days (with the previous 90 days beside them) for a supervisor whose
/// team has agents, scope All: 30 warm-up builds, then 200 measured one after another.
/// </summary>
internal static class SummaryBenchmark
{
    public const string RunsEnd = "<!-- summary-runs:end -->";
    public const int Warmup = 30;
    public const int Measured = 200;
    public const int PeriodDays = 90;
    private const string Team = "team-3";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static async Task<SummarySize> RunAsync(int size, bool fullSeed)
    {
        await using var azurite = await AzuriteProcess.StartAsync(size > RecountMax ? AzuriteHeapMegabytes : null);
        await using var app = new BenchmarkApp(azurite)
        {
            ConfigureServices = services =>
            {
                // Nothing else reads or writes storage while the summary is measured: no roll-up turns, digests,
                // overdue scans, follow-up counting or daily signal passes (the totals and the follow-up counts are built once, below).
                foreach (var type in new[] { typeof(ReportRollup), typeof(DigestScheduler), typeof(OverdueFollowUpNotifier), typeof(FollowUpCountsPass), typeof(SignalsDailyPass) })
                {
                    services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == type));
                }
            },
        };
        var services = app.Services;
        var calendar = services.GetRequiredService<ReportingCalendar>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lastDay = calendar.DayOf(now).AddDays(-1);

        Console.Error.WriteLine($"{size} answers: seeding {SummarySeed.Days} days ending {lastDay:yyyy-MM-dd}{(fullSeed ? "" : " (responses only)")}...");
        var seedData = new SummarySeed(azurite.ConnectionString, app.TablePrefix, calendar);
        var seed = await seedData.SeedAsync(size, lastDay, now, fullSeed);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  seeded {seed.Rows} rows in {seed.Total.TotalSeconds:0.0} s ({seed.Rows / seed.Total.TotalSeconds:0} rows/s): responses {seed.ResponsesTime.TotalSeconds:0.0} s, funnel {seed.FunnelTime.TotalSeconds:0.0} s, follow-ups {seed.FollowUpsTime.TotalSeconds:0.0} s"));

        var watch = Stopwatch.StartNew();
        var days = Enumerable.Range(0, SummarySeed.Days).Select(d => lastDay.AddDays(-d)).ToList();
        var totalsBy = await BuildTotalsAsync(services, seed.Responses <= RecountMax ? TotalsBuild.RecountChecked : TotalsBuild.InProcess, days, seedData);
        var rollup = watch.Elapsed;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  totals of {days.Count} days built in {rollup.TotalSeconds:0.0} s ({totalsBy})"));
        watch.Restart();
        var counted = await ActivatorUtilities.CreateInstance<FollowUpCountsPass>(services).RunPassAsync(CancellationToken.None);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  follow-up counts of {counted} open follow-ups built in {watch.Elapsed.TotalSeconds:0.0} s"));

        var viewer = await StaffAsync(services);
        var cards = services.GetRequiredService<ISummaryCards>();
        var request = new SummaryRequest(new ReportPeriod(lastDay.AddDays(-(PeriodDays - 1)), lastDay), ReportScope.All, viewer);
        var card = await cards.BuildAsync(request, English, CancellationToken.None);
        var json = CardJson.ToJson(card);
        Check(json, request, seed);
        for (var i = 0; i < Warmup; i++)
        {
            await cards.BuildAsync(request, English, CancellationToken.None);
        }

        var requests = await RequestsOfOneAsync(cards, request, app.TablePrefix);
        Console.Error.WriteLine($"  one summary: {requests.Count} storage requests ({string.Join(", ", requests.GroupBy(r => r).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}"))})");
        var latencies = new List<TimeSpan>(Measured);
        for (var i = 0; i < Measured; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await cards.BuildAsync(request, English, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(start));
        }

        var latency = Percentiles.Summarize(latencies);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  summary p50 {latency.P50:0.0} ms, p95 {latency.P95:0.0} ms"));
        return new SummarySize(seed, rollup, totalsBy, requests.Count, latency, System.Text.Encoding.UTF8.GetByteCount(json), SummarySeed.Agents / 10);
    }

    /// <summary>Sizes up to this many answers build the totals with the roll-up's own day recount (and check it against the
    /// in-process counts); larger ones count in process, since every recount query scans the whole table on Azurite.</summary>
    public static int RecountMax { get; } = int.TryParse(Environment.GetEnvironmentVariable("SUMMARY_RECOUNT_MAX"), CultureInfo.InvariantCulture, out var max) ? max : 20_000;

    // Millions of rows outgrow Node's default heap.
    private const int AzuriteHeapMegabytes = 8192;

    private static async Task<TotalsBuild> BuildTotalsAsync(IServiceProvider services, TotalsBuild how, IReadOnlyList<DateOnly> days, SummarySeed seed)
    {
        var recount = services.GetRequiredService<DayRecount>();
        var totals = services.GetRequiredService<IReportTotalsStore>();
        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (day, ct) =>
        {
            var counted = seed.CountDay(day);
            if (how == TotalsBuild.InProcess)
            {
                await totals.ReplaceDayAsync(day, counted, ct, rewriteAll: true);
                return;
            }

            var recounted = await recount.RecountAsync(day, ct, rewriteAll: true);
            if (Difference(recounted, counted) is { } difference)
            {
                throw new InvalidOperationException($"The in-process counts of {day:yyyy-MM-dd} differ from the day recount: {difference}");
            }
        });
        return how;
    }

    private static string? Difference(ScopedTallies recounted, ScopedTallies counted)
    {
        foreach (var scope in recounted.ByScope.Keys.Union(counted.ByScope.Keys))
        {
            if (!recounted.For(scope).Equals(counted.For(scope)))
            {
                return $"scope {scope.Key}: recount{Environment.NewLine}{recounted.For(scope)}{Environment.NewLine}in process{Environment.NewLine}{counted.For(scope)}";
            }
        }

        return null;
    }

    // The storage requests of one summary, by method and table (listening slows requests, so never around measured builds).
    private static async Task<IReadOnlyList<string>> RequestsOfOneAsync(ISummaryCards cards, SummaryRequest request, string tablePrefix)
    {
        using var requests = new StorageRequests(tablePrefix);
        await cards.BuildAsync(request, English, CancellationToken.None);
        return requests.Take();
    }

    // 200 agents in ten teams of 20 (agent i in team i mod 10), and their supervisor of one team as the viewer.
    private static async Task<StaffMember> StaffAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IStaffStore>();
        await Parallel.ForEachAsync(Enumerable.Range(0, SummarySeed.Agents), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (agent, ct) =>
            await store.UpsertAsync(new StaffMember($"00000000-0000-0000-0000-{agent:D12}", SummarySeed.AgentName(agent))
            {
                Roles = StaffRoles.Agent,
                AgentIds = [SummarySeed.AgentId(agent)],
                Team = $"team-{agent % 10}",
                Source = StaffSource.Api,
            }, ct));
        await services.GetRequiredService<StaffDirectory>().RefreshAsync(CancellationToken.None);
        return new StaffMember("00000000-0000-0000-0001-000000000003", "Supervisor 3") { Roles = StaffRoles.Supervisor, Team = Team, Source = StaffSource.Api };
    }

    // The card must be the whole summary: the per-agent table of the viewer's team (agents 3, 13, 23, ...) and the follow-ups.
    private static void Check(string json, SummaryRequest request, SeedTimes seed)
    {
        if (!json.Contains(SummarySeed.AgentName(3), StringComparison.Ordinal) || json.Contains(SummarySeed.AgentName(4), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The summary of {request.Period.From:yyyy-MM-dd}..{request.Period.To:yyyy-MM-dd} has no per-agent table of {Team} (or another team's agents).");
        }

        Console.Error.WriteLine($"  card: {System.Text.Encoding.UTF8.GetByteCount(json)} bytes; {seed.OpenFollowUps} open follow-ups seeded ({seed.OverdueFollowUps} overdue)");
    }

    public static string Markdown(IReadOnlyList<SummarySize> sizes, MachineFacts machine, string loadBefore, string loadAfter, DateTimeOffset at)
    {
        var rows = string.Join("\n", sizes.Select(s => Row(s, sizes[0], loadBefore, loadAfter, at)));
        return string.Create(CultureInfo.InvariantCulture, $"""
            ## CxBot summary-at-scale benchmark, {at:yyyy-MM-dd HH:mm} UTC

            - Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Os}; {machine.Dotnet}, CxBot.App {machine.AppBuild}, {machine.Gc}; Azurite {machine.Azurite} (in memory)
            - Load average (1/5/15 min): before {loadBefore}, after {loadAfter}

            {Header}
            {rows}

            {WhatWasMeasured(sizes)}

            {Verdict(sizes)}
            """);
    }

    public const string Header = """
        | run | load average before → after | answers | rows seeded | seeding s | rows/s | totals built s | open (overdue) follow-ups | card bytes | p50 ms | p95 ms | p50 ÷ smallest p50 |
        | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        """;

    public static string Row(SummarySize s, SummarySize smallest, string loadBefore, string loadAfter, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {at:yyyy-MM-dd HH:mm} | {loadBefore} → {loadAfter} | {s.Seed.Responses} | {s.Seed.Rows}{(s.Seed.FollowUps == 0 ? " (responses only)" : "")} | {s.Seed.Total.TotalSeconds:0.0} | {s.RowsPerSecond:0} | {s.Rollup.TotalSeconds:0.0} | {s.Seed.OpenFollowUps} ({s.Seed.OverdueFollowUps}) | {s.CardBytes} | {s.Latency.P50:0.0} | {s.Latency.P95:0.0} | {s.Latency.P50 / smallest.Latency.P50:0.00} |");

    /// <summary>What each size measured: how its totals were built and what one summary read.</summary>
    public static string WhatWasMeasured(IReadOnlyList<SummarySize> sizes) =>
        "Measured: the 90-day summary with the previous 90 days, for a supervisor of 20 agents (the card holds the per-agent table, " +
        "the open follow-ups and the latest low-score comments); " +
        string.Join("; ", sizes.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Seed.Responses} answers: totals {(s.TotalsBy == TotalsBuild.RecountChecked ? "by the day recount from storage, equal to the in-process counts" : "counted in process from the seeded records")}, {s.RequestsPerSummary} storage requests per summary"))) + ".";

    public static string Verdict(IReadOnlyList<SummarySize> sizes)
    {
        var smallest = sizes[0];
        var largest = sizes[^1];
        var ratio = largest.Latency.P50 / smallest.Latency.P50;
        return string.Create(CultureInfo.InvariantCulture,
            $"Acceptance: p50 at {largest.Seed.Responses} answers ÷ p50 at {smallest.Seed.Responses} = {ratio:0.00} (at most 1.5: {(ratio <= 1.5 ? "met" : "missed")}); " +
            $"p50 under 100 ms: {string.Join(", ", sizes.Select(s => $"{s.Seed.Responses}: {(s.Latency.P50 < 100 ? "yes" : "no")}"))} (on a quiet machine; see the load average).");
    }
}

/// <summary>How the benchmark built the totals it reads.</summary>
internal enum TotalsBuild
{
    /// <summary>The roll-up's day recount of every day from storage, checked equal to the in-process counts.</summary>
    RecountChecked,

    /// <summary>Counted in process from the seeded records and stored with the roll-up's store write.</summary>
    InProcess,
}
