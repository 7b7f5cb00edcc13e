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

/// <summary>Responses; one per survey, read by period and by contact.</summary>
public interface ISurveyResponses
{
    /// <summary>Adds the response; false when the survey already has one.</summary>
    Task<bool> TryAddAsync(SurveyResponse response, CancellationToken cancellationToken);

    /// <summary>The response to a contact's survey, or null.</summary>
    Task<SurveyResponse?> GetByContactAsync(string contactId, CancellationToken cancellationToken);

    /// <summary>Responses answered in [from, to), oldest first.</summary>
    IAsyncEnumerable<SurveyResponse> ListAnsweredAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>A skipped contact, stored with its reason for reporting.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Queue">Its queue.</param>
/// <param name="AgentId">Its agent.</param>
/// <param name="Reason">Why no survey.</param>
/// <param name="At">When decided.</param>
public sealed record SurveySkip(string ContactId, string Queue, string AgentId, SkipReason Reason, DateTimeOffset At);

/// <summary>Skips, read by period.</summary>
public interface ISurveySkips
{
    /// <summary>Stores the skip (idempotent per contact).</summary>
    Task AddAsync(SurveySkip skip, CancellationToken cancellationToken);

    /// <summary>Skips decided in [from, to).</summary>
    IAsyncEnumerable<SurveySkip> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
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

