using System.Text.Json.Nodes;
using CxBot.App.Learnings;
using CxBot.App.Messaging;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Tests.Signals;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.Learnings;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Learnings;

/// <summary>A supervisor publishes a learning from a closed signal: the form, the once-only store and post, the refusals.</summary>
[Collection(AppAzurite.Name)]
public sealed class LearningPublishTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = SignalLifecycleFlow.NewApp(azurite);

    private LearningFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AClosedSignalsCard_OffersPublishToASupervisor_AndTheFormIsPrefilledFromTheSignal()
    {
        var signal = await Flow.ClosedSignalAsync("Charged twice for one order", "Refund the second charge.");
        var card = CardNodes.CardIn(await new SignalLifecycleFlow(_app).ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.OpenVerb, signal));
        Assert.Contains(LearningFormAction.Verb, SignalLifecycleFlow.Verbs(card));

        var form = CardNodes.CardIn(await Flow.OpenFormAsync(SignalLifecycleFlow.Supervisor, signal));

        Assert.Equal("Charged twice for one order", CardNodes.ById(form, LearningForm.ProblemInputId)!["value"]!.GetValue<string>());
        Assert.Equal("Refund the second charge.", CardNodes.ById(form, LearningForm.AnswerInputId)!["value"]!.GetValue<string>());
        Assert.Equal("reliability", CardNodes.ById(form, LearningForm.DriverInputId)!["value"]!.GetValue<string>());
        Assert.Equal("billing", CardNodes.ById(form, LearningForm.TopicInputId)!["value"]!.GetValue<string>());
        Assert.Equal("en", CardNodes.ById(form, LearningForm.LanguageInputId)!["value"]!.GetValue<string>());
        Assert.Contains(LearningPublishAction.Verb, SignalLifecycleFlow.Verbs(form));
    }

    [Fact]
    public async Task AnOpenSignal_OffersNoPublish_AndRefusesIt()
    {
        var signal = await new SignalLifecycleFlow(_app).ReportAsync();
        var card = CardNodes.CardIn(await new SignalLifecycleFlow(_app).ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.OpenVerb, signal));

        var answer = await Flow.OpenFormAsync(SignalLifecycleFlow.Supervisor, signal);

        Assert.DoesNotContain(LearningFormAction.Verb, SignalLifecycleFlow.Verbs(card));
        Assert.Equal("Only a closed signal can become a learning.", SignalLifecycleFlow.MessageOf(answer));
    }

    [Fact]
    public async Task Publishing_StoresTheLearning_ShowsIt_AndWithoutALearningsChannelPostsNothing()
    {
        var signal = await Flow.ClosedSignalAsync();
        var form = await Flow.OpenFormAsync(SignalLifecycleFlow.Supervisor, signal);

        var shown = CardNodes.CardIn(await Flow.PublishAsync(SignalLifecycleFlow.Supervisor, form,
            (LearningForm.ProblemInputId, "Klant heeft twee keer betaald"), (LearningForm.LanguageInputId, "nl")));

        var stored = await _app.Services.GetRequiredService<ILearningStore>().GetAsync(LearningFlow.LearningIdIn(shown), default);
        Assert.NotNull(stored);
        Assert.Equal(("Klant heeft twee keer betaald", "Refunded the second charge; it reaches the card in 3 to 5 days.", "reliability", "billing", "nl"),
            (stored.Problem, stored.Answer, stored.Driver, stored.TopicKey, stored.Language));
        Assert.Equal((new LearningSource(LearningSourceKind.Signal, signal.SignalId), TeamsUser.TenantId, "Sam Supervisor"),
            (stored.Source, stored.TenantId, stored.PublishedBy.DisplayName));
        Assert.Contains("No learnings channel is designated, so it was not posted", CardNodes.VisibleText(shown), StringComparison.Ordinal);
        Assert.DoesNotContain(_app.ProactiveMessages.Enqueued, m => m.ContentKind == LearningChannelContent.Kind);
    }

    [Fact]
    public async Task ARetriedSubmit_StoresOneLearning_AndQueuesTheSameChannelPost()
    {
        await DesignateLearningsChannelAsync(_app);
        var signal = await Flow.ClosedSignalAsync();
        var form = await Flow.OpenFormAsync(SignalLifecycleFlow.Supervisor, signal);

        var first = CardNodes.CardIn(await Flow.PublishAsync(SignalLifecycleFlow.Supervisor, form));
        var retry = CardNodes.CardIn(await Flow.PublishAsync(SignalLifecycleFlow.Supervisor, form));

        Assert.Equal(LearningFlow.LearningIdIn(first), LearningFlow.LearningIdIn(retry));
        Assert.Contains("Published, and posted in the learnings channel.", CardNodes.VisibleText(first), StringComparison.Ordinal);
        Assert.Contains("This learning was published already.", CardNodes.VisibleText(retry), StringComparison.Ordinal);
        var all = await _app.Services.GetRequiredService<ILearningStore>().ListAllAsync(default).Where(l => l.Source.Id == signal.SignalId).ToListAsync();
        Assert.Single(all);
        // Queued again under the same id (in case the first attempt stopped before queuing), which the outbox sends once.
        var post = Assert.Single(_app.ProactiveMessages.Enqueued, m => m.ContentKind == LearningChannelContent.Kind);
        Assert.Equal(1, _app.ProactiveMessages.Repeats);
        Assert.Equal(new ToChannel(TeamsUser.TenantId, ChannelPurpose.Learnings), post.Target);
    }

    [Fact]
    public async Task TwoInstances_PublishingTheSameForm_PostItOnceInTheLearningsChannel()
    {
        using var one = new CxBotAppFactory(azurite) { RealProactiveMessages = true };
        using var two = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = one.TablePrefix }) { RealProactiveMessages = true };
        await DesignateLearningsChannelAsync(one);
        var flow = new LearningFlow(one);
        var signal = await flow.ClosedSignalAsync();
        var form = await flow.OpenFormAsync(SignalLifecycleFlow.Supervisor, signal);

        await flow.PublishAsync(SignalLifecycleFlow.Supervisor, form);
        await new LearningFlow(two).PublishAsync(SignalLifecycleFlow.Supervisor, form);
        await one.DispatchAsync();
        await two.DispatchAsync();

        var posts = one.Connector.PostedActivities.Concat(two.Connector.PostedActivities)
            .Where(a => a.Attachments?.Any(x => CardNodes.VisibleText(x.Content!).Contains("New learning", StringComparison.Ordinal)) == true).ToList();
        var post = Assert.Single(posts);
        Assert.Contains("Customer was charged twice for one order.", CardNodes.VisibleText(post.Attachments![0].Content!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentsAndCustomers_CannotOpenTheFormOrPublish()
    {
        var signal = await Flow.ClosedSignalAsync();
        var form = await Flow.OpenFormAsync(SignalLifecycleFlow.Supervisor, signal);

        var agentForm = await Flow.OpenFormAsync(SignalLifecycleFlow.Agent, signal);
        var agentPublish = await Flow.PublishAsync(SignalLifecycleFlow.Agent, form);
        var customerPublish = await Flow.PublishAsync(TestPeople.NewCustomer(), form);

        Assert.All(new[] { agentForm, agentPublish, customerPublish }, body =>
        {
            Assert.Equal(403, body["statusCode"]!.GetValue<int>());
            Assert.Contains("supervisors", body["value"]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        });
        Assert.Empty(await _app.Services.GetRequiredService<ILearningStore>().ListAllAsync(default).Where(l => l.Source.Id == signal.SignalId).ToListAsync());
    }

    [Fact]
    public async Task AnInvalidForm_IsRefusedInWords_AndStoresNothing()
    {
        var signal = await Flow.ClosedSignalAsync();
        var form = await Flow.OpenFormAsync(SignalLifecycleFlow.Supervisor, signal);

        var noAnswer = await Flow.PublishAsync(SignalLifecycleFlow.Supervisor, form, (LearningForm.AnswerInputId, " "));
        var badDriver = await Flow.PublishAsync(SignalLifecycleFlow.Supervisor, form, (LearningForm.DriverInputId, "speed"));
        var badTopic = await Flow.PublishAsync(SignalLifecycleFlow.Supervisor, form, (LearningForm.TopicInputId, "no such topic"));

        Assert.Equal("Write the answer (at most 2000 characters).", SignalLifecycleFlow.MessageOf(noAnswer));
        Assert.Equal("Pick one of the seven drivers.", SignalLifecycleFlow.MessageOf(badDriver));
        Assert.Equal("Pick a topic from the list.", SignalLifecycleFlow.MessageOf(badTopic));
        Assert.Empty(await _app.Services.GetRequiredService<ILearningStore>().ListAllAsync(default).Where(l => l.Source.Id == signal.SignalId).ToListAsync());
    }

    [Fact]
    public async Task TheChannelPost_ShowsTheLearningUnderAHeading()
    {
        await DesignateLearningsChannelAsync(_app);
        var learning = await Flow.PublishedAsync("Parcel marked delivered but not received", "Ask the carrier for the proof of delivery.");

        var sent = (await _app.ProactiveMessages.DeliverAsync(_app.Services)).Single(s => s.Message.ContentKind == LearningChannelContent.Kind);

        var text = CardNodes.VisibleText(sent.Content.Card!);
        Assert.Equal(LearningPublishHandler.MessageId(learning.LearningId), sent.Message.Id);
        Assert.Contains("New learning", text, StringComparison.Ordinal);
        Assert.Contains("Parcel marked delivered but not received", text, StringComparison.Ordinal);
    }

    internal static async Task DesignateLearningsChannelAsync(CxBotAppFactory app)
    {
        var reference = new CxBot.Protocol.Schema.ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = TeamsUser.ServiceUrl,
            Conversation = new CxBot.Protocol.Schema.ConversationAccount { Id = "19:learnings@thread.skype", ConversationType = "channel", IsGroup = true, TenantId = TeamsUser.TenantId },
            Bot = new CxBot.Protocol.Schema.ChannelAccount { Id = TeamsUser.BotId },
            TenantId = TeamsUser.TenantId,
        };
        await app.Services.GetRequiredService<IChannelDesignations>().SetAsync(new ChannelDesignation(TeamsUser.TenantId, ChannelPurpose.Learnings, null,
            TeamsUser.TeamId, "19:learnings@thread.skype", CxBot.App.Conversations.StoredReferences.ToJson(reference),
            PersonRef.Staff(CxBotAppFactory.SupervisorAad, "Sam Supervisor"), app.Time.GetUtcNow()), default);
    }
}
