using CxBot.App.Insights.Rollup;
using CxBot.Domain.Insights;

namespace CxBot.App.Insights;

/// <summary>
/// Counts for summaries, exact at read time: the stored totals of the period (one range read per scope), with every day
/// of the period that is marked changed (not rolled up yet) recounted live from its records instead.
/// </summary>
public sealed class ReportReader(IReportTotals totals, IReportingChanges changes, DayRecount recount)
{
    /// <summary>The counts of <paramref name="scope"/> per day of <paramref name="period"/> (days without any left out), oldest first.</summary>
    public async Task<IReadOnlyList<DayTally>> ReadDaysAsync(ReportScope scope, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var read = await ReadDaysAsync([scope], period, cancellationToken).ConfigureAwait(false);
        return read[scope];
    }

    /// <summary>The counts of each of <paramref name="scopes"/> per day of <paramref name="period"/>; changed days are recounted once for all.</summary>
    public Task<IReadOnlyDictionary<ReportScope, IReadOnlyList<DayTally>>> ReadDaysAsync(IReadOnlyCollection<ReportScope> scopes, ReportPeriod period,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(period);
        return ReadDaysAsync(scopes.Distinct().ToDictionary(s => s, _ => period), cancellationToken);
    }

    /// <summary>The counts of each scope per day of its own period: the marks are listed once and each changed day recounted once for all.</summary>
    public async Task<IReadOnlyDictionary<ReportScope, IReadOnlyList<DayTally>>> ReadDaysAsync(IReadOnlyDictionary<ReportScope, ReportPeriod> reads,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reads);
        var list = reads.ToList();
        var stored = Task.WhenAll(list.Select(r => totals.ReadAsync(r.Key, r.Value.From, r.Value.To, cancellationToken)));
        var marked = (await changes.ListAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Day)
            .Where(day => list.Any(r => r.Value.Contains(day))).Distinct().ToList();
        var live = await Task.WhenAll(marked.Select(async day => (Day: day, Counts: await recount.CountAsync(day, cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false);
        var read = await stored.ConfigureAwait(false);

        var result = new Dictionary<ReportScope, IReadOnlyList<DayTally>>();
        for (var i = 0; i < list.Count; i++)
        {
            var (scope, period) = list[i];
            var days = read[i].Where(d => !marked.Contains(d.Day)).ToList();
            days.AddRange(live.Where(l => period.Contains(l.Day)).Select(l => new DayTally(l.Day, l.Counts.For(scope))).Where(d => !d.Counts.IsEmpty));
            result[scope] = [.. days.OrderBy(d => d.Day)];
        }

        return result;
    }

    /// <summary>The counts of <paramref name="scope"/> summed over <paramref name="period"/>.</summary>
    public async Task<Tally> ReadTotalAsync(ReportScope scope, ReportPeriod period, CancellationToken cancellationToken) =>
        Tally.Sum((await ReadDaysAsync(scope, period, cancellationToken).ConfigureAwait(false)).Select(d => d.Counts));
}
