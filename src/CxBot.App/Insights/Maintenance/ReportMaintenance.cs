using CxBot.App.Insights.Rollup;
using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Maintenance;

/// <summary>One difference the consistency check found: what is stored against what the records count.</summary>
/// <param name="Day">The reporting day.</param>
/// <param name="ScopeKey">The scope's key.</param>
/// <param name="Name">The count's name.</param>
/// <param name="Stored">The stored total.</param>
/// <param name="Counted">The count from the records.</param>
public sealed record ReportDifference(DateOnly Day, string ScopeKey, string Name, long Stored, long Counted);

/// <summary>
/// Rebuild and consistency check of <c>ReportTotals</c> from the records. Without a range they cover every day that has
/// records or totals, found by listing day partitions (one small request per day) rather than reading rows; each day
/// then costs one read of its records per source, and the check a read of its stored totals per scope.
/// </summary>
public sealed class ReportMaintenance(
    DayRecount recount,
    IReportTotalsStore totals,
    IReportingChanges changes,
    IEnumerable<IRecordedDays> recorded,
    ReportingCalendar calendar,
    TimeProvider time)
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>Recounts every day of the range (or every day with records or totals) and replaces its totals; returns the days rebuilt.</summary>
    public async Task<int> RebuildAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var days = await DaysAsync(from, to, cancellationToken).ConfigureAwait(false);
        foreach (var day in days)
        {
            await recount.RecountAsync(day, cancellationToken, rewriteAll: true).ConfigureAwait(false);
            // A roll-up that counted the day before this rebuild read it may write older counts after it: marked again,
            // the day is recounted once more by the roll-up, whichever finished last.
            await changes.MarkChangedAsync(day, cancellationToken).ConfigureAwait(false);
        }

        return days.Count;
    }

    /// <summary>Counts every day of the range (or every day with records or totals) in memory and lists where the stored totals differ; writes nothing.</summary>
    public async Task<IReadOnlyList<ReportDifference>> CheckAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var differences = new List<ReportDifference>();
        foreach (var day in await DaysAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            var counted = await recount.CountAsync(day, cancellationToken).ConfigureAwait(false);
            var stored = await totals.ReadDayAsync(day, cancellationToken).ConfigureAwait(false);
            foreach (var scope in counted.ByScope.Keys.Union(stored.ByScope.Keys).OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var c = counted.For(scope);
                var s = stored.For(scope);
                foreach (var name in c.Counts.Keys.Union(s.Counts.Keys).Order(StringComparer.Ordinal))
                {
                    if (c[name] != s[name])
                    {
                        differences.Add(new ReportDifference(day, scope.Key, name, s[name], c[name]));
                    }
                }
            }
        }

        return differences;
    }

    private async Task<IReadOnlyList<DateOnly>> DaysAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (from is { } start && to is { } end)
        {
            return [.. Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(start.AddDays)];
        }

        var first = from ?? Earliest;
        var last = to ?? calendar.DayOf(time.GetUtcNow()).AddDays(1);
        var days = new SortedSet<DateOnly>();
        foreach (var source in recorded)
        {
            await foreach (var day in source.DaysAsync(first, last, cancellationToken).ConfigureAwait(false))
            {
                days.Add(day);
            }
        }

        await foreach (var day in totals.DaysAsync(first, last, cancellationToken).ConfigureAwait(false))
        {
            days.Add(day);
        }

        return [.. days];
    }
}
