using System.Runtime.CompilerServices;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;
using CxBot.Storage.Insights.Funnel;

namespace CxBot.Storage.Surveys;

/// <summary>Skipped contacts are rows of the survey funnel (<c>k|{contact id}</c> on the contact's reporting day): the
/// record the reports count is the only copy. The day is marked changed in parallel with the write.</summary>
internal sealed class TableSurveySkips(TableSurveyFunnel funnel, IReportingChanges changes, ReportingCalendar calendar) : ISurveySkips
{
    public Task AddAsync(SurveySkip skip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skip);
        var fact = SkipFact.Of(skip, calendar);
        return Task.WhenAll(
            changes.MarkChangedAsync(fact.Day, cancellationToken),
            funnel.AddSkipAsync(skip, fact, cancellationToken));
    }

    public async IAsyncEnumerable<SurveySkip> ListAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in funnel.ReadDayAsync(day, cancellationToken).ConfigureAwait(false))
        {
            if (row.IsSkip)
            {
                yield return TableSurveyFunnel.ToSkip(row);
            }
        }
    }
}
