using CxBot.App.Surveys;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.FollowUps;

/// <summary>
/// The customer's words a follow-up shows, read from the record it was opened for: a survey response's comment (one
/// point read by its reporting day and survey id; through the survey for follow-ups stored before the day was kept) or
/// a signal's description. Follow-ups store only the pointer, so each free text is stored once and an erasure of the
/// response or signal removes it from the follow-up card as well.
/// </summary>
public sealed class FollowUpComments(ISurveyResponses responses, SurveyResponseLookup lookup, ISurveys surveys, ISignalStore signals)
{
    /// <summary>The comment, or null when the source has none (or is gone).</summary>
    public async Task<string?> OfAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var source = followUp.Source;
        switch (source.Kind)
        {
            case FollowUpSourceKind.Signal:
                return (await signals.GetAsync(source.Id, cancellationToken).ConfigureAwait(false))?.Description;
            case FollowUpSourceKind.SurveyResponse when source.Day is { } day:
                return (await responses.GetAsync(day, source.Id, cancellationToken).ConfigureAwait(false))?.Answers.Comment;
            default:
                var survey = await surveys.GetAsync(source.Id, cancellationToken).ConfigureAwait(false);
                return survey is null ? null : (await lookup.FindAsync(survey, cancellationToken).ConfigureAwait(false))?.Answers.Comment;
        }
    }
}
