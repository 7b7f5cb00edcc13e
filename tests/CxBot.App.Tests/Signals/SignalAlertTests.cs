using CxBot.App.Messaging;
using CxBot.App.Signals.Alerts;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Signals;

/// <summary>Alerts in the signals channel: a new high-severity signal, a recurring problem (once, across instances, re-armed
/// after a window false) and the daily list of untriaged signals (once a day across instances).</summary>
[Collection(AppAzurite.Name)]
public sealed class SignalAlertTests(AzuriteProcess azurite)
{
    private static readonly Dictionary<string, string?> Recurring = new()
    {
        ["Signals:Recurring:MinCount"] = "3",
        ["Signals:Recurring:WindowDays"] = "7",
        ["Signals:Recurring:Factor"] = "2",
    };

    [Fact]
    public async Task AHighSeveritySignal_IsPostedToTheSignalsChannelOnce()
    {
        using var app = SignalLifecycleFlow.NewApp(azurite);
        var flow = new SignalLifecycleFlow(app);
        var high = await flow.ReportAsync(severity: SignalSeverity.High);
        await flow.ReportAsync(severity: SignalSeverity.Medium);
        await flow.TriageAsync(SignalLifecycleFlow.Supervisor, high);

        var alert = Assert.Single(app.ProactiveMessages.Enqueued, m => m.ContentKind == SignalAlertObserver.HighSeverityKind);
        Assert.Equal((new ToChannel(TeamsUser.TenantId, ChannelPurpose.Signals) as MessageTarget, high.SignalId), (alert.Target, alert.SubjectId));
        var sent = Assert.Single(await app.ProactiveMessages.DeliverAsync(app.Services), s => s.Message.ContentKind == SignalAlertObserver.HighSeverityKind);
        var text = CardNodes.VisibleText(sent.Content.Card!);
        Assert.StartsWith("New high-severity signal", text, StringComparison.Ordinal);
        Assert.Contains("Customer was charged twice.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditThatRaisesTheSeverity_AlertsToo()
    {
        using var app = SignalLifecycleFlow.NewApp(azurite);
        var flow = new SignalLifecycleFlow(app);
        var signal = await flow.ReportAsync(severity: SignalSeverity.Low);
        Assert.DoesNotContain(app.ProactiveMessages.Enqueued, m => m.ContentKind == SignalAlertObserver.HighSeverityKind);

        await flow.ClickAsync(SignalLifecycleFlow.Agent, SignalMoveAction.EditVerb, signal,
            (SignalCard.DescriptionInputId, "Worse than I thought."), (SignalCard.SeverityInputId, "high"), (SignalCard.TopicInputId, "billing"));

        Assert.Single(app.ProactiveMessages.Enqueued, m => m.ContentKind == SignalAlertObserver.HighSeverityKind && m.SubjectId == signal.SignalId);
    }

    [Fact]
    public async Task ARecurringProblem_IsAnnouncedOnceWithItsSignals()
    {
        using var app = SignalLifecycleFlow.NewApp(azurite, Recurring);
        var flow = new SignalLifecycleFlow(app);
        await flow.AddTopicAsync("Billing", "Facturatie");
        var signals = new List<Signal>();
        for (var i = 0; i < 4; i++)
        {
            signals.Add(await flow.ReportAsync(description: $"Charged twice ({i})."));
        }

        Assert.DoesNotContain(app.ProactiveMessages.Enqueued, m => m.ContentKind == RecurringProblemEvaluator.Kind);
        Assert.Equal(4, await app.DispatchAsync());
        var announced = Assert.Single(app.ProactiveMessages.Enqueued, m => m.ContentKind == RecurringProblemEvaluator.Kind);
        Assert.Equal(new ToChannel(TeamsUser.TenantId, ChannelPurpose.Signals), announced.Target);
        var sent = Assert.Single(await app.ProactiveMessages.DeliverAsync(app.Services), s => s.Message.ContentKind == RecurringProblemEvaluator.Kind);
        var text = CardNodes.VisibleText(sent.Content.Card!);
        Assert.StartsWith("Recurring problem: Billing", text, StringComparison.Ordinal);
        Assert.Contains("4 signals in the last 7 days; usually 1 per 7 days.", text, StringComparison.Ordinal);
        Assert.All(signals, s => Assert.NotNull(CardNodes.ById(sent.Content.Card!, "signal-" + s.SignalId)));
        Assert.Contains(SignalMoveAction.OpenVerb, SignalLifecycleFlow.Verbs(sent.Content.Card!));
        Assert.Contains(CxBot.App.Actions.Cards.ActionFormAction.NewVerb, SignalLifecycleFlow.Verbs(sent.Content.Card!));
    }

    [Fact]
    public async Task TwoInstancesEvaluatingAtOnce_AnnounceOnce()
    {
        using var first = SignalLifecycleFlow.NewApp(azurite, Recurring);
        using var second = SignalLifecycleFlow.NewApp(azurite, new Dictionary<string, string?>(Recurring) { ["Storage:TablePrefix"] = first.TablePrefix });
        var store = first.Services.GetRequiredService<ISignalStore>();
        for (var round = 0; round < 3; round++)
        {
            var topic = "topic-" + round;
            // Stored without the recorder, so no observer evaluates before the two instances do.
            for (var i = 0; i < 3; i++)
            {
                await store.AddOrGetAsync(Signal.Report(Guid.NewGuid().ToString("N"), TeamsUser.TenantId,
                    Domain.People.PersonRef.Staff(Support.CxBotAppFactory.AgentAad, "Alex Agent"),
                    new SignalDetails { Kind = SignalKind.Complaint, TopicKey = topic, Description = "Again." }, SignalCapture.Form,
                    first.Time.GetUtcNow(), new DateOnly(2026, 11, 20)), CancellationToken.None);
            }

            var results = await Task.WhenAll(
                first.Services.GetRequiredService<RecurringProblemEvaluator>().EvaluateAsync(TeamsUser.TenantId, topic, CancellationToken.None),
                second.Services.GetRequiredService<RecurringProblemEvaluator>().EvaluateAsync(TeamsUser.TenantId, topic, CancellationToken.None));

            Assert.Single(results, r => r);
        }

        Assert.Equal(3, first.ProactiveMessages.Enqueued.Concat(second.ProactiveMessages.Enqueued).Count(m => m.ContentKind == RecurringProblemEvaluator.Kind));
    }

    [Fact]
    public async Task ARecurringProblem_IsAnnouncedAgainOnlyAfterAWindowFalse()
    {
        using var app = SignalLifecycleFlow.NewApp(azurite, Recurring);
        var flow = new SignalLifecycleFlow(app);
        var evaluator = app.Services.GetRequiredService<RecurringProblemEvaluator>();
        async Task ReportThreeAsync()
        {
            for (var i = 0; i < 3; i++)
            {
                await flow.ReportAsync();
            }

            await app.DispatchAsync();
        }

        int Announcements() => app.ProactiveMessages.Enqueued.Count(m => m.ContentKind == RecurringProblemEvaluator.Kind);

        await ReportThreeAsync();
        Assert.Equal(1, Announcements());

        // The window passes: the condition is seen false (by the daily pass).
        app.Time.Advance(TimeSpan.FromDays(8));
        await flow.DailyPass().RunOnceAsync(CancellationToken.None);
        // True again one day later: not false for a whole window yet, so not announced again.
        app.Time.Advance(TimeSpan.FromDays(1));
        await ReportThreeAsync();
        Assert.Equal(1, Announcements());

        // False again, and this time for a whole window before it comes back.
        app.Time.Advance(TimeSpan.FromDays(8));
        Assert.False(await evaluator.EvaluateAsync(TeamsUser.TenantId, "billing", CancellationToken.None));
        app.Time.Advance(TimeSpan.FromDays(7));
        await ReportThreeAsync();

        Assert.Equal(2, Announcements());
        Assert.Equal(RecurringProblemEvaluator.MessageId(TeamsUser.TenantId, "billing", 2),
            app.ProactiveMessages.Enqueued.Last(m => m.ContentKind == RecurringProblemEvaluator.Kind).Id);
    }

    [Fact]
    public async Task WithdrawnSignals_DoNotCount()
    {
        using var app = SignalLifecycleFlow.NewApp(azurite, Recurring);
        var flow = new SignalLifecycleFlow(app);
        var first = await flow.ReportAsync();
        await flow.ClickAsync(SignalLifecycleFlow.Agent, SignalMoveAction.WithdrawVerb, first);
        await flow.ReportAsync();
        await flow.ReportAsync();

        Assert.Equal(4, await app.DispatchAsync());
        Assert.DoesNotContain(app.ProactiveMessages.Enqueued, m => m.ContentKind == RecurringProblemEvaluator.Kind);
    }

    [Fact]
    public async Task ACapture_DoesNotReadTheTopicsListEntries_TheQueuedCheckDoes()
    {
        var reads = new CountingTopicCounts();
        using var app = SignalLifecycleFlow.NewApp(azurite, Recurring, services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(ISignalTopicCounts));
            services.Remove(real);
            services.AddSingleton(sp => reads.Wrap((ISignalTopicCounts)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
        });
        var flow = new SignalLifecycleFlow(app);
        for (var i = 0; i < 3; i++)
        {
            await flow.ReportAsync(description: $"Charged twice ({i}).");
        }

        Assert.Equal(0, reads.Count);
        Assert.DoesNotContain(app.ProactiveMessages.Enqueued, m => m.ContentKind == RecurringProblemEvaluator.Kind);

        await app.DispatchAsync();

        Assert.True(reads.Count >= 3);
        Assert.Single(app.ProactiveMessages.Enqueued, m => m.ContentKind == RecurringProblemEvaluator.Kind);
    }

    private sealed class CountingTopicCounts
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ISignalTopicCounts Wrap(ISignalTopicCounts inner) => new Counting(inner, this);

        private sealed class Counting(ISignalTopicCounts inner, CountingTopicCounts owner) : ISignalTopicCounts
        {
            public Task<IReadOnlyList<TopicSignalEntry>> ListAsync(string? tenantId, IReadOnlyList<string> topicKeys, DateTimeOffset from, DateTimeOffset to,
                CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner._count);
                return inner.ListAsync(tenantId, topicKeys, from, to, cancellationToken);
            }
        }
    }

