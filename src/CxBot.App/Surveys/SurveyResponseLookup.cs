using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;

namespace CxBot.App.Surveys;

/// <summary>
/// The stored response of a survey: one point read in its contact's reporting day. The response row is the truth for
/// "answered": the answer path stores only the response, and the survey says Sent until its expiry work records
/// Answered, so reminders, expiry and anything else asking "answered?" check here when the survey says Sent.
/// </summary>
public sealed class SurveyResponseLookup(ISurveys surveys, ISurveyResponses responses, ReportingCalendar calendar)
{
    /// <summary>The reporting day a survey's response belongs to: its contact's day.</summary>
    public DateOnly DayOf(Survey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return calendar.DayOf(survey.ContactEndedAt);
    }

    /// <summary>The response to <paramref name="survey"/>, or null.</summary>
    public Task<SurveyResponse?> FindAsync(Survey survey, CancellationToken cancellationToken) =>
        responses.GetAsync(DayOf(survey), survey.SurveyId, cancellationToken);

    /// <summary>The response to the survey of contact <paramref name="contactId"/> (its id derives from the contact's), or null: two point reads.</summary>
    public async Task<SurveyResponse?> FindByContactAsync(string contactId, CancellationToken cancellationToken)
    {
        var survey = await surveys.GetAsync(SurveyIds.For(contactId), cancellationToken).ConfigureAwait(false);
        return survey is null ? null : await FindAsync(survey, cancellationToken).ConfigureAwait(false);
    }
}
