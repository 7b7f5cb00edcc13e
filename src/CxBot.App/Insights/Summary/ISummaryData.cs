using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// Where the summary reads its counts: the day counts of several scopes over a range of reporting days, in one read, so
/// the days changed since the last roll-up are listed and recounted once per summary, not once per scope.
/// </summary>
public interface ISummaryData
{
    /// <summary>The counts of each of <paramref name="scopes"/> for each day in [<paramref name="from"/>, <paramref name="to"/>] that has any; oldest first.</summary>
    Task<IReadOnlyDictionary<ReportScope, IReadOnlyList<DayTally>>> ReadAsync(IReadOnlyCollection<ReportScope> scopes, DateOnly from, DateOnly to,
        CancellationToken cancellationToken);
}

/// <summary>The summary's counts through the report reader: the rolled-up totals plus a live recount of the days changed since.</summary>
public sealed class ReportReaderSummaryData(ReportReader reader) : ISummaryData
{
    /// <inheritdoc />
    public Task<IReadOnlyDictionary<ReportScope, IReadOnlyList<DayTally>>> ReadAsync(IReadOnlyCollection<ReportScope> scopes, DateOnly from, DateOnly to,
        CancellationToken cancellationToken) =>
        reader.ReadDaysAsync(scopes, new ReportPeriod(from, to), cancellationToken);
}
