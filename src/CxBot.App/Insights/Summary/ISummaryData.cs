using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// Where the summary reads its counts: the day counts of a scope over a range of reporting days. One seam, so the
/// reader that adds the live recount of days changed since the last roll-up replaces the plain totals in one place.
/// </summary>
public interface ISummaryData
{
    /// <summary>The counts of <paramref name="scope"/> for each day in [<paramref name="from"/>, <paramref name="to"/>] that has any; oldest first.</summary>
    Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>The summary's counts straight from the rolled-up totals.</summary>
public sealed class ReportTotalsSummaryData(IReportTotals totals) : ISummaryData
{
    /// <inheritdoc />
    public Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        totals.ReadAsync(scope, from, to, cancellationToken);
}
