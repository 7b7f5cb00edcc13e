using CxBot.App.Surveys;
using System.Net;
using CxBot.App.Surveys.Delivery;
using CxBot.App.Tests.Support;
using CxBot.Domain.Conversations;
using CxBot.Domain.Surveys;
using CxBot.Protocol.Connector;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Surveys.Delivery;

/// <summary>How a survey ends when it is not answered: undeliverable with a reason, skipped before the send, or expired.</summary>
[Collection(AppAzurite.Name)]
public sealed class SurveyOutcomeTests(AzuriteProcess azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan ExpiryGrace = TimeSpan.FromMinutes(5);

    public static TheoryData<string, SurveyFailureReason> PermanentFailures => new()
    {
        { nameof(ConnectorOutcome.Blocked), SurveyFailureReason.Blocked },
        { nameof(ConnectorOutcome.NotFound), SurveyFailureReason.ConversationGone },
        { nameof(ConnectorOutcome.Refused), SurveyFailureReason.Refused },
    };

    [Theory]
    [MemberData(nameof(PermanentFailures))]
    public async Task APermanentFailureKeepsItsReason(string outcome, SurveyFailureReason expected)
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        app.Connector.Enqueue(ConnectorOperation.Send, outcome switch
        {
            nameof(ConnectorOutcome.Blocked) => ConnectorResult.Blocked(),
            nameof(ConnectorOutcome.NotFound) => ConnectorResult.NotFound(),
            _ => ConnectorResult.Refused("BadArgument", "The card is not valid."),
        });
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));

        await app.DispatchAsync();

        var survey = await SurveyAsync(app, surveyId);
        Assert.Equal((SurveyStatus.Undeliverable, expected, (SkipReason?)null), (survey.Status, survey.FailureReason, survey.SkipReason));
    }

    [Fact]
    public async Task AChannelThatFailsEveryAttemptIsAChannelError()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:MaxAttempts"] = "2" });
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        app.Outbox.MaxDelay = TimeSpan.Zero;
        app.Connector.Responder = call => call.Operation == ConnectorOperation.Send && call.ConversationId == customer.PersonalConversationId
            ? ConnectorResult.Failed(HttpStatusCode.BadGateway, "BadGateway")
            : null;
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));

        await app.DispatchAsync();

        var survey = await SurveyAsync(app, surveyId);
        Assert.Equal((SurveyStatus.Undeliverable, SurveyFailureReason.ChannelError), (survey.Status, survey.FailureReason));
    }

    [Fact]
    public async Task ThrottlingOnTheLastAttemptIsThrottled()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:MaxAttempts"] = "1" });
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        app.Connector.Enqueue(ConnectorOperation.Send, ConnectorResult.Throttled(TimeSpan.FromSeconds(1)));
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));

        await app.DispatchAsync();

        Assert.Equal(SurveyFailureReason.Throttled, (await SurveyAsync(app, surveyId)).FailureReason);
    }

    [Fact]
    public async Task ATeamsCustomerTheBotCannotStartAChatWithHasNoConversation()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(SurveyFlow.NewCustomer()));

        await app.DispatchAsync();

        var survey = await SurveyAsync(app, surveyId);
        Assert.Equal((SurveyStatus.Undeliverable, SurveyFailureReason.NoConversation), (survey.Status, survey.FailureReason));
    }

    [Fact]
    public async Task AnInterruptedLastAttemptIsInterrupted()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:MaxAttempts"] = "1" });
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));
        var surveys = app.Services.GetRequiredService<ISurveys>();
        var claimed = (await surveys.GetAsync(surveyId, None))!;
        claimed.BeginSend();
        await surveys.UpdateAsync(claimed, None);

        await app.DispatchAsync();

        Assert.Equal(SurveyFailureReason.Interrupted, (await SurveyAsync(app, surveyId)).FailureReason);
    }

    [Fact]
    public async Task AChatThatRefusedTheBotSinceTheContact_SkipsTheSurveyAsUnreachable()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        app.Outbox.MaxDelay = TimeSpan.Zero;
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));
        await app.Services.GetRequiredService<IConversationRecords>()
            .MarkStaleAsync("msteams", customer.PersonalConversationId, "403 BotDisabledByAdmin", app.Time.GetUtcNow(), None);

        await app.DispatchAsync();

        var survey = await SurveyAsync(app, surveyId);
        Assert.Equal((SurveyStatus.Skipped, SkipReason.Unreachable, (SurveyFailureReason?)null), (survey.Status, survey.SkipReason, survey.FailureReason));
        Assert.Empty(SurveyFlow.SurveyCardSends(app.Connector));
    }

    [Fact]
    public async Task TheSendQueuesTheExpiryForWhenTheSurveyCloses()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:ExpiryDays"] = "3" });

        var survey = await new SurveyFlow(app).SendAsync(SurveyFlow.NewCustomer());

        Assert.Contains((survey.SurveyId, DispatchKind.Expire, TimeSpan.FromDays(3) + ExpiryGrace), app.Outbox.Enqueued);
    }

    [Fact]
    public async Task AnUnansweredSurveyIsRecordedAsExpiredOnceItsTimeIsUp()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:ExpiryDays"] = "3" });
        var survey = await new SurveyFlow(app).SendAsync(SurveyFlow.NewCustomer());
        var sender = app.Services.GetRequiredService<SurveySender>();

        app.Time.Advance(TimeSpan.FromDays(3));
        var early = await sender.HandleAsync(survey.SurveyId, DispatchKind.Expire, None);
        Assert.Equal(ExpiryGrace, early.RetryAfter);
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(app, survey.SurveyId)).Status);

        app.Time.Advance(ExpiryGrace);
        var done = await sender.HandleAsync(survey.SurveyId, DispatchKind.Expire, None);

        Assert.Null(done.RetryAfter);
        var stored = await SurveyAsync(app, survey.SurveyId);
        Assert.Equal((SurveyStatus.Expired, app.Time.GetUtcNow()), (stored.Status, stored.ExpiredAt));
    }

    [Fact]
    public async Task TwoInstancesExpiringTheSameSurveyRecordItOnce()
    {
        using var app = new CxBotAppFactory(azurite);
        var survey = await new SurveyFlow(app).SendAsync(SurveyFlow.NewCustomer());
        var first = app.Services.GetRequiredService<SurveySender>();
        var second = ActivatorUtilities.CreateInstance<SurveySender>(app.Services);
        app.Time.Advance(TimeSpan.FromDays(8));
        var at = app.Time.GetUtcNow();

        var outcomes = await Task.WhenAll(
            first.HandleAsync(survey.SurveyId, DispatchKind.Expire, None),
            second.HandleAsync(survey.SurveyId, DispatchKind.Expire, None));

        Assert.All(outcomes, o => Assert.Null(o.RetryAfter));
        var stored = await SurveyAsync(app, survey.SurveyId);
        Assert.Equal((SurveyStatus.Expired, at), (stored.Status, stored.ExpiredAt));
    }

    [Fact]
    public async Task AnAnsweredSurveyNeverExpires()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer();
        var survey = await flow.SendAsync(customer);
        await flow.ExecuteAsync(customer, survey.Answer(("csat", "5")));
        app.Time.Advance(TimeSpan.FromDays(8));

        await app.Services.GetRequiredService<SurveySender>().HandleAsync(survey.SurveyId, DispatchKind.Expire, None);

        var stored = await SurveyAsync(app, survey.SurveyId);
        Assert.Equal((SurveyStatus.Answered, (DateTimeOffset?)null), (stored.Status, stored.ExpiredAt));
    }

    [Fact]
    public async Task ASurveyWhoseResponseIsStoredIsRecordedAnsweredByItsExpiryWorkNotExpired()
    {
        using var app = new CxBotAppFactory(azurite);
        var survey = await new SurveyFlow(app).SendAsync(SurveyFlow.NewCustomer());
        var sent = await SurveyAsync(app, survey.SurveyId);
        var answers = new SurveyAnswers { Csat = 4, Raw = new Dictionary<string, string> { ["csat"] = "4" } };
        var day = app.Services.GetRequiredService<SurveyResponseLookup>().DayOf(sent);
        var answeredAt = app.Time.GetUtcNow();
        Assert.True(await app.Services.GetRequiredService<ISurveyResponses>()
            .TryAddAsync(day, SurveyResponse.For(sent, answers, "en-US", answeredAt, "customer-1"), None));
        app.Time.Advance(TimeSpan.FromDays(8));

        await app.Services.GetRequiredService<SurveySender>().HandleAsync(survey.SurveyId, DispatchKind.Expire, None);

        var stored = await SurveyAsync(app, survey.SurveyId);
        Assert.Equal((SurveyStatus.Answered, (DateTimeOffset?)answeredAt, (DateTimeOffset?)null), (stored.Status, stored.AnsweredAt, stored.ExpiredAt));
    }

    private static async Task<Survey> SurveyAsync(CxBotAppFactory app, string surveyId) =>
        (await app.Services.GetRequiredService<ISurveys>().GetAsync(surveyId, None))!;
}
