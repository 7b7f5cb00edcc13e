using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.Channels;
using CxBot.App.Conversations;
using CxBot.App.Messaging;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.Messaging;
using CxBot.Domain.People;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Messaging;

/// <summary>The messenger on the real app and Azurite (outbox queue, log and held table), with a fake connector and
/// in-memory channel designations (their storage adapter is another piece of work).</summary>
[Collection(AppAzurite.Name)]
public sealed class ProactiveMessengerTests(AzuriteProcess azurite) : IDisposable
{
    private const string OtherTenant = "0d0d0d0d-aaaa-4bbb-8ccc-000000000001";
    private const string AlertsChannel = "19:alerts@thread.tacv2";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly InMemoryChannelDesignations _designations = new();
    private readonly RecordingContent _content = new();
    private readonly StoreFailingAfterThePost _failing = new();
    private CxBotAppFactory? _app;

    private CxBotAppFactory App => _app ??= new CxBotAppFactory(azurite)
    {
        RealProactiveMessages = true,
        ConfigureServices = services =>
        {
            services.AddSingleton<IChannelDesignations>(_designations);
            services.AddSingleton<IProactiveContent>(_content);
            // The app's own outbox log, with a store that can be told to stop answering once after a post.
            var table = services.Last(d => d.ServiceType == typeof(IOutboxLog)).ImplementationType!;
            services.AddSingleton<IOutboxLog>(sp => _failing.Around((IOutboxLog)ActivatorUtilities.CreateInstance(sp, table)));
        },
    };

    private IProactiveMessages Messages => App.Services.GetRequiredService<IProactiveMessages>();

    private IOutboxLog Log => App.Services.GetRequiredService<IOutboxLog>();

    public void Dispose() => _app?.Dispose();

