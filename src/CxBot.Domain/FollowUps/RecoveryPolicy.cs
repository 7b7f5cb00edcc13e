using CxBot.Domain.Surveys;

namespace CxBot.Domain.FollowUps;

/// <summary>The configurable part of <see cref="RecoveryPolicy"/>.</summary>
/// <param name="FollowUpOnNpsDetractor">True when an NPS detractor (0-6) opens a follow-up as well.</param>
public sealed record RecoveryRules(bool FollowUpOnNpsDetractor = false)
{
    /// <summary>The fixed reasons only: low CSAT, worse than expected, not resolved.</summary>
    public static RecoveryRules Default { get; } = new();
}

/// <summary>Service recovery: which answers call for a follow-up, and the follow-up they create.</summary>
public static class RecoveryPolicy
{
    /// <summary>The highest CSAT that counts as dissatisfied.</summary>
    public const int LowCsatThreshold = 2;

    /// <summary>The highest NPS answer of a detractor (domain.md: detractors 0-6).</summary>
    public const int NpsDetractorMax = 6;

    /// <summary>Why the answers need a follow-up under <paramref name="rules"/> (<see cref="RecoveryRules.Default"/> when
    /// null); <see cref="FollowUpReasons.None"/> when they do not.</summary>
    public static FollowUpReasons Evaluate(SurveyAnswers answers, RecoveryRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        rules ??= RecoveryRules.Default;

        var reasons = FollowUpReasons.None;
        if (answers.Csat <= LowCsatThreshold)
        {
            reasons |= FollowUpReasons.LowCsat;
        }

        if (answers.Expectation == ExpectationAnswer.Worse)
        {
            reasons |= FollowUpReasons.WorseThanExpected;
        }

        if (answers.Resolution == ResolutionAnswer.No)
        {
            reasons |= FollowUpReasons.NotResolved;
        }

        if (rules.FollowUpOnNpsDetractor && answers.Nps <= NpsDetractorMax)
        {
            reasons |= FollowUpReasons.NpsDetractor;
        }

        return reasons;
    }

    /// <summary>
    /// The follow-up for a response, or null when none is needed. With the customer's consent it is a call-back task.
    /// Its id is the survey id, so a survey gets at most one follow-up.
    /// </summary>
    /// <exception cref="ArgumentException">The response is not for this survey.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dueIn"/> is not positive.</exception>
    /// <param name="survey">The survey.</param>
    /// <param name="response">Its response.</param>
    /// <param name="now">The time of opening.</param>
    /// <param name="dueIn">How long the follow-up may take.</param>
    /// <param name="customerName">The customer's name where the channel gives one, for whoever calls back.</param>
    /// <param name="rules">The configured rules; <see cref="RecoveryRules.Default"/> when null.</param>
    /// <param name="responseDay">The response's reporting day, which the follow-up keeps as the address of the customer's comment.</param>
    public static FollowUp? CreateFollowUp(Survey survey, SurveyResponse response, DateTimeOffset now, TimeSpan dueIn, string? customerName = null,
        RecoveryRules? rules = null, DateOnly? responseDay = null)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(dueIn, TimeSpan.Zero);
        if (!string.Equals(survey.SurveyId, response.SurveyId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The response is for survey {response.SurveyId}, not {survey.SurveyId}.", nameof(response));
        }

        var reasons = Evaluate(response.Answers, rules);
        if (reasons == FollowUpReasons.None)
        {
            return null;
        }

        return new FollowUp
        {
            FollowUpId = survey.SurveyId,
            Source = FollowUpSource.SurveyResponse(survey.SurveyId, responseDay),
            ContactId = survey.ContactId,
            Agent = response.Agent,
            Queue = response.Queue,
            TenantId = survey.TenantId,
            Reasons = reasons,
            CallBack = response.Answers.ContactConsent == true,
            CreatedAt = now,
            DueAt = now + dueIn,
            Csat = response.Answers.Csat,
            CustomerName = customerName,
        };
    }
}
