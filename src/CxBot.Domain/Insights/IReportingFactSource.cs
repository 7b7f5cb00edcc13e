namespace CxBot.Domain.Insights;

/// <summary>
/// One kind of stored record that reports count (survey responses, the survey funnel, signals). Each keeps its records
/// by reporting day, so one day is counted by reading that day's records only; the roll-up sums every source.
/// </summary>
public interface IReportingFactSource
{
    /// <summary>A short stable name (<c>responses</c>, <c>funnel</c>, <c>signals</c>) for logs and the consistency check.</summary>
    string Name { get; }

    /// <summary>Counts every record of <paramref name="day"/> into <paramref name="into"/>.</summary>
    Task CountDayAsync(DateOnly day, ScopedTallies into, CancellationToken cancellationToken);
}

/// <summary>A reporting day whose records changed after its counts were last rolled up.</summary>
/// <param name="Day">The day.</param>
/// <param name="Version">Opaque version of the mark (the roll-up clears the mark only if it is unchanged).</param>
public sealed record ChangedDay(DateOnly Day, string Version)
{
    /// <summary>When the mark was last written (by the store's clock), when known.</summary>
    public DateTimeOffset? MarkedAt { get; init; }
}

/// <summary>
/// The days to roll up. A writer marks the day before (or together with) the record it changes; the roll-up recounts
/// a marked day from its records and clears the mark only if nobody marked it again meanwhile.
/// </summary>
public interface IReportingChanges
{
    /// <summary>Marks <paramref name="day"/> as changed.</summary>
    Task MarkChangedAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>The marked days, oldest first.</summary>
    Task<IReadOnlyList<ChangedDay>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Clears the mark if it is still <paramref name="day"/>'s version; false when it was marked again.</summary>
    Task<bool> ClearAsync(ChangedDay day, CancellationToken cancellationToken);
}
