using CxBot.Domain.Customers;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using CxBot.Domain.People;

namespace CxBot.Domain.Tests;

/// <summary>Small test-data builders: valid defaults, override what the test is about.</summary>
internal static class Builders
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    public static readonly CustomerAddress Customer = CustomerAddress.Teams("Tenant-1", "AAD-Customer-1");
    public static readonly PersonRef Agent = PersonRef.Agent("agent-7", "Sanne de Vries");
    public static readonly PersonRef Alice = PersonRef.Staff("aad-alice", "Alice Jansen");
    public static readonly PersonRef Bob = PersonRef.Staff("aad-bob", "Bob Bakker");

    public static ContactEnded Contact(string contactId = "contact-1", string? endReason = null, string queue = "billing") => new()
    {
        ContactId = contactId,
        Customer = Customer,
        Agent = Agent,
        Queue = queue,
        Channel = "phone",
        EndedAt = Now.AddMinutes(-5),
        Locale = "nl-NL",
        EndReason = endReason,
    };

    public static CustomerPreferences Prefs(bool optedOut = false) =>
        new(Customer.Key, optedOut, optedOut ? Now.AddDays(-30) : null, optedOut ? Now.AddDays(-30) : null);

    public static SuppressionWindow FreeWindow() => SuppressionWindow.Free(Customer.Key);

    /// <summary>The customer's window as confirmed by another contact's survey delivered at <paramref name="at"/>.</summary>
    public static SuppressionWindow SurveyedAt(DateTimeOffset at) =>
        SuppressionWindow.Restore(Customer.Key, new SuppressionState(SurveyIds.For("other-contact"), SuppressionHold.Confirmed, at, at), "etag");

    public static Survey ScheduledSurvey(string contactId = "contact-1") => new()
    {
        SurveyId = SurveyIds.For(contactId),
        ContactId = contactId,
        Customer = Customer,
        Agent = Agent,
        Queue = "billing",
        Channel = "phone",
        ContactEndedAt = Now.AddMinutes(-5),
        Locale = "nl-NL",
        TenantId = "Tenant-1",
        DefinitionId = SurveyDefinition.Default.Id,
        DefinitionVersion = SurveyDefinition.Default.Version,
        ScheduledAt = Now,
    };

    /// <summary>A survey whose card was sent at <see cref="Now"/> and is open for <paramref name="validFor"/> (default 7 days).</summary>
    public static Survey SentSurvey(TimeSpan? validFor = null)
    {
        var survey = ScheduledSurvey();
        survey.BeginSend();
        survey.MarkSent(Now, "msteams", "a:conversation-1", "activity-1", validFor ?? TimeSpan.FromDays(7));
        return survey;
    }

    public static SurveyAnswers Answers(int? csat = 4, ExpectationAnswer? expectation = ExpectationAnswer.AsExpected,
        ResolutionAnswer? resolution = ResolutionAnswer.Yes, bool? consent = null, string? comment = null) => new()
    {
        Csat = csat,
        Expectation = expectation,
        Resolution = resolution,
        ContactConsent = consent,
        Comment = comment,
        Raw = new Dictionary<string, string>(),
    };

    public static SurveyResponse Response(Survey survey, SurveyAnswers answers) =>
        SurveyResponse.For(survey, answers, survey.Locale ?? "en-US", Now.AddHours(1), "customer-pseudonym");

    public static FollowUp OpenFollowUp(DateTimeOffset? dueAt = null) => new()
    {
        FollowUpId = "survey-1",
        Source = FollowUpSource.SurveyResponse("survey-1"),
        ContactId = "contact-1",
        Agent = Agent,
        Queue = "billing",
        Reasons = FollowUpReasons.LowCsat,
        CallBack = true,
        CreatedAt = Now,
        DueAt = dueAt ?? Now.AddHours(24),
        Csat = 1,
    };

    /// <summary>A complete resolution with the given note.</summary>
    public static FollowUpResolution Resolution(string note = "Called back, refund issued.") =>
        FollowUpResolution.Create(true, RecoveryOutcome.Yes, QualityDriver.Reliability, "double charge", note);

    public static SurveyDefinition Definition(params SurveyQuestion[] questions) => new("custom", 1, questions);
}
