using CxBot.App.Surveys;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Tests.Support;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Signals;

/// <summary>The signal card shows the customer's own survey answers for the contact it names, and flags contradictions.</summary>
[Collection(AppAzurite.Name)]
public sealed class SignalTriangulationTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = SignalLifecycleFlow.NewApp(azurite);

    private SignalLifecycleFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AComplimentWhileTheCustomerGaveCsat1_IsFlagged()
    {
        var contactId = await StoreResponseAsync(new SurveyAnswers { Csat = 1, Nps = 3, Expectation = ExpectationAnswer.Worse, Comment = "*Never* again", Raw = Raw() });
        var signal = await Flow.ReportAsync(kind: SignalKind.Compliment, contactId: contactId, description: "Customer thanked us warmly.");

        var text = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.OpenVerb, signal));

        Assert.Contains("The customer's own answers for this contact", text, StringComparison.Ordinal);
        Assert.Contains("Contradiction: logged as a compliment, but the customer was dissatisfied.", text, StringComparison.Ordinal);
        Assert.Contains("CSAT: \n1/5", text, StringComparison.Ordinal);
        Assert.Contains("Worse than expected", text, StringComparison.Ordinal);
        Assert.Contains("*Never* again", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChurnRiskWhileThePromoterGaveNps10_IsFlaggedInDutch()
    {
        var contactId = await StoreResponseAsync(new SurveyAnswers { Csat = 4, Nps = 10, Raw = Raw() });
        var signal = await Flow.ReportAsync(kind: SignalKind.ChurnRisk, contactId: contactId);

        var text = SignalLifecycleFlow.Text(await Flow.ClickAsync(TestPeople.Supervisor("nl-NL"), SignalMoveAction.OpenVerb, signal));

        Assert.Contains("Tegenstrijdig: gemeld als opzegrisico, maar de klant is promotor (NPS 9-10).", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AComplaintAgreeingWithALowScore_ShowsBothSidesWithoutAFlag()
    {
        var contactId = await StoreResponseAsync(new SurveyAnswers { Csat = 2, Raw = Raw() });
        var signal = await Flow.ReportAsync(kind: SignalKind.Complaint, contactId: contactId);

        var text = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.OpenVerb, signal));

        Assert.Contains("CSAT: \n2/5", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Contradiction", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenantsResponse_IsNotShown()
    {
        var contactId = await StoreResponseAsync(new SurveyAnswers { Csat = 5, Raw = Raw() }, tenantId: "0b6d5f1e-2a3c-4d5e-8f90-1a2b3c4d5e6f");
        var signal = await Flow.ReportAsync(kind: SignalKind.Complaint, contactId: contactId);

        var text = SignalLifecycleFlow.Text(await Flow.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.OpenVerb, signal));

        Assert.DoesNotContain("The customer's own answers", text, StringComparison.Ordinal);
    }

    private async Task<string> StoreResponseAsync(SurveyAnswers answers, string tenantId = TeamsUser.TenantId)
    {
        var contactId = "contact-" + Guid.NewGuid().ToString("N");
        var now = _app.Time.GetUtcNow();
        var survey = new Survey
        {
            SurveyId = SurveyIds.For(contactId),
            ContactId = contactId,
            Customer = CustomerAddress.OnChannel("webchat", "customer-1"),
            Agent = PersonRef.Agent("agent-17", "Alex Agent"),
            Queue = "Billing",
            Channel = "phone",
            ContactEndedAt = now.AddMinutes(-30),
            TenantId = tenantId,
            DefinitionId = "default",
            DefinitionVersion = 1,
            ScheduledAt = now.AddMinutes(-30),
        };
        await _app.Services.GetRequiredService<ISurveys>().TryAddAsync(survey, CancellationToken.None);
        var day = _app.Services.GetRequiredService<SurveyResponseLookup>().DayOf(survey);
        await _app.Services.GetRequiredService<ISurveyResponses>().TryAddAsync(day, new SurveyResponse
        {
            SurveyId = SurveyIds.For(contactId),
            ContactId = contactId,
            DefinitionId = "default",
            DefinitionVersion = 1,
            Agent = PersonRef.Agent("agent-17", "Alex Agent"),
            Queue = "Billing",
            Channel = "phone",
            CustomerId = "customer-1-pseudonym",
            Locale = "en-US",
            TenantId = tenantId,
            Answers = answers,
            ContactEndedAt = now.AddMinutes(-30),
            SentAt = now.AddMinutes(-29),
            AnsweredAt = now.AddMinutes(-20),
        }, CancellationToken.None);
        return contactId;
    }

    private static Dictionary<string, string> Raw() => new() { ["csat"] = "x" };
}
