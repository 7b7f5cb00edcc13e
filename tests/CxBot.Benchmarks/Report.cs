using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using CxBot.Testing.Processes;

namespace CxBot.Benchmarks;

/// <summary>The machine the run happened on.</summary>
internal sealed record MachineFacts(string Cpu, int Cores, string Os, string Dotnet, string Azurite, string AppBuild, string Gc)
{
    public static MachineFacts Capture() => new(
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?",
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        JsonNode.Parse(File.ReadAllText(Path.Combine(NodeTools.Default.NodeModules, "azurite", "package.json")))?["version"]?.GetValue<string>() ?? "?",
        typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "?",
        GCSettings.IsServerGC ? "Server GC" : "Workstation GC");

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}

/// <summary>The run as Markdown: printed, and with <c>--record</c> appended as one row to docs/performance.md.</summary>
internal sealed class Report(BenchmarkOptions options, MachineFacts machine, SubmitResult submits, RawUpsertResult upserts, string loadBefore, string loadAfter)
{
    public const string RunsEnd = "<!-- runs:end -->";

    private readonly DateTimeOffset _at = DateTimeOffset.UtcNow;

    private double Ratio => upserts.PerSecond / submits.PerSecond;

    public string Markdown()
    {
        var text = new StringBuilder();
        Line(text, $"## CxBot submit benchmark, {_at:yyyy-MM-dd HH:mm} UTC");
        Line(text);
        Line(text, $"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Os}; {machine.Dotnet}, CxBot.App {machine.AppBuild}, {machine.Gc}; Azurite {machine.Azurite} (in memory)");
        Line(text, $"- Load average (1/5/15 min): before {loadBefore}, after {loadAfter}");
        Line(text, $"- {options.Conversations} conversations; {submits.Latency.Count} measured submits after {options.Warmup} warm-up and 3 probe submits; {upserts.Latency.Count} raw upserts of a ~{upserts.EntityBytes} byte response row");
        Line(text, "- Measured answer mix: " + string.Join("; ", submits.Mix.Select(m => $"{m.Kind} {m.Count} ({100.0 * m.Count / submits.Latency.Count:0}%)")));
        Line(text);
        Line(text, "| what | operations | wall s | per second | p50 ms | p95 ms | p99 ms | max ms | CPU ms/op, this process | CPU ms/op, Azurite |");
        Line(text, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Line(text, Row("survey submit: HTTP invoke → bot → Azurite", submits.Latency, submits.Wall, submits.PerSecond, submits.Cpu));
        Line(text, Row($"raw `UpsertEntity`, {options.Conversations} workers", upserts.Latency, upserts.Wall, upserts.PerSecond, upserts.Cpu));
        Line(text);
        Line(text, $"Raw upserts per second ÷ submits per second: **{Ratio:0.0}**; storage requests per submit in this mix: {submits.RequestsPerSubmitInMix:0.0}.");
        Line(text);
        Line(text, "| submit path (probe) | storage requests | in order |");
        Line(text, "| --- | ---: | --- |");
        foreach (var (kind, requests) in submits.RequestsPerSubmit)
        {
            Line(text, $"| {kind} | {requests.Count(r => r != SubmitResult.AnswerMark)} ({requests.TakeWhile(r => r != SubmitResult.AnswerMark).Count()} before the client had the answer) | {string.Join(", ", requests)} |");
        }

        return text.ToString();
    }

    /// <summary>Appends this run as one row to the runs table of <paramref name="path"/>, above <see cref="RunsEnd"/>.</summary>
    public void AppendTo(string path)
    {
        var s = submits.Latency;
        var u = upserts.Latency;
        var row = Invariant($"| {_at:yyyy-MM-dd HH:mm} | {loadBefore} → {loadAfter} | {s.Count} | {submits.PerSecond:0} | {s.P50:0.0} | {s.P95:0.0} | {s.P99:0.0} | {s.Max:0} | {PerOp(submits.Cpu.Benchmark, s.Count):0.0} / {PerOp(submits.Cpu.Azurite, s.Count):0.0} | {upserts.PerSecond:0} | {u.P50:0.0} | {u.P95:0.0} | {u.P99:0.0} | {PerOp(upserts.Cpu.Azurite, u.Count):0.00} | {Ratio:0.0} |");
        InsertRow(path, RunsEnd, row);
    }

    /// <summary>Inserts a table row above the <paramref name="marker"/> line that ends a runs table.</summary>
    public static void InsertRow(string path, string marker, string row)
    {
        var document = File.ReadAllText(path);
        var end = document.IndexOf(marker, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"{path} has no '{marker}' marker below its runs table.");
        }

        File.WriteAllText(path, document[..end] + row + "\n" + document[end..]);
    }

    private static string Row(string what, LatencySummary l, TimeSpan wall, double perSecond, CpuTime cpu) =>
        Invariant($"| {what} | {l.Count} | {wall.TotalSeconds:0.00} | {perSecond:0} | {l.P50:0.0} | {l.P95:0.0} | {l.P99:0.0} | {l.Max:0.0} | {PerOp(cpu.Benchmark, l.Count):0.00} | {PerOp(cpu.Azurite, l.Count):0.00} |");

    private static double PerOp(TimeSpan cpu, int operations) => cpu.TotalMilliseconds / operations;

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');

    private static void Line(StringBuilder text, FormattableString line) => Line(text, Invariant(line));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
