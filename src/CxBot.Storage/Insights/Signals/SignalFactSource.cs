using CxBot.Domain.Insights;

namespace CxBot.Storage.Insights.Signals;

/// <summary>Counts one day's signals, as classified now, from that day's <c>SignalFacts</c> partition, and lists the days that have one.</summary>
internal sealed class SignalFactSource(TableSignalFacts facts) : IReportingFactSource, IRecordedDays
{
    public string Name => "signals";

    public async Task CountDayAsync(DateOnly day, ScopedTallies into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(into);
        await foreach (var fact in facts.ReadDayAsync(day, cancellationToken).ConfigureAwait(false))
        {
            fact.CountInto(into);
        }
    }

    public IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        facts.DaysAsync(from, to, cancellationToken);
}
