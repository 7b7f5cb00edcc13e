using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// The unresolved follow-ups of a summary's scope and how many are overdue, from the counts the follow-up counting pass
/// keeps (<see cref="IFollowUpCounts"/>): one point read per series and one for the pass time, however many follow-ups
/// are open. Open and overdue are computed at read time from the due hours: a follow-up counts as overdue once its due
/// hour has ended (one due at 14:10 from 15:00). The figures are as of the last pass (at most
/// <c>FollowUps:CountsRefreshSeconds</c> old), which the card shows. A channel scope has none of its own: follow-ups do
/// not record the channel.
/// </summary>
public sealed class SummaryFollowUps(IFollowUpCounts counts, ReportingCalendar calendar, TimeProvider time)
{
    internal async Task<FollowUpCounts?> CountAsync(ReportScope scope, string? tenantId, IReadOnlyList<ReportScope> series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(series);
        if (scope.Kind == ReportScopeKind.Channel)
        {
            return null;
        }

        var reading = await counts.ReadAsync(tenantId, series, cancellationToken).ConfigureAwait(false);
        var asOf = reading.PassAt is { } passAt ? TimeZoneInfo.ConvertTime(passAt, calendar.Zone) : (DateTimeOffset?)null;
        return new FollowUpCounts(reading.Tally.Open, reading.Tally.OverdueAt(time.GetUtcNow()), asOf);
    }
}
