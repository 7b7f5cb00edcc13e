using System.Diagnostics;
using System.Net;
using Azure.Storage.Queues;
using CxBot.App.Localization;
using CxBot.App.Surveys.Delivery;
using CxBot.App.Surveys;
using CxBot.App.Tests.Support;
using CxBot.Domain.Conversations;
using CxBot.Domain.Surveys;
using CxBot.Protocol.Connector;
using CxBot.Storage.Setup;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Surveys.Delivery;

/// <summary>
/// Durable delivery on Azurite's queue: restarts, throttling, bounded attempts, undeliverable customers, the reminder
/// and the delay. Queue visibility is real time, so where the app asks for long delays the tests shorten them through
/// <see cref="RecordingOutbox"/> and check the delay the app asked for.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class SurveyDispatcherTests(AzuriteProcess azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AThrottledSendWaitsForRetryAfterThenGoesOnce()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        var retryAfter = TimeSpan.FromSeconds(3);
        app.Connector.Enqueue(ConnectorOperation.Send, ConnectorResult.Throttled(retryAfter));
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));

        Assert.Equal(1, await app.DispatchAsync());
        var released = Stopwatch.StartNew();

        var throttled = await SurveyAsync(app, surveyId);
        Assert.Equal((SurveyStatus.Scheduled, 1, "Throttled by the channel."), (throttled.Status, throttled.Attempts, throttled.LastError));
        Assert.Equal([(surveyId, retryAfter)], app.Outbox.Released);
        Assert.Equal(0, await app.DispatchAsync());
        Assert.Single(SurveyFlow.SurveyCardSends(app.Connector));

        app.Time.Advance(retryAfter);
        await Poll.UntilAsync(async () => await app.DispatchAsync() > 0, TimeSpan.FromSeconds(15), "the throttled survey to come back");

        // Queue visibility has whole-second precision.
        Assert.True(released.Elapsed >= retryAfter - TimeSpan.FromSeconds(1), $"Retried after {released.Elapsed}.");
        var sends = SurveyFlow.SurveyCardSends(app.Connector).ToList();
        Assert.Equal(2, sends.Count);
        Assert.Single(sends, s => s.Result!.IsSuccess);
        var sent = await SurveyAsync(app, surveyId);
        Assert.Equal((SurveyStatus.Sent, 2, null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Equal(0, await app.DispatchAsync());
    }

    [Fact]
    public async Task ALongRetryAfterKeepsTheSurveyHiddenInTheQueue()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        app.Connector.Enqueue(ConnectorOperation.Send, ConnectorResult.Throttled(TimeSpan.FromSeconds(30)));
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));

        await app.DispatchAsync();

        Assert.Equal([(surveyId, TimeSpan.FromSeconds(30))], app.Outbox.Released);
        await AssertWaitingHiddenAsync(app);
        Assert.Single(SurveyFlow.SurveyCardSends(app.Connector));
    }

    [Fact]
    public async Task AfterMaxAttemptsFailedSendsTheSurveyIsUndeliverableWithTheReason()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:MaxAttempts"] = "3" });
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        app.Outbox.MaxDelay = TimeSpan.Zero;
        app.Connector.Responder = call => call.Operation == ConnectorOperation.Send && call.ConversationId == customer.PersonalConversationId
            ? ConnectorResult.Failed(HttpStatusCode.BadGateway, "BadGateway")
            : null;
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));

        Assert.Equal(3, await app.DispatchAsync());

        var survey = await SurveyAsync(app, surveyId);
        Assert.Equal((SurveyStatus.Undeliverable, 3, "Send failed: BadGateway"), (survey.Status, survey.Attempts, survey.LastError));
        Assert.Equal(3, SurveyFlow.SurveyCardSends(app.Connector).Count());
        Assert.Equal([(surveyId, TimeSpan.FromSeconds(15)), (surveyId, TimeSpan.FromSeconds(30))], app.Outbox.Released);
        Assert.Equal(0, await MessagesInQueueAsync(app));
    }

    [Fact]
    public async Task ASurveyPostWithoutACertainAnswerCountsAsSent_IsNotSentAgain_AndGetsNoReminder()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:ReminderAfterHours"] = "24" });
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        app.Outbox.MaxDelay = TimeSpan.Zero;
        app.Connector.Enqueue(ConnectorOperation.Send, ConnectorResult.Uncertain(HttpStatusCode.GatewayTimeout));
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));

        Assert.Equal(1, await app.DispatchAsync());
        Assert.Equal(0, await app.DispatchAsync());

        var survey = await SurveyAsync(app, surveyId);
        Assert.Equal((SurveyStatus.Sent, 1, customer.PersonalConversationId), (survey.Status, survey.Attempts, survey.SentConversationId));
        Assert.Single(SurveyFlow.SurveyCardSends(app.Connector));
        Assert.DoesNotContain(app.Outbox.Enqueued, e => e.Kind == DispatchKind.Remind);
        Assert.Contains(app.Outbox.Enqueued, e => e.Kind == DispatchKind.Expire);
        Assert.Empty(app.Outbox.Released);
        await AssertWaitingHiddenAsync(app); // its expiry
    }

    [Fact]
    public async Task AnUnavailableChannelsLongRetryAfterBecomesTheSurveysRetryDelay()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        app.Connector.Enqueue(ConnectorOperation.Send, ConnectorResult.Failed(HttpStatusCode.ServiceUnavailable) with { RetryAfter = TimeSpan.FromSeconds(40) });
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));

        await app.DispatchAsync();

        Assert.Equal([(surveyId, TimeSpan.FromSeconds(40))], app.Outbox.Released);
        Assert.Equal(SurveyStatus.Scheduled, (await SurveyAsync(app, surveyId)).Status);
    }

    public static TheoryData<string, string> PermanentFailures => new()
    {
        { nameof(ConnectorOutcome.Blocked), "The customer blocked or removed the bot." },
        { nameof(ConnectorOutcome.NotFound), "The conversation no longer exists." },
    };

    [Theory]
    [MemberData(nameof(PermanentFailures))]
    public async Task APermanentFailureMakesTheSurveyUndeliverableAtOnce(string outcome, string reason)
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();
        app.Connector.Enqueue(ConnectorOperation.Send, outcome == nameof(ConnectorOutcome.Blocked) ? ConnectorResult.Blocked() : ConnectorResult.NotFound());
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));

        Assert.Equal(1, await app.DispatchAsync());

        var survey = await SurveyAsync(app, surveyId);
        Assert.Equal((SurveyStatus.Undeliverable, 1, reason), (survey.Status, survey.Attempts, survey.LastError));
        Assert.Empty(app.Outbox.Released);
        Assert.Single(SurveyFlow.SurveyCardSends(app.Connector));
        Assert.Equal(0, await MessagesInQueueAsync(app));
    }

    [Fact]
    public async Task ATeamsCustomerWithoutAChatIsUndeliverableWhenTheBotCannotStartOne()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(SurveyFlow.NewCustomer()));

        Assert.Equal(1, await app.DispatchAsync());

        var survey = await SurveyAsync(app, surveyId);
        Assert.Equal(SurveyStatus.Undeliverable, survey.Status);
        Assert.Equal("There is no chat with this person yet, and without Bot:AppId the bot cannot start one.", survey.LastError);
        Assert.Empty(app.Connector.CallsOf(ConnectorOperation.CreateConversation));
        Assert.Empty(SurveyFlow.SurveyCardSends(app.Connector));
    }

    [Fact]
    public async Task ATeamsCustomerWithoutAChatGetsTheSurveyInANewOneToOneChat()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer();
        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));
        var resolver = SurveyRecipientResolverTests.Resolver(app.Services.GetRequiredService<IConversationRecords>(), app.Connector);
        var sender = ActivatorUtilities.CreateInstance<SurveySender>(app.Services, resolver);

        var outcome = await sender.HandleAsync(surveyId, DispatchKind.Send, None);

        Assert.Null(outcome.RetryAfter);
        var create = Assert.Single(app.Connector.CallsOf(ConnectorOperation.CreateConversation));
        Assert.Equal(customer.AadObjectId, Assert.Single(create.Parameters!.Members!).AadObjectId);
        var send = Assert.Single(SurveyFlow.SurveyCardSends(app.Connector));
        Assert.Equal(("conversation-1", "https://smba.trafficmanager.net/teams/"), (send.ConversationId, send.ServiceUrl));
        var survey = await SurveyAsync(app, surveyId);
        Assert.Equal((SurveyStatus.Sent, "msteams", "conversation-1"), (survey.Status, survey.SentChannelId, survey.SentConversationId));
    }

    [Fact]
    public async Task AfterTheSendOneReminderIsQueuedAndAnUnansweredSurveyGetsItOnce()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:ReminderAfterHours"] = "24" });
        var flow = new SurveyFlow(app);
        app.Outbox.MaxDelay = TimeSpan.FromSeconds(2);
        var customer = SurveyFlow.NewCustomer();
        var survey = await flow.SendAsync(customer);

        Assert.Contains((survey.SurveyId, DispatchKind.Remind, TimeSpan.FromHours(24)), app.Outbox.Enqueued);
        app.Time.Advance(TimeSpan.FromHours(24));
        await Poll.UntilAsync(async () => await app.DispatchAsync() > 0, TimeSpan.FromSeconds(15), "the reminder message");

        var stored = await SurveyAsync(app, survey.SurveyId);
        var reminder = Assert.Single(TextsTo(app, survey.ConversationId));
        Assert.Equal(app.Services.GetRequiredService<SurveyCardFactory>().ReminderText(stored, BotCulture.English), reminder);
        Assert.Equal(app.Time.GetUtcNow(), stored.RemindedAt);
        Assert.Equal(0, await app.DispatchAsync());
    }

    [Fact]
    public async Task AnAnsweredSurveyGetsNoReminder()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:ReminderAfterHours"] = "24" });
        var flow = new SurveyFlow(app);
        app.Outbox.MaxDelay = TimeSpan.FromSeconds(2);
        var customer = SurveyFlow.NewCustomer();
        var survey = await flow.SendAsync(customer);
        await flow.ExecuteAsync(customer, survey.Answer(("csat", "5")));
        app.Time.Advance(TimeSpan.FromHours(24));

        await Poll.UntilAsync(async () => await app.DispatchAsync() > 0, TimeSpan.FromSeconds(15), "the reminder message");

        Assert.Empty(TextsTo(app, survey.ConversationId));
        Assert.Null((await SurveyAsync(app, survey.SurveyId)).RemindedAt);
        await AssertWaitingHiddenAsync(app); // its expiry
    }

    [Fact]
    public async Task RemindersAreOffByDefault()
    {
        using var app = new CxBotAppFactory(azurite);

        var survey = await new SurveyFlow(app).SendAsync(SurveyFlow.NewCustomer());

        Assert.Equal([(survey.SurveyId, DispatchKind.Send, TimeSpan.Zero), (survey.SurveyId, DispatchKind.Expire, TimeSpan.FromDays(7) + TimeSpan.FromMinutes(5))],
            app.Outbox.Enqueued);
        await AssertWaitingHiddenAsync(app); // its expiry
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(4, 6)]
    public async Task TheSurveyWaitsTheConfiguredDelayAfterTheContactEnded(int endedMinutesAgo, int expectedDelayMinutes)
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:DelayMinutes"] = "10" });
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();

        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer, endedAt: app.Time.GetUtcNow().AddMinutes(-endedMinutesAgo)));

        Assert.Equal([(surveyId, DispatchKind.Send, TimeSpan.FromMinutes(expectedDelayMinutes))], app.Outbox.Enqueued);
        await AssertWaitingHiddenAsync(app);
        Assert.Equal(SurveyStatus.Scheduled, (await SurveyAsync(app, surveyId)).Status);
        Assert.Empty(SurveyFlow.SurveyCardSends(app.Connector));
    }

    [Fact]
    public async Task AContactThatEndedLongerAgoThanTheDelayIsSentAtOnce()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:DelayMinutes"] = "10" });
        var flow = new SurveyFlow(app);
        var customer = await flow.InstalledCustomerAsync();

        var (_, surveyId) = await flow.ScheduleAsync(flow.Contact(customer, endedAt: app.Time.GetUtcNow().AddMinutes(-15)));

        Assert.Equal(TimeSpan.Zero, Assert.Single(app.Outbox.Enqueued).Delay);
        Assert.Equal(1, await app.DispatchAsync());
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(app, surveyId)).Status);
    }

    private static async Task<Survey> SurveyAsync(CxBotAppFactory app, string surveyId) =>
        await app.Services.GetRequiredService<ISurveys>().GetAsync(surveyId, None) ?? throw new Xunit.Sdk.XunitException($"No survey {surveyId}.");

    private static async Task<List<SurveyStatus>> StatusesAsync(CxBotAppFactory app, IEnumerable<string> surveyIds)
    {
        var statuses = new List<SurveyStatus>();
        foreach (var id in surveyIds)
        {
            statuses.Add((await SurveyAsync(app, id)).Status);
        }

        return statuses;
    }

    private static List<string> TextsTo(CxBotAppFactory app, string conversationId) =>
        [.. app.Connector.CallsOf(ConnectorOperation.Send).Where(c => c.ConversationId == conversationId && c.Activity?.Text is not null).Select(c => c.Activity!.Text!)];

    /// <summary>One message in the queue, hidden: the dispatcher finds nothing to do.</summary>
    private async Task AssertWaitingHiddenAsync(CxBotAppFactory app)
    {
        Assert.Equal(1, await MessagesInQueueAsync(app));
        Assert.Empty((await RawQueue(app).PeekMessagesAsync(10)).Value);
        Assert.Equal(0, await app.DispatchAsync());
    }

    private QueueClient RawQueue(CxBotAppFactory app) =>
        new(azurite.ConnectionString, app.Services.GetRequiredService<StorageNames>().OutboxQueue);

    /// <summary>Visible and hidden messages.</summary>
    private async Task<int> MessagesInQueueAsync(CxBotAppFactory app) =>
        (await RawQueue(app).GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
