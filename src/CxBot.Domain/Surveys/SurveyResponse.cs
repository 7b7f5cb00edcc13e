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
    /// <summary>The customer's key (<see cref="CustomerAddress.Key"/>).</summary>
    public required string CustomerKey { get; init; }
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
}