    [Fact]
    public async Task UntriagedSignals_AreListedOnceADayAcrossInstances()
    {
        using var first = SignalLifecycleFlow.NewApp(azurite);
        using var second = SignalLifecycleFlow.NewApp(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = first.TablePrefix });
        var flow = new SignalLifecycleFlow(first);
        var waiting = await flow.ReportAsync();
        var triaged = await flow.ReportAsync();
        await flow.TriageAsync(SignalLifecycleFlow.Supervisor, triaged);

        Assert.Equal(0, await flow.DailyPass().RunOnceAsync(CancellationToken.None));
        first.Time.Advance(TimeSpan.FromHours(25));
        second.Time.Advance(TimeSpan.FromHours(25));
        var queued = await Task.WhenAll(flow.DailyPass().RunOnceAsync(CancellationToken.None), new SignalLifecycleFlow(second).DailyPass().RunOnceAsync(CancellationToken.None));
        await flow.DailyPass().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, queued.Sum());
        var lists = first.ProactiveMessages.Enqueued.Concat(second.ProactiveMessages.Enqueued).Where(m => m.ContentKind == UntriagedListContent.ContentKind).ToList();
        var list = Assert.Single(lists);
        var owner = first.ProactiveMessages.Enqueued.Contains(list) ? first : second;
        var sent = Assert.Single(await owner.ProactiveMessages.DeliverAsync(owner.Services), s => s.Message.ContentKind == UntriagedListContent.ContentKind);
        Assert.NotNull(CardNodes.ById(sent.Content.Card!, "signal-" + waiting.SignalId));
        Assert.Null(CardNodes.ById(sent.Content.Card!, "signal-" + triaged.SignalId));
        Assert.StartsWith("1 signals have waited more than 24 hours for triage", CardNodes.VisibleText(sent.Content.Card!), StringComparison.Ordinal);

        // The next day lists again.
        first.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await flow.DailyPass().RunOnceAsync(CancellationToken.None));
    }
}
