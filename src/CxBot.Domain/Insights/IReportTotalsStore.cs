namespace CxBot.Domain.Insights;

/// <summary>The roll-up's side of <see cref="IReportTotals"/>: a day's counts replaced as a whole, and read back per day.</summary>
public interface IReportTotalsStore : IReportTotals
{
    /// <summary>
    /// Makes the stored counts of <paramref name="day"/> equal <paramref name="counts"/>: every scope in it written,
    /// scopes stored for the day before and absent now removed. Repeating it with the same counts changes nothing.
    /// Scopes whose counts are unchanged since the last write are skipped, unless <paramref name="rewriteAll"/> (a rebuild,
    /// which must not trust what is stored).
    /// </summary>
    Task ReplaceDayAsync(DateOnly day, ScopedTallies counts, CancellationToken cancellationToken, bool rewriteAll = false);

    /// <summary>The stored counts of every scope of <paramref name="day"/>.</summary>
    Task<ScopedTallies> ReadDayAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>The days in [<paramref name="from"/>, <paramref name="to"/>] that have stored counts, oldest first.</summary>
    IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>
/// The reporting days a kind of record has records on, listed without reading the records (for a rebuild of every day).
/// A record kind that keeps day partitions implements it beside its <see cref="IReportingFactSource"/>.
/// </summary>
public interface IRecordedDays
{
    /// <summary>The days in [<paramref name="from"/>, <paramref name="to"/>] with at least one record, oldest first.</summary>
    IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
