using CxBot.Domain.Insights;

namespace CxBot.Storage.Insights.Signals;

/// <summary>Counts one day's signals, as classified now, from that day's <c>SignalFacts</c> partition.</summary>
internal sealed class SignalFactSource(TableSignalFacts facts) : IReportingFactSource
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
}
