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
        (await ReadAsync([scope], from, to, cancellationToken).ConfigureAwait(false))[scope];

    /// <summary>The counts of each of <paramref name="scopes"/> per day in [<paramref name="from"/>, <paramref name="to"/>], oldest first: every
    /// series behind them read in one go.</summary>
    public async Task<IReadOnlyDictionary<ReportScope, IReadOnlyList<DayTally>>> ReadAsync(IReadOnlyCollection<ReportScope> scopes, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var series = scopes.Distinct().ToDictionary(s => s, Expand);
        var read = await data.ReadAsync([.. series.Values.SelectMany(s => s).Distinct()], from, to, cancellationToken).ConfigureAwait(false);
        return series.ToDictionary(s => s.Key, s => s.Value.Count == 1 ? read[s.Value[0]] : Sum(s.Value.Select(one => read[one])));
    }

    /// <summary>The sum of the days of <paramref name="days"/> that fall in <paramref name="period"/>.</summary>
    public static Tally Within(IEnumerable<DayTally> days, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Tally.Sum(days.Where(d => period.Contains(d.Day)).Select(d => d.Counts));
    }

    private static IReadOnlyList<DayTally> Sum(IEnumerable<IReadOnlyList<DayTally>> series) =>
        [.. series.SelectMany(days => days).GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g => new DayTally(g.Key, Tally.Sum(g.Select(d => d.Counts))))];
}
