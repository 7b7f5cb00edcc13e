using CxBot.Domain.FollowUps;
using CxBot.Domain.Messaging;
using CxBot.Domain.Surveys;
using CxBot.Domain.People;

namespace CxBot.Storage.Tests.Infrastructure;

/// <summary>Builders of domain objects with every field set, so a round trip that drops one is caught.</summary>
public static class TestData
{
    /// <summary>A time with sub-millisecond ticks and a non-UTC offset, to catch lossy time storage.</summary>
    public static DateTimeOffset Time { get; } = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(1)).AddTicks(5_897_932);

    /// <summary>An id no other test uses; with characters Table Storage forbids in keys.</summary>
    public static string NewId(string kind) => $"{kind}/{Guid.NewGuid():N}#?";

    public static Survey Survey(string? surveyId = null, string? contactId = null, DateTimeOffset? contactEndedAt = null) => new()
    {
        SurveyId = surveyId ?? NewId("survey"),
        ContactId = contactId ?? NewId("contact"),
        Customer = CustomerAddress.Teams("Tenant-1", "AAD-1"),
        Agent = PersonRef.Agent("agent-7", "Sam de Vries"),
        Queue = "billing",
        Channel = "phone",
        ContactEndedAt = contactEndedAt ?? Time,
        Locale = "nl-NL",
        TenantId = "Tenant-1",
        DefinitionId = "default",
        DefinitionVersion = 3,
        Questions = [SurveyQuestion.Csat, SurveyQuestion.Nps, SurveyQuestion.Consent],
        ScheduledAt = Time.AddMinutes(1),
    };

    public static SurveyResponse Response(string? contactId = null, DateTimeOffset? answeredAt = null, int csat = 2) => new()
    {
        SurveyId = NewId("survey"),
        ContactId = contactId ?? NewId("contact"),
        DefinitionId = "default",
        DefinitionVersion = 3,
        Agent = PersonRef.Agent("agent-7", "Sam de Vries"),
        Queue = "billing",
        Channel = "chat",
        CustomerId = "3f2a9c0d5e6b7a8c9d0e1f2a3b4c5d6e",
        Locale = "nl-NL",
        TenantId = "Tenant-1",
        Answers = new SurveyAnswers
        {
            Csat = csat,
            Expectation = ExpectationAnswer.Worse,
            Resolution = ResolutionAnswer.Partly,
            Nps = 0,
            Ces = 2,
            Driver = QualityDriver.WaitingTime,
            Comment = "Te lang gewacht, \"echt\" waar.\nTweede regel ✓",
            ContactConsent = true,
            Raw = new Dictionary<string, string>
            {
                ["csat"] = csat.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["expectation"] = "worse",
                ["comment"] = "Te lang gewacht, \"echt\" waar.\nTweede regel ✓",
                ["unknown-input"] = "{\"not\":\"parsed\"} <b>&amp;</b> 😀",
                ["empty"] = "",
            },
        },
        ContactEndedAt = Time.AddMinutes(-30),
        SentAt = Time.AddMinutes(-29),
        AnsweredAt = answeredAt ?? Time,
        FollowUpId = "followup-1",
        AnsweredAfterReminder = true,
    };

    /// <summary>Where a follow-up card was posted.</summary>
    public static PostedMessage FollowUpCard { get; } =
        new("msteams", "https://smba.trafficmanager.net/emea/", "19:channel@thread.tacv2", "1795386688860", "Tenant-1");

    public static FollowUp FollowUp(DateTimeOffset? dueAt = null)
    {
        var followUp = new FollowUp
        {
            FollowUpId = NewId("followup"),
            Source = FollowUpSource.SurveyResponse(NewId("survey"), new DateOnly(2025, 3, 3)),
            ContactId = NewId("contact"),
            TenantId = "Tenant-1",
            CustomerName = "Jan de Klant",
            Agent = PersonRef.Agent("agent-7", "Sam de Vries", "aad-sam"),
            Queue = "billing",
            Reasons = FollowUpReasons.LowCsat | FollowUpReasons.NotResolved,
            CallBack = true,
            CreatedAt = Time,
            DueAt = dueAt ?? Time.AddHours(24),
            Csat = 1,
        };
        followUp.RecordCardPosted(FollowUpCard);
        return followUp;
    }
}
