using System.Globalization;

namespace CxBot.Benchmarks;

/// <summary>
/// <c>--conversations 16 --submits 800 --warmup 40 --upserts 2000 --record</c>. Submits and warm-up submits are
/// spread round-robin over the conversations; <c>--record</c> appends the run to docs/performance.md.
/// <c>--throttled-alerts 40</c> runs the throttled-alerts benchmark (that many measured submits) instead;
/// <c>--signals 320</c> the signals benchmark (that many measured one-liners, a quarter as many message actions, over
/// <c>--conversations</c> agents); <c>--export-rows 1000000</c> the export benchmark (that many synthetic responses streamed
/// as CSV through <c>GET /api/export</c>); <c>--summary 10000,100000,1000000</c> the summary at those numbers of stored answers;
/// <c>--learnings 10000</c> the message-extension search at that many stored learnings (<c>--conversations</c> agents searching).
/// </summary>
internal sealed record BenchmarkOptions(int Conversations, int Submits, int Warmup, int Upserts, bool Record, int ThrottledAlerts = 0, int Signals = 0, int ExportRows = 0,
    IReadOnlyList<int>? SummarySizes = null, int Learnings = 0)
{
    private const string Usage = "Usage: [--conversations 16] [--submits 800] [--warmup 40] [--upserts 2000] [--throttled-alerts N] [--signals N] [--export-rows N] [--summary 10000,100000,1000000] [--learnings 10000] [--record]";

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(Conversations: 16, Submits: 800, Warmup: 40, Upserts: 2000, Record: false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--conversations" => options with { Conversations = Positive(args, ++i) },
                "--submits" => options with { Submits = Positive(args, ++i) },
                "--warmup" => options with { Warmup = Positive(args, ++i) },
                "--upserts" => options with { Upserts = Positive(args, ++i) },
                "--throttled-alerts" => options with { ThrottledAlerts = Positive(args, ++i) },
                "--signals" => options with { Signals = Positive(args, ++i) },
                "--export-rows" => options with { ExportRows = Positive(args, ++i) },
                "--summary" => options with { SummarySizes = Sizes(args, ++i) },
                "--learnings" => options with { Learnings = Positive(args, ++i) },
                "--record" => options with { Record = true },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    private static int[] Sizes(string[] args, int index)
    {
        var sizes = index < args.Length ? args[index].Split(',') : [];
        return sizes.Length > 0 && sizes.All(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0)
            ? [.. sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Order()]
            : throw new ArgumentException($"'{args[index - 1]}' needs sizes like 10000,100000,1000000.");
    }

    private static int Positive(string[] args, int index) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a positive whole number.");
}
