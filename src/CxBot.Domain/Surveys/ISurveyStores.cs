namespace CxBot.Domain.Surveys;

/// <summary>The one decision per contact id.</summary>
public interface IContactDecisions
{
    /// <summary>The stored decision, or null.</summary>
    Task<ContactDecision?> GetAsync(string contactId, CancellationToken cancellationToken);

    /// <summary>Stores the decision unless one exists; returns the stored one (the earlier one on a race).</summary>
    Task<ContactDecision> AddOrGetAsync(ContactDecision decision, CancellationToken cancellationToken);
}

/// <summary>Surveys by id. Updates are conditional on <see cref="Survey.ETag"/>; a lost race throws <see cref="DomainConflictException"/>.</summary>
public interface ISurveys
{
    /// <summary>Adds the survey; returns false (and changes nothing) when the id exists.</summary>
    Task<bool> TryAddAsync(Survey survey, CancellationToken cancellationToken);

    /// <summary>The survey, or null.</summary>
    Task<Survey?> GetAsync(string surveyId, CancellationToken cancellationToken);

    /// <summary>Replaces the survey if unchanged since read; sets the new ETag.</summary>
    Task UpdateAsync(Survey survey, CancellationToken cancellationToken);
}

/// <summary>
/// Responses, one per survey, kept by the reporting day of the survey's contact (<see cref="Insights.ReportingCalendar"/>):
/// the day a response counts in, and the only place its comment is stored.
/// </summary>
public interface ISurveyResponses
{
    /// <summary>
    /// Adds the response under <paramref name="day"/> (its contact's reporting day) and marks the day changed for the
    /// reports; false when the survey already has one (nothing changes). For the recent days of
    /// <see cref="Insights.ResponseMarkWindow"/> the mark is written in the response's own transaction.
    /// </summary>
    Task<bool> TryAddAsync(DateOnly day, SurveyResponse response, CancellationToken cancellationToken);

    /// <summary>The response to <paramref name="surveyId"/> stored under <paramref name="day"/>, or null (one point read).</summary>
    Task<SurveyResponse?> GetAsync(DateOnly day, string surveyId, CancellationToken cancellationToken);
}

/// <summary>A skipped contact, stored with its reason for reporting (on its contact's reporting day).</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Queue">Its queue.</param>
/// <param name="AgentId">Its agent.</param>
/// <param name="Channel">Its contact channel.</param>
/// <param name="Reason">Why no survey.</param>
/// <param name="ContactEndedAt">When the contact ended (its reporting day).</param>
/// <param name="At">When decided.</param>
public sealed record SurveySkip(string ContactId, string Queue, string AgentId, string Channel, SkipReason Reason, DateTimeOffset ContactEndedAt,
    DateTimeOffset At);

/// <summary>Skips, kept with the survey funnel of their contact's reporting day.</summary>
public interface ISurveySkips
{
    /// <summary>Stores the skip (idempotent per contact: the first write wins) and marks its day changed for the reports.</summary>
    Task AddAsync(SurveySkip skip, CancellationToken cancellationToken);

    /// <summary>The skips of contacts that ended on reporting day <paramref name="day"/>.</summary>
    IAsyncEnumerable<SurveySkip> ListAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>What a survey's outbox work asks for.</summary>
public enum DispatchKind
{
    /// <summary>Send the survey.</summary>
    Send,
    /// <summary>Send the one reminder.</summary>
    Remind,
    /// <summary>Record the survey as expired when it was delivered and not answered in time.</summary>
    Expire,
}

