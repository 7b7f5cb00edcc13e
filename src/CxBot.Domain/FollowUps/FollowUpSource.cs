namespace CxBot.Domain.FollowUps;

/// <summary>What kind of record a follow-up was opened for.</summary>
public enum FollowUpSourceKind
{
    /// <summary>A dissatisfied customer's survey response; the id is the survey id.</summary>
    SurveyResponse,
    /// <summary>An agent's customer signal; the id is the signal id.</summary>
    Signal,
}

/// <summary>
/// The record a follow-up was opened for: the pointer to the customer's own words (a response's comment, a signal's
/// description), which are stored once, in that record, and read from there wherever a follow-up shows them.
/// </summary>
/// <param name="Kind">What kind of record.</param>
/// <param name="Id">Its id.</param>
/// <param name="Day">A survey response's reporting day (its contact's day), which with the survey id is the response's
/// address; null for signals and for follow-ups stored before the day was kept (their response is found through the survey).</param>
public sealed record FollowUpSource(FollowUpSourceKind Kind, string Id, DateOnly? Day = null)
{
    /// <summary>A survey response, by its survey id and, where known, its reporting day.</summary>
    public static FollowUpSource SurveyResponse(string surveyId, DateOnly? day = null) => new(FollowUpSourceKind.SurveyResponse, surveyId, day);

    /// <summary>A customer signal, by its id.</summary>
    public static FollowUpSource Signal(string signalId) => new(FollowUpSourceKind.Signal, signalId);
}