    [Fact]
    public async Task AMessageIdQueuedTwiceIsSentOnce_AndTheLogSaysPostingDuringThePostAndSentWithWhereAfter()
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        var message = new ProactiveMessage("once|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.FollowUps), Text: "Hello");
        OutboxStatus? duringPost = null;
        App.Connector.Responder = call =>
        {
            duringPost = Log.GetAsync(message.Id, None).GetAwaiter().GetResult()?.Status;
            return null;
        };

        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);
        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);
        Assert.Equal(2, await App.DispatchAsync());

        var send = Assert.Single(App.Connector.CallsOf(ConnectorOperation.Send));
        Assert.Equal((AlertsChannel, "Hello"), (send.ConversationId, send.Activity!.Text));
        Assert.Equal(OutboxStatus.Posting, duringPost);
        var entry = (await Log.GetAsync(message.Id, None))!;
        Assert.Equal((OutboxStatus.Sent, 1, AlertsChannel, send.Result is ConnectorResult<ResourceResponse> r ? r.Value!.Id : null),
            (entry.Status, entry.Attempts, entry.Posted!.ConversationId, entry.Posted.ActivityId));
    }

    [Fact]
    public async Task AMessageReceivedAgainAfterItWasSentIsNotSentAgain()
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        var message = new ProactiveMessage("again|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.FollowUps), Text: "Hi");
        var messenger = App.Services.GetRequiredService<ProactiveMessenger>();
        var work = ProactiveMessenger.ToWork(message);

        await messenger.HandleAsync(work, None);
        // The queue hands the same message out again (its delete was lost in a crash).
        var again = await messenger.HandleAsync(work, None);

        Assert.Null(again.RetryAfter);
        Assert.Single(App.Connector.CallsOf(ConnectorOperation.Send));
    }

    [Theory]
    [InlineData(System.Net.HttpStatusCode.BadGateway, null)]
    [InlineData(null, ConnectorErrorCodes.Timeout)]
    public async Task APostWithoutACertainAnswerIsNotSentAgain_TheLogSaysUnconfirmed_AndTheContentIsNotToldItLanded(
        System.Net.HttpStatusCode? status, string? errorCode)
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        var message = new ProactiveMessage("uncertain|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.FollowUps),
            ContentKind: RecordingContent.KindName, SubjectId: "follow-up-8");
        App.Connector.Enqueue(ConnectorOperation.Send, ConnectorResult.Uncertain(status, errorCode));
        var messenger = App.Services.GetRequiredService<ProactiveMessenger>();
        var work = ProactiveMessenger.ToWork(message);

        var first = await messenger.HandleAsync(work, None);
        // The same message again: enqueued a second time, or handed out again by the queue.
        var again = await messenger.HandleAsync(work, None);
        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);
        await App.DispatchAsync();

        Assert.Equal((null, null), (first.RetryAfter, again.RetryAfter));
        Assert.Single(App.Connector.CallsOf(ConnectorOperation.Send));
        var entry = (await Log.GetAsync(message.Id, None))!;
        Assert.Equal((OutboxStatus.Unconfirmed, 1, AlertsChannel, null), (entry.Status, entry.Attempts, entry.Posted?.ConversationId, entry.Posted?.ActivityId));
        Assert.Contains(status is null ? errorCode! : "502", entry.Reason, StringComparison.Ordinal);
        Assert.Empty(_content.Delivered);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheStoreFailingRightAfterThePost_TheRedeliveredMessageIsNotPostedAgain_AndItIsUnconfirmed(bool uncertain)
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        var message = new ProactiveMessage("outage|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.FollowUps), Text: "Once");
        if (uncertain)
        {
            App.Connector.Enqueue(ConnectorOperation.Send, ConnectorResult.Uncertain(System.Net.HttpStatusCode.BadGateway, null));
        }

        _ = Log;
        _failing.FailNextOutcome = true;
        App.Outbox.Visibility = TimeSpan.FromSeconds(1);
        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);

        Assert.Equal(1, await App.DispatchAsync());
        // The outcome was not written, so the queue message stayed: it comes back after its visibility timeout.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, await App.DispatchAsync());
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(0, await App.DispatchAsync());
        Assert.False(_failing.FailNextOutcome);
        Assert.Single(App.Connector.CallsOf(ConnectorOperation.Send));
        var entry = (await Log.GetAsync(message.Id, None))!;
        Assert.Equal((OutboxStatus.Unconfirmed, 1, AlertsChannel), (entry.Status, entry.Attempts, entry.Posted?.ConversationId));
    }

    [Fact]
    public async Task AChannelsRefusalAndTheSendAfterItAreOneAttempt()
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        var message = new ProactiveMessage("refused|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.FollowUps), Text: "Once");
        App.Connector.Responder = call => call.ConversationId == AlertsChannel ? ConnectorResult.Blocked("BotNotInConversationRoster") : null;

        await App.Services.GetRequiredService<ProactiveMessenger>().HandleAsync(ProactiveMessenger.ToWork(message), None);

        Assert.NotEmpty(App.Connector.CallsOf(ConnectorOperation.Send));
        Assert.Equal(1, (await Log.GetAsync(message.Id, None))!.Attempts);
    }

    [Fact]
    public async Task AnUnavailableChannelsRetryAfterBecomesTheMessagesRetryDelay()
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        var message = new ProactiveMessage("unavailable|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.FollowUps), Text: "Later");
        App.Connector.Enqueue(ConnectorOperation.Send,
            ConnectorResult.Failed(System.Net.HttpStatusCode.ServiceUnavailable) with { RetryAfter = TimeSpan.FromSeconds(40) });

        var outcome = await App.Services.GetRequiredService<ProactiveMessenger>().HandleAsync(ProactiveMessenger.ToWork(message), None);

        Assert.Equal(TimeSpan.FromSeconds(40), outcome.RetryAfter);
        Assert.Equal(OutboxStatus.Sending, (await Log.GetAsync(message.Id, None))!.Status);
    }

    [Fact]
    public async Task AChannelMessageWithoutAChannelIsHeld_AndPostedWhenTheChannelIsDesignated()
    {
        var message = new ProactiveMessage("held|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.Signals, "billing"), Text: "Waiting");
        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);

        await App.DispatchAsync();
        Assert.Empty(App.Connector.Calls);
        var held = await App.Services.GetRequiredService<IHeldMessages>().ListAsync(TeamsUser.TenantId, ChannelPurpose.Signals, None);
        Assert.Equal([message.Id], held.Select(h => h.MessageId));

        // Another purpose's channel does not release it.
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        await App.DispatchAsync();
        Assert.Empty(App.Connector.Calls);

        var designation = await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.Signals, channel: "19:signals@thread.tacv2");
        await App.DispatchAsync();

        var send = Assert.Single(App.Connector.CallsOf(ConnectorOperation.Send));
        Assert.Equal(("19:signals@thread.tacv2", "Waiting"), (send.ConversationId, send.Activity!.Text));
        Assert.Empty(await App.Services.GetRequiredService<IHeldMessages>().ListAsync(TeamsUser.TenantId, ChannelPurpose.Signals, None));
        Assert.Equal(ChannelPurpose.Signals, designation.Purpose);
    }

    [Fact]
    public async Task TheDispatchersCallsUseTheShortPolicy_SoNoneOutlivesItsLease()
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.Signals, channel: "19:signals@thread.tacv2");
        var shortPolicy = new List<bool>();
        App.Connector.Responder = _ =>
        {
            shortPolicy.Add(CxBot.Protocol.Connector.ConnectorCallScope.IsInline);
            return null;
        };
        await Messages.EnqueueAsync(new ProactiveMessage("short|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.Signals), Text: "Hi"), TimeSpan.Zero, None);

        await App.DispatchAsync();

        Assert.Equal([true], shortPolicy);
    }

    [Fact]
    public async Task AChannelDesignatedBetweenTheReadAndTheHold_StillGetsTheMessage()
    {
        var message = new ProactiveMessage("race|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.Signals), Text: "Just in time");
        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);
        // Another instance designates the channel (and releases what was held, which is nothing yet) right after the read.
        _designations.AfterNextList = () => DesignateAsync(TeamsUser.TenantId, ChannelPurpose.Signals, channel: "19:signals@thread.tacv2");

        await App.DispatchAsync();

        var send = Assert.Single(App.Connector.CallsOf(ConnectorOperation.Send));
        Assert.Equal(("19:signals@thread.tacv2", "Just in time"), (send.ConversationId, send.Activity!.Text));
        Assert.Empty(await App.Services.GetRequiredService<IHeldMessages>().ListAsync(TeamsUser.TenantId, ChannelPurpose.Signals, None));
    }

    [Fact]
    public async Task APersonWithoutAChat_IsMentionedInTheFallbackChannelInsteadOfSilence()
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        var person = PersonRef.Staff(Guid.NewGuid().ToString(), "Robin Reyes");
        var message = new ProactiveMessage("person|" + Guid.NewGuid().ToString("N"), new ToPerson(person, TeamsUser.TenantId, ChannelPurpose.FollowUps), Text: "Your follow-up is overdue.");

        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);
        await App.DispatchAsync();

        var send = Assert.Single(App.Connector.CallsOf(ConnectorOperation.Send));
        Assert.Equal(AlertsChannel, send.ConversationId);
        Assert.Equal("<at>Robin Reyes</at> Your follow-up is overdue.", send.Activity!.Text);
        var mention = Assert.Single(send.Activity.Entities!);
        Assert.Equal(("mention", "<at>Robin Reyes</at>", person.ObjectId),
            (mention["type"]!.GetValue<string>(), mention["text"]!.GetValue<string>(), mention["mentioned"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task APersonWhoBlockedTheBot_IsMentionedInTheFallbackChannel()
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        var flow = new SurveyFlow(App);
        var agent = await flow.InstalledCustomerAsync();
        App.Connector.Responder = call => call.ConversationId == agent.PersonalConversationId ? ConnectorResult.Blocked("BotDisabledByAdmin") : null;
        var message = new ProactiveMessage("blocked|" + Guid.NewGuid().ToString("N"),
            new ToPerson(PersonRef.Staff(agent.AadObjectId, agent.Name), TeamsUser.TenantId, ChannelPurpose.FollowUps), Text: "Claim me");

        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);
        await App.DispatchAsync();

        var sends = App.Connector.CallsOf(ConnectorOperation.Send).Where(c => c.Activity?.Text?.Contains("Claim me", StringComparison.Ordinal) == true).ToList();
        Assert.Equal([agent.PersonalConversationId, AlertsChannel], sends.Select(s => s.ConversationId));
        Assert.StartsWith($"<at>{agent.Name}</at>", sends[1].Activity!.Text, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await Log.GetAsync(message.Id, None))!.Status);
    }

    [Fact]
    public async Task AMessageForThePersonAlone_WhoBlockedTheBot_IsDropped_NotPostedInTheChannel()
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.Digests);
        var flow = new SurveyFlow(App);
        var agent = await flow.InstalledCustomerAsync();
        App.Connector.Responder = call => call.ConversationId == agent.PersonalConversationId ? ConnectorResult.Blocked("BotDisabledByAdmin") : null;
        var message = new ProactiveMessage("own|" + Guid.NewGuid().ToString("N"),
            new ToPerson(PersonRef.Staff(agent.AadObjectId, agent.Name), TeamsUser.TenantId, ChannelPurpose.Digests) { ChatOnly = true }, Text: "Your CSAT: 4.20");

        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);
        await App.DispatchAsync();

        var sends = App.Connector.CallsOf(ConnectorOperation.Send).Where(c => c.Activity?.Text?.Contains("Your CSAT", StringComparison.Ordinal) == true).ToList();
        Assert.Equal([agent.PersonalConversationId], sends.Select(s => s.ConversationId));
        Assert.Equal(OutboxStatus.Dropped, (await Log.GetAsync(message.Id, None))!.Status);
    }

    [Fact]
    public async Task AChannelOfAnotherTenantIsRefused_NothingIsSent_AndTheMessageIsDropped()
    {
        // A designation stored for this tenant whose conversation belongs to another tenant (a corrupt or forged row).
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps, conversationTenant: OtherTenant);
        var message = new ProactiveMessage("tenant|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.FollowUps), Text: "Secret");

        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);
        await App.DispatchAsync();

        Assert.Empty(App.Connector.Calls);
        var entry = (await Log.GetAsync(message.Id, None))!;
        Assert.Equal(OutboxStatus.Dropped, entry.Status);
        Assert.Contains(ProactiveSender.TenantMismatch, entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplyIntoAThreadOfAnotherTenantsConversationIsRefused()
    {
        var flow = new SurveyFlow(App);
        var customer = await flow.InstalledCustomerAsync();
        App.Connector.Reset();
        var posted = new PostedMessage("msteams", TeamsUser.ServiceUrl, customer.PersonalConversationId, "activity-9", OtherTenant);

        await Messages.EnqueueAsync(new ProactiveMessage("thread|" + Guid.NewGuid().ToString("N"), new ToThread(posted), Text: "Reply"), TimeSpan.Zero, None);
        await App.DispatchAsync();

        Assert.Empty(App.Connector.Calls);
    }

    [Fact]
    public async Task AThreadReplyGoesToThePostedMessage_AndAnEditReplacesIt()
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        var posted = new PostedMessage("msteams", TeamsUser.ServiceUrl, AlertsChannel, "1700000000001", TeamsUser.TenantId);

        await Messages.EnqueueAsync(new ProactiveMessage("reply|" + Guid.NewGuid().ToString("N"), new ToThread(posted), Text: "In the thread"), TimeSpan.Zero, None);
        await Messages.EnqueueAsync(new ProactiveMessage("edit|" + Guid.NewGuid().ToString("N"), new EditOf(posted), Card: new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" }), TimeSpan.Zero, None);
        await App.DispatchAsync();

        var reply = Assert.Single(App.Connector.CallsOf(ConnectorOperation.Reply));
        Assert.Equal((AlertsChannel, "1700000000001", "In the thread"), (reply.ConversationId, reply.ActivityId, reply.Activity!.Text));
        var update = Assert.Single(App.Connector.CallsOf(ConnectorOperation.Update));
        Assert.Equal((AlertsChannel, "1700000000001"), (update.ConversationId, update.ActivityId));
    }

    [Fact]
    public async Task ContentIsBuiltAtSendTime_AndToldWhereItLanded()
    {
        await DesignateAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps);
        var message = new ProactiveMessage("content|" + Guid.NewGuid().ToString("N"), new ToChannel(TeamsUser.TenantId, ChannelPurpose.FollowUps),
            Locale: "nl-NL", ContentKind: RecordingContent.KindName, SubjectId: "follow-up-7");
        await Messages.EnqueueAsync(message, TimeSpan.Zero, None);
        _content.Text = "built at send time";

        await App.DispatchAsync();

        var send = Assert.Single(App.Connector.CallsOf(ConnectorOperation.Send));
        Assert.Equal("built at send time", send.Activity!.Text);
        Assert.Equal("nl-NL", _content.Culture?.Name);
        var (delivered, landed) = Assert.Single(_content.Delivered);
        Assert.Equal(("follow-up-7", AlertsChannel), (delivered.SubjectId, landed.ConversationId));
        Assert.NotNull(landed.ActivityId);
    }

    private async Task<ChannelDesignation> DesignateAsync(string tenantId, ChannelPurpose purpose, string channel = AlertsChannel, string? conversationTenant = null)
    {
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = TeamsUser.ServiceUrl,
            Conversation = new ConversationAccount { Id = channel, ConversationType = "channel", IsGroup = true, TenantId = conversationTenant ?? tenantId },
            Bot = new ChannelAccount { Id = TeamsUser.BotId },
            TenantId = conversationTenant ?? tenantId,
        };
        var designation = new ChannelDesignation(tenantId, purpose, null, TeamsUser.TeamId, channel, StoredReferences.ToJson(reference),
            PersonRef.Staff(CxBotAppFactory.SupervisorAad, "Sam Supervisor"), DateTimeOffset.UtcNow);
        await _designations.SetAsync(designation, None);
        foreach (var observer in App.Services.GetServices<IChannelDesignationObserver>())
        {
            await observer.OnDesignatedAsync(designation, None);
        }

        return designation;
    }

    /// <summary>An outbox log whose store stops answering once, for the write of a post's outcome.</summary>
    private sealed class StoreFailingAfterThePost
    {
        private volatile bool _fail;

        public bool FailNextOutcome { get => _fail; set => _fail = value; }

        public IOutboxLog Around(IOutboxLog inner) => new Log(inner, this);

        private bool Take()
        {
            var failing = _fail;
            _fail = false;
            return failing;
        }

        private sealed class Log(IOutboxLog inner, StoreFailingAfterThePost owner) : IOutboxLog
        {
            public Task<OutboxLogEntry?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

            public Task<int> MarkSendingAsync(string id, CancellationToken cancellationToken) => inner.MarkSendingAsync(id, cancellationToken);

            public Task MarkPostingAsync(string id, PostedMessage target, CancellationToken cancellationToken) =>
                inner.MarkPostingAsync(id, target, cancellationToken);

            public Task MarkNotPostedAsync(string id, CancellationToken cancellationToken) => inner.MarkNotPostedAsync(id, cancellationToken);

            public Task MarkSentAsync(string id, PostedMessage posted, CancellationToken cancellationToken) =>
                owner.Take() ? throw new Azure.RequestFailedException(0, "The store does not answer.") : inner.MarkSentAsync(id, posted, cancellationToken);

            public Task MarkDroppedAsync(string id, string reason, CancellationToken cancellationToken) => inner.MarkDroppedAsync(id, reason, cancellationToken);

            public Task MarkUnconfirmedAsync(string id, PostedMessage posted, string reason, CancellationToken cancellationToken) =>
                owner.Take() ? throw new Azure.RequestFailedException(0, "The store does not answer.") : inner.MarkUnconfirmedAsync(id, posted, reason, cancellationToken);
        }
    }

    private sealed class RecordingContent : IProactiveContent
    {
        public const string KindName = "test-content";

        public string Text { get; set; } = "built too early";

        public CultureInfo? Culture { get; private set; }

        public List<(ProactiveMessage Message, PostedMessage Posted)> Delivered { get; } = [];

        public string Kind => KindName;

        public Task<ProactiveContent?> BuildAsync(ProactiveMessage message, CultureInfo culture, CancellationToken cancellationToken)
        {
            Culture = culture;
            return Task.FromResult<ProactiveContent?>(new ProactiveContent(Text, null));
        }

        public Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken)
        {
            Delivered.Add((message, posted));
            return Task.CompletedTask;
        }
    }
}
