using CxBot.Domain.FollowUps;
using CxBot.Domain.People;

namespace CxBot.Domain.Surveys;

/// <summary>The stored answer to one survey, with the contact's context as it was when the survey was sent.</summary>
public sealed record SurveyResponse
{
    /// <summary>The survey.</summary>
    public required string SurveyId { get; init; }
    /// <summary>The contact.</summary>
    public required string ContactId { get; init; }
    /// <summary>Definition used.</summary>
    public required string DefinitionId { get; init; }
    /// <summary>Its version.</summary>
    public required int DefinitionVersion { get; init; }
    /// <summary>Agent at send time.</summary>
    public required PersonRef Agent { get; init; }
    /// <summary>Queue at send time.</summary>
    public required string Queue { get; init; }
    /// <summary>Contact channel at send time.</summary>
    public required string Channel { get; init; }
    /// <summary>
    /// The customer's pseudonymous id (<see cref="Customers.CustomerPseudonym"/>): a keyed hash of
    /// <see cref="CustomerAddress.Key"/>, never the key itself.
    /// </summary>
    public required string CustomerId { get; init; }
    /// <summary>The locale the card was shown in.</summary>
    public required string Locale { get; init; }
    /// <summary>The owning tenant (see docs/tenancy.md); null in older records and when unknown.</summary>
    public string? TenantId { get; init; }
    /// <summary>The answers, parsed and raw.</summary>
    public required SurveyAnswers Answers { get; init; }
    /// <summary>When the contact ended.</summary>
    public required DateTimeOffset ContactEndedAt { get; init; }
    /// <summary>When the survey was sent.</summary>
    public required DateTimeOffset SentAt { get; init; }
    /// <summary>When it was answered.</summary>
    public required DateTimeOffset AnsweredAt { get; init; }
    /// <summary>The follow-up created for it, if any.</summary>
    public string? FollowUpId { get; init; }
    /// <summary>True when the survey's reminder had been sent before the answer came.</summary>
    public bool AnsweredAfterReminder { get; init; }
    /// <summary>The id of the submit activity that stored it: a redelivery of that activity gets the same answer again.</summary>
    public string? ActivityId { get; init; }

    /// <summary>
    /// The response to <paramref name="survey"/>: its facts as they were when it was scheduled, the answers, and the
    /// follow-up it calls for (one per survey, keyed by the survey id) when <see cref="RecoveryPolicy"/> asks for one.
    /// </summary>
    /// <param name="survey">The answered survey.</param>
    /// <param name="answers">The validated answers.</param>
    /// <param name="cultureName">The culture the card was shown in.</param>
    /// <param name="answeredAt">When the answer arrived; also the sent time of a survey without one.</param>
    /// <param name="customerId">The customer's pseudonymous id (<see cref="Customers.CustomerPseudonym"/>).</param>
    /// <param name="rules">The configured recovery rules (<see cref="RecoveryRules.Default"/> when null); the same the follow-up is opened by.</param>
    public static SurveyResponse For(Survey survey, SurveyAnswers answers, string cultureName, DateTimeOffset answeredAt, string customerId, RecoveryRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentException.ThrowIfNullOrEmpty(cultureName);
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return new SurveyResponse
        {
            SurveyId = survey.SurveyId,
            ContactId = survey.ContactId,
            DefinitionId = survey.DefinitionId,
            DefinitionVersion = survey.DefinitionVersion,
            Agent = survey.Agent,
            Queue = survey.Queue,
            Channel = survey.Channel,
            CustomerId = customerId,
            Locale = cultureName,
            TenantId = survey.TenantId,
            Answers = answers,
            ContactEndedAt = survey.ContactEndedAt,
            SentAt = survey.SentAt ?? answeredAt,
            AnsweredAt = answeredAt,
            FollowUpId = RecoveryPolicy.Evaluate(answers, rules) == FollowUpReasons.None ? null : survey.SurveyId,
            AnsweredAfterReminder = survey.RemindedAt is { } reminded && reminded <= answeredAt,
        };
    }
}
