using System.Diagnostics;

namespace CxBot.Benchmarks;

/// <summary>
/// CPU time used by this process (the bot and the HTTP client) and by Azurite over a phase. Unlike throughput on
/// a shared machine, CPU per operation hardly depends on what else runs.
/// </summary>
internal sealed record CpuTime(TimeSpan Benchmark, TimeSpan Azurite)
{
    public static CpuTime Now(int azuritePid)
    {
        using var self = Process.GetCurrentProcess();
        using var azurite = Process.GetProcessById(azuritePid);
        return new CpuTime(self.TotalProcessorTime, azurite.TotalProcessorTime);
    }

    public static CpuTime operator -(CpuTime after, CpuTime before) =>
        new(after.Benchmark - before.Benchmark, after.Azurite - before.Azurite);
}
