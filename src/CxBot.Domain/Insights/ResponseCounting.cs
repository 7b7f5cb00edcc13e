using CxBot.Domain.Surveys;

namespace CxBot.Domain.Insights;

/// <summary>
/// What one stored response adds to its reporting day's counts, in every scope it belongs to (all, its queue, agent,
/// channel, queue by agent, as they were when the survey was sent). A stored response is the truth for "answered",
/// so it also counts the funnel's answered figures.
/// </summary>
public static class ResponseCounting
{
    /// <summary>Counts every response of one reporting day into <paramref name="into"/>, keeping the newest low-score comment pointers.</summary>
    public static void CountDay(IEnumerable<SurveyResponse> responses, ScopedTallies into)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses)
        {
            Count(response, into);
        }

        LowScoreComments.KeepNewest(into);
    }

    /// <summary>Counts <paramref name="response"/> into <paramref name="into"/> (a whole day ends with <see cref="LowScoreComments.KeepNewest"/>: see <see cref="CountDay"/>).</summary>
    public static void Count(SurveyResponse response, ScopedTallies into)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(into);
        var scopes = ReportScope.Of(response.Queue, response.Agent.AgentId, response.Channel);
        var answers = response.Answers;
        into.Add(scopes, TallyNames.Responses);
        into.Add(scopes, TallyNames.Answered);
        if (response.AnsweredAfterReminder)
        {
            into.Add(scopes, TallyNames.AnsweredAfterReminder);
            into.Add(scopes, TallyNames.FunnelAnsweredAfterReminder);
        }

        if (!string.IsNullOrWhiteSpace(answers.Comment))
        {
            into.Add(scopes, TallyNames.Comments);
        }

        if (LowScoreComments.Applies(answers))
        {
            into.Add(scopes, LowScoreComments.Name(response.AnsweredAt, response.SurveyId));
        }

        if (answers.Csat is { } csat)
        {
            into.Add(scopes, TallyNames.Csat(csat));
        }

        if (answers.Nps is { } nps)
        {
            into.Add(scopes, TallyNames.Nps(nps));
        }

        if (answers.Ces is { } ces)
        {
            into.Add(scopes, TallyNames.Ces(ces));
        }

        if (answers.Expectation is { } expectation)
        {
            into.Add(scopes, TallyNames.Expectation(TallyKeys.Of(expectation)));
        }

        if (answers.Resolution is { } resolution)
        {
            into.Add(scopes, TallyNames.Resolution(TallyKeys.Of(resolution)));
        }

        if (answers.ContactConsent is { } consent)
        {
            into.Add(scopes, TallyNames.Consent(consent));
        }

        if (!string.IsNullOrWhiteSpace(answers.Driver))
        {
            into.Add(scopes, TallyNames.Driver(answers.Driver, TallyNames.Bands.Of(answers.Csat)));
            if (answers.Csat is { } rated)
            {
                into.Add(scopes, TallyNames.DriverCsatCount(answers.Driver));
                into.Add(scopes, TallyNames.DriverCsatSum(answers.Driver), rated);
            }
        }
    }
}
