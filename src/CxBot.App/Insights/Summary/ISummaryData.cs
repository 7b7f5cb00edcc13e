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

/// <summary>The summary's counts through the report reader: the rolled-up totals plus a live recount of the days changed since.</summary>
public sealed class ReportReaderSummaryData(ReportReader reader) : ISummaryData
{
    /// <inheritdoc />
    public Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        reader.ReadDaysAsync(scope, new ReportPeriod(from, to), cancellationToken);
}
