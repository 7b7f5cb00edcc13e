using CxBot.Domain.Surveys;

namespace CxBot.Domain.Insights;

/// <summary>A contact that got no survey, on its reporting day, with the reason.</summary>
/// <param name="Day">The contact's reporting day.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Queue">Its queue.</param>
/// <param name="AgentId">Its agent's platform id.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Reason">Why no survey.</param>
public sealed record SkipFact(DateOnly Day, string ContactId, string Queue, string AgentId, string Channel, SkipReason Reason)
{
    /// <summary>The fact of a stored skip, on its contact's day in <paramref name="calendar"/>.</summary>
    public static SkipFact Of(SurveySkip skip, ReportingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(skip);
        ArgumentNullException.ThrowIfNull(calendar);
        return new(calendar.DayOf(skip.ContactEndedAt), skip.ContactId, skip.Queue, skip.AgentId, skip.Channel, skip.Reason);
    }

    /// <summary>Adds <c>funnel.skipped.{reason}</c> to the contact's scopes.</summary>
    public void CountInto(ScopedTallies into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Add(ReportScope.Of(Queue, AgentId, Channel), TallyNames.Skipped(TallyKeys.Of(Reason)));
    }
}
