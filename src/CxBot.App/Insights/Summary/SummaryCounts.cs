using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// Reads the day counts of a summary's scope. An agent scope means the person: the staff directory may give one person
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
    public async Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var series = Expand(scope);
        if (series.Count == 1)
        {
            return await data.ReadAsync(series[0], from, to, cancellationToken).ConfigureAwait(false);
        }

        var read = await Task.WhenAll(series.Select(s => data.ReadAsync(s, from, to, cancellationToken))).ConfigureAwait(false);
        return [.. read.SelectMany(days => days).GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g => new DayTally(g.Key, Tally.Sum(g.Select(d => d.Counts))))];
    }

    /// <summary>The sum of the days of <paramref name="days"/> that fall in <paramref name="period"/>.</summary>
    public static Tally Within(IEnumerable<DayTally> days, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Tally.Sum(days.Where(d => period.Contains(d.Day)).Select(d => d.Counts));
    }
}
