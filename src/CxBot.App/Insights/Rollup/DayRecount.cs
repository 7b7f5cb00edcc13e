using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Rollup;

/// <summary>
/// Counts one reporting day from the day's records, asking every <see cref="IReportingFactSource"/> (responses, the survey
/// funnel, signals); the roll-up, the reader, the rebuild and the check all count through here, so they agree.
/// </summary>
public sealed class DayRecount(IEnumerable<IReportingFactSource> sources, IReportTotalsStore totals)
{
    private readonly IReadOnlyList<IReportingFactSource> _sources = [.. sources];

    /// <summary>The names of the sources counted, in order.</summary>
    public IReadOnlyList<string> SourceNames => [.. _sources.Select(s => s.Name)];

    /// <summary>The counts of <paramref name="day"/> from its records (nothing is written).</summary>
    public async Task<ScopedTallies> CountAsync(DateOnly day, CancellationToken cancellationToken)
    {
        // Each source reads its own partition, so they run side by side into their own tallies, summed after.
        var parts = await Task.WhenAll(_sources.Select(async source =>
        {
            var part = new ScopedTallies();
            await source.CountDayAsync(day, part, cancellationToken).ConfigureAwait(false);
            return part;
        })).ConfigureAwait(false);
        var sum = new ScopedTallies();
        foreach (var part in parts)
        {
            foreach (var (scope, tally) in part.ByScope)
            {
                foreach (var (name, count) in tally.Counts)
                {
                    sum.Add([scope], name, count);
                }
            }
        }

        return sum;
    }

    /// <summary>Counts <paramref name="day"/> and replaces its stored totals with the result (every scope rewritten when <paramref name="rewriteAll"/>).</summary>
    public async Task<ScopedTallies> RecountAsync(DateOnly day, CancellationToken cancellationToken, bool rewriteAll = false)
    {
        var counts = await CountAsync(day, cancellationToken).ConfigureAwait(false);
        await totals.ReplaceDayAsync(day, counts, cancellationToken, rewriteAll).ConfigureAwait(false);
        return counts;
    }
}
