using System.Net;
using CxBot.App.Messaging;
using CxBot.App.Surveys.Delivery;
using CxBot.App.Tests.Support;
using CxBot.Domain.Surveys;
using CxBot.Protocol.Connector;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Surveys.Delivery;

/// <summary>What keeps a survey from going out twice, forever, too early or against the customer's wish.</summary>
[Collection(AppAzurite.Name)]
public sealed class SurveySafeguardTests(AzuriteProcess azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task StopTypedBeforeTheDelayedSurveyGoesOut_TheSurveyIsNotSent()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:DelayMinutes"] = "10" });
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        app.Outbox.MaxDelay = TimeSpan.Zero;
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));

        await app.PostActivityAsync(customer.Text("stop"));
        app.Time.Advance(TimeSpan.FromMinutes(11));
        await app.DispatchAsync();

        var survey = (await app.Services.GetRequiredService<ISurveys>().GetAsync(surveyId, None))!;
        Assert.Equal((SurveyStatus.Skipped, SkipReason.OptedOut, (SurveyFailureReason?)null), (survey.Status, survey.SkipReason, survey.FailureReason));
        Assert.Null((await app.Services.GetRequiredService<CxBot.Domain.Customers.ISuppressionWindows>().GetAsync(survey.Customer.Key, None)).State);
        Assert.Empty(SurveyFlow.SurveyCardSends(app.Connector));
    }

    [Fact]
    public async Task InterruptedAttemptsUseUpTheAttempts_ThenTheSurveyIsUndeliverable()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:MaxAttempts"] = "2" });
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));
        var surveys = app.Services.GetRequiredService<ISurveys>();

        // Two sends that died after claiming the survey (the process stopped, or the send hung until its budget ran out).
        for (var i = 0; i < 2; i++)
        {
            var claimed = (await surveys.GetAsync(surveyId, None))!;
            claimed.BeginSend();
            await surveys.UpdateAsync(claimed, None);
        }

        app.Outbox.MaxDelay = TimeSpan.Zero;
        await app.DispatchAsync();

        var survey = (await surveys.GetAsync(surveyId, None))!;
        Assert.Equal((SurveyStatus.Undeliverable, 2), (survey.Status, survey.Attempts));
        Assert.Contains("interrupted", survey.LastError, StringComparison.Ordinal);
        Assert.Empty(SurveyFlow.SurveyCardSends(app.Connector));
    }

    [Fact]
    public async Task ASendThatRunsOutOfTime_IsRecordedAsAFailedAttemptAndRetried()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));
        var sender = app.Services.GetRequiredService<SurveySender>();
        using var budget = new CancellationTokenSource();
        app.Connector.Responder = call =>
        {
            if (call.Operation != ConnectorOperation.Send || call.ConversationId != customer.PersonalConversationId)
            {
                return null;
            }

            // The message's time budget runs out while the channel has not answered.
            budget.Cancel();
            throw new OperationCanceledException(budget.Token);
        };

        var outcome = await sender.HandleAsync(surveyId, DispatchKind.Send, budget.Token);

        Assert.NotNull(outcome.RetryAfter);
        var survey = (await app.Services.GetRequiredService<ISurveys>().GetAsync(surveyId, None))!;
        Assert.Equal((SurveyStatus.Scheduled, 1, "The send timed out."), (survey.Status, survey.Attempts, survey.LastError));
    }

    [Fact]
    public async Task AReminderMessageThatComesEarly_WaitsForTheRestOfTheTime()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:ReminderAfterHours"] = "24" });
        var flow = new SurveyFlow(app);
        var survey = await flow.SendAsync(SurveyFlow.NewCustomer());
        var sender = app.Services.GetRequiredService<SurveySender>();
        app.Time.Advance(TimeSpan.FromHours(20));

        var outcome = await sender.HandleAsync(survey.SurveyId, DispatchKind.Remind, None);

        Assert.Equal(TimeSpan.FromHours(4), outcome.RetryAfter);
        Assert.Null((await app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, None))!.RemindedAt);
    }

    [Fact]
    public async Task AReminderTheDispatcherStopsBeforeSending_IsHandedBackUnmarked_AndGoesOnceLater()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:ReminderAfterHours"] = "24" });
        var flow = new SurveyFlow(app);
        var survey = await flow.SendAsync(SurveyFlow.NewCustomer());
        var sender = app.Services.GetRequiredService<SurveySender>();
        app.Time.Advance(TimeSpan.FromHours(24));
        int Reminders() => app.Connector.CallsOf(ConnectorOperation.Send).Count(c => c.ConversationId == survey.ConversationId && c.Activity?.Text is not null);

        // The dispatcher lost its lease (or is stopping) while the reminder waited for its turn.
        await Assert.ThrowsAsync<DispatchAbortedException>(() =>
            ProactiveSender.RunGuardedAsync(() => false, () => sender.HandleAsync(survey.SurveyId, DispatchKind.Remind, None), None));
        Assert.Equal(0, Reminders());
        Assert.Null((await app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, None))!.RemindedAt);

        await sender.HandleAsync(survey.SurveyId, DispatchKind.Remind, None);
        await sender.HandleAsync(survey.SurveyId, DispatchKind.Remind, None);

        Assert.Equal(1, Reminders());
        Assert.NotNull((await app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, None))!.RemindedAt);
    }

    [Fact]
    public async Task StopTypedAfterTheSurvey_StillLetsTheSentSurveyBeAnswered()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer();
        var survey = await flow.SendAsync(customer);

        await app.PostActivityAsync(customer.Text("stop"));
        var thanks = await flow.ExecuteAsync(customer, survey.Answer(("csat", "5")));

        Assert.Contains("Thank you", thanks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScheduledSurvey_RecordsTheDefinitionVersionAndQuestionsItWillAsk()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?>
        {
            ["Surveys:Definitions:short:Version"] = "4",
            ["Surveys:Definitions:short:Questions:0"] = "Csat",
            ["Surveys:Definitions:short:Questions:1"] = "Nps",
            ["Surveys:Queues:billing:Definition"] = "short",
        });
        var flow = new SurveyFlow(app);
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(await flow.InstalledCustomerAsync()));

        var survey = (await app.Services.GetRequiredService<ISurveys>().GetAsync(surveyId, None))!;

        Assert.Equal(("short", 4), (survey.DefinitionId, survey.DefinitionVersion));
        Assert.Equal([SurveyQuestion.Csat, SurveyQuestion.Nps], survey.Questions);
    }
}
