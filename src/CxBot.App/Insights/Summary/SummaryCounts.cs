using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// Reads the day counts of a summary's scopes. An agent scope means the person: the staff directory may give one person
/// several platform agent ids, and their series are added up.
/// </summary>
public sealed class SummaryCounts(ISummaryData data, SummaryAudience audience)
{
    /// <summary>The stored series behind <paramref name="scope"/>.</summary>
    public IReadOnlyList<ReportScope> Expand(ReportScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Kind switch
        {
            ReportScopeKind.Agent => [.. audience.AgentIdsOf(scope.Agent!).Select(ReportScope.ForAgent)],
            ReportScopeKind.QueueAgent => [.. audience.AgentIdsOf(scope.Agent!).Select(id => ReportScope.ForQueueAgent(scope.Queue!, id))],
            _ => [scope],
        };
    }

    /// <summary>The counts of <paramref name="scope"/> per day in [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public async Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await ReadAsync(new Dictionary<ReportScope, ReportPeriod> { [scope] = new(from, to) }, cancellationToken).ConfigureAwait(false))[scope];

    /// <summary>The counts of each scope of <paramref name="reads"/> per day of its period, oldest first: every series behind them
    /// read in one go (a series wanted for two periods is read over both).</summary>
    public async Task<IReadOnlyDictionary<ReportScope, IReadOnlyList<DayTally>>> ReadAsync(IReadOnlyDictionary<ReportScope, ReportPeriod> reads,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var series = reads.ToDictionary(r => r.Key, r => Expand(r.Key));
        var wanted = new Dictionary<ReportScope, ReportPeriod>();
        foreach (var (scope, period) in reads)
        {
            foreach (var one in series[scope])
            {
                wanted[one] = wanted.TryGetValue(one, out var other) ? new ReportPeriod(Min(other.From, period.From), Max(other.To, period.To)) : period;
            }
        }

        var read = await data.ReadAsync(wanted, cancellationToken).ConfigureAwait(false);
        return series.ToDictionary(s => s.Key, s => Sum(s.Value.Select(one => read[one].Where(d => reads[s.Key].Contains(d.Day)))));
    }

    /// <summary>The sum of the days of <paramref name="days"/> that fall in <paramref name="period"/>.</summary>
    public static Tally Within(IEnumerable<DayTally> days, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Tally.Sum(days.Where(d => period.Contains(d.Day)).Select(d => d.Counts));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static IReadOnlyList<DayTally> Sum(IEnumerable<IEnumerable<DayTally>> series) =>
        [.. series.SelectMany(days => days).GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g => new DayTally(g.Key, Tally.Sum(g.Select(d => d.Counts))))];
}
