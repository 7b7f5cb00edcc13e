namespace CxBot.Domain.FollowUps;

/// <summary>What kind of record a follow-up was opened for.</summary>
public enum FollowUpSourceKind
{
    /// <summary>A dissatisfied customer's survey response; the id is the survey id.</summary>
    SurveyResponse,
    /// <summary>An agent's customer signal; the id is the signal id.</summary>
    Signal,
}

/// <summary>The record a follow-up was opened for.</summary>
/// <param name="Kind">What kind of record.</param>
/// <param name="Id">Its id.</param>
public sealed record FollowUpSource(FollowUpSourceKind Kind, string Id)
{
    /// <summary>A survey response, by its survey id.</summary>
    public static FollowUpSource SurveyResponse(string surveyId) => new(FollowUpSourceKind.SurveyResponse, surveyId);

    /// <summary>A customer signal, by its id.</summary>
    public static FollowUpSource Signal(string signalId) => new(FollowUpSourceKind.Signal, signalId);
}
