using CxBot.Domain.Insights;

namespace CxBot.Storage.Insights.Funnel;

/// <summary>Counts one day's survey funnel from that day's <c>SurveyFunnel</c> partition (surveys and skipped contacts), and lists the days that have one.</summary>
internal sealed class FunnelFactSource(TableSurveyFunnel funnel) : IReportingFactSource, IRecordedDays
{
    public string Name => "funnel";

    public async Task CountDayAsync(DateOnly day, ScopedTallies into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(into);
        await foreach (var row in funnel.ReadDayAsync(day, cancellationToken).ConfigureAwait(false))
        {
            if (row.IsSurvey)
            {
                TableSurveyFunnel.ToFact(row).CountInto(into);
            }
            else if (row.IsSkip)
            {
                TableSurveyFunnel.ToSkipFact(row).CountInto(into);
            }
        }
    }

    public IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        funnel.DaysAsync(from, to, cancellationToken);
}
