namespace CxBot.Benchmarks;

/// <summary>Latencies of one measured phase, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max);

/// <summary>Nearest-rank percentiles: the reported value is one that was actually measured.</summary>
internal static class Percentiles
{
    public static LatencySummary Summarize(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No latencies were measured.", nameof(latencies));
        }

        return new LatencySummary(sorted.Length, Of(sorted, 50), Of(sorted, 95), Of(sorted, 99), sorted[^1]);
    }

    /// <summary>The smallest value with at least <paramref name="percent"/>% of the values at or below it.</summary>
    public static double Of(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
