using CxBot.App.FollowUps;
using CxBot.App.Localization;
using CxBot.App.Messaging;
using CxBot.App.Tests.Support;
using CxBot.Domain.FollowUps;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.FollowUps;

/// <summary>An overdue follow-up's card is marked overdue and the follow-up announced in its thread, once, through the outbox.</summary>
[Collection(AppAzurite.Name)]
public sealed class OverdueFollowUpNotifierTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite, new Dictionary<string, string?> { ["FollowUps:DueHours"] = "4" });

    private SurveyFlow Flow => new(_app);

    private IFollowUps FollowUps => _app.Services.GetRequiredService<IFollowUps>();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnOverdueFollowUpIsAnnouncedOnceAsAReplyToItsCardAndItsCardEdited()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        _app.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        using var notifier = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(_app.Services);

        Assert.Equal(1, await notifier.AnnounceDueAsync(default));
        Assert.Equal(0, await notifier.AnnounceDueAsync(default));

        var queued = _app.ProactiveMessages.Enqueued.Skip(1).ToList();
        Assert.Equal(
            [
                new ProactiveMessage($"followup-card|{followUp.FollowUpId}|overdue", new EditOf(followUp.Card!), ContentKind: "followup-card", SubjectId: followUp.FollowUpId),
                new ProactiveMessage($"followup-overdue|{followUp.FollowUpId}", new ToThread(followUp.Card!), ContentKind: "followup-overdue", SubjectId: followUp.FollowUpId),
            ],
            queued);
        var sent = await _app.ProactiveMessages.DeliverAsync(_app.Services);
        Assert.Contains("Overdue: this was due ", CardNodes.VisibleText(sent[0].Content.Card!), StringComparison.Ordinal);
        var notice = sent[1].Content.Text;
        Assert.Equal(_app.Services.GetRequiredService<FollowUpCardFactory>().OverdueNotice(followUp, BotCulture.English), notice);
        Assert.Matches(@"due 20 Nov 2026 1:00\sPM \(UTC\)\.$", notice);
        Assert.NotNull((await FollowUps.GetAsync(followUp.FollowUpId, default))!.OverdueAnnouncedAt);
    }

    [Fact]
    public async Task TwoPassesAtOnce_LikeTwoInstances_QueueTheNoticeOnce()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        _app.Time.Advance(TimeSpan.FromHours(5));
        using var first = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(_app.Services);
        using var second = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(_app.Services);

        var announced = await Task.WhenAll(first.AnnounceDueAsync(default), second.AnnounceDueAsync(default));

        Assert.Equal(1, announced.Sum());
        Assert.Single(_app.ProactiveMessages.Enqueued, m => m.Target is ToThread);
        Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services), s => s.Message.ContentKind == FollowUpService.OverdueKind);
    }

    [Fact]
    public async Task AFollowUpNotYetDueIsNotAnnounced()
    {
        await Flow.OpenFollowUpAsync();
        _app.Time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromMinutes(1));
        using var notifier = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(_app.Services);

        Assert.Equal(0, await notifier.AnnounceDueAsync(default));
        Assert.Single(_app.ProactiveMessages.Enqueued);
    }

    [Fact]
    public async Task AResolvedFollowUpIsNeverAnnounced()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ResolveAsync(SurveyFlow.Supervisor, followUp, "Called the customer.");
        _app.Time.Advance(TimeSpan.FromHours(5));
        using var notifier = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(_app.Services);

        Assert.Equal(0, await notifier.AnnounceDueAsync(default));
        Assert.DoesNotContain(_app.ProactiveMessages.Enqueued, m => m.Target is ToThread);
    }

    [Fact]
    public async Task AFollowUpWhoseCardIsNotOutYetIsAnnouncedOnceItIs()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        await Flow.ExecuteAsync(customer, survey.Answer(("csat", "1")));
        _app.Time.Advance(TimeSpan.FromHours(5));
        using var notifier = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(_app.Services);

        Assert.Equal(0, await notifier.AnnounceDueAsync(default));
        var posted = Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services));
        Assert.Contains("Overdue: this was due ", CardNodes.VisibleText(posted.Content.Card!), StringComparison.Ordinal);

        Assert.Equal(1, await notifier.AnnounceDueAsync(default));
        Assert.Single(_app.ProactiveMessages.Enqueued, m => m.Target == new ToThread(posted.Posted));
    }
}
