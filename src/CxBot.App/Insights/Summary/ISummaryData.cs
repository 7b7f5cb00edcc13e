using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// Where the summary reads its counts: the day counts of several scopes over a range of reporting days, in one read, so
/// the days changed since the last roll-up are listed and recounted once per summary, not once per scope.
/// </summary>
public interface ISummaryData
{
    /// <summary>The counts of each scope of <paramref name="reads"/> for each day of its period that has any; oldest first.</summary>
    Task<IReadOnlyDictionary<ReportScope, IReadOnlyList<DayTally>>> ReadAsync(IReadOnlyDictionary<ReportScope, ReportPeriod> reads, CancellationToken cancellationToken);
}

/// <summary>The summary's counts through the report reader: the rolled-up totals plus a live recount of the days changed since.</summary>
public sealed class ReportReaderSummaryData(ReportReader reader) : ISummaryData
{
    /// <inheritdoc />
    public Task<IReadOnlyDictionary<ReportScope, IReadOnlyList<DayTally>>> ReadAsync(IReadOnlyDictionary<ReportScope, ReportPeriod> reads, CancellationToken cancellationToken) =>
        reader.ReadDaysAsync(reads, cancellationToken);
}
