using CxBot.Domain.Surveys;

namespace CxBot.Domain.Insights;

/// <summary>
/// A survey as the funnel counts it, on its contact's reporting day (the answer itself is counted from the response).
/// Stored whole on every write of the survey, so the latest row is the survey's whole funnel state.
/// </summary>
/// <param name="Day">The contact's reporting day.</param>
/// <param name="SurveyId">The survey.</param>
/// <param name="Queue">Queue at the contact's end.</param>
/// <param name="AgentId">The agent's platform id.</param>
/// <param name="Channel">Contact channel.</param>
/// <param name="TenantId">The owning tenant, when known.</param>
/// <param name="Status">Where the survey is.</param>
/// <param name="Attempts">Send attempts so far.</param>
/// <param name="FailureReason">Why it was undeliverable; null in rows from before reasons were stored.</param>
/// <param name="SkipReason">Why it was not sent after all.</param>
/// <param name="Delivered">The card reached the customer's chat.</param>
/// <param name="Reminded">The reminder was sent.</param>
public sealed record FunnelFact(
    DateOnly Day,
    string SurveyId,
    string Queue,
    string AgentId,
    string Channel,
    string? TenantId,
    SurveyStatus Status,
    int Attempts,
    SurveyFailureReason? FailureReason,
    SkipReason? SkipReason,
    bool Delivered,
    bool Reminded)
{
    /// <summary>A send was attempted: the survey moved beyond waiting, or a dispatcher tried it at least once.</summary>
    public bool Sent => Attempts > 0 || Status is not (SurveyStatus.Scheduled or SurveyStatus.Skipped);

    /// <summary>Delivered and not answered before it expired.</summary>
    public bool Expired => Status == SurveyStatus.Expired;

    /// <summary>The funnel state of <paramref name="survey"/>, on its contact's day in <paramref name="calendar"/>.</summary>
    public static FunnelFact Of(Survey survey, ReportingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(calendar);
        return new(
            calendar.DayOf(survey.ContactEndedAt),
            survey.SurveyId,
            survey.Queue,
            survey.Agent.AgentId ?? "",
            survey.Channel,
            survey.TenantId,
            survey.Status,
            survey.Attempts,
            survey.Status == SurveyStatus.Undeliverable ? survey.FailureReason : null,
            survey.Status == SurveyStatus.Skipped ? survey.SkipReason : null,
            survey.SentAt is not null,
            survey.RemindedAt is not null);
    }

    /// <summary>
    /// How far the survey has come. Its state only ever moves forward along this order (each send attempt goes
    /// sending -> back to waiting or sent; then reminded; then an end), so a write of a lower rank than the stored one
    /// is a late, older state that must not overwrite a newer one.
    /// </summary>
    public int Progress => Attempts * 10 + Status switch
    {
        SurveyStatus.Scheduled => Attempts > 0 ? 2 : 0,
        SurveyStatus.Sending => 1,
        SurveyStatus.Sent => Reminded ? 4 : 3,
        _ => 5,
    };

    /// <summary>Adds this survey's funnel counts to its scopes (every survey counts as scheduled).</summary>
    public void CountInto(ScopedTallies into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var scopes = ReportScope.Of(Queue, AgentId, Channel);
        into.Add(scopes, TallyNames.Scheduled);
        if (Sent)
        {
            into.Add(scopes, TallyNames.Sent);
        }

        if (Delivered)
        {
            into.Add(scopes, TallyNames.Delivered);
        }

        if (Reminded)
        {
            into.Add(scopes, TallyNames.Reminded);
        }

        if (Expired)
        {
            into.Add(scopes, TallyNames.Expired);
        }

        if (Status == SurveyStatus.Undeliverable)
        {
            into.Add(scopes, TallyNames.Failed(TallyKeys.OfOrUnknown(FailureReason)));
        }

        if (Status == SurveyStatus.Skipped)
        {
            into.Add(scopes, TallyNames.Skipped(TallyKeys.OfOrUnknown(SkipReason)));
        }
    }
}
