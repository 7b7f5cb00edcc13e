using System.Collections.Concurrent;
using CxBot.App.Tests.Support;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Signals;

/// <summary><c>topics</c> / <c>onderwerpen</c>: supervisors list, add, rename and merge topics; a merge reaches the signal observers.</summary>
[Collection(AppAzurite.Name)]
public sealed class TopicCommandTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RecordingObserver _observer = new();
    private readonly CxBotAppFactory _app;

    public TopicCommandTests(AzuriteProcess azurite) =>
        _app = new CxBotAppFactory(azurite) { ConfigureServices = services => services.AddSingleton<ISignalChangeObserver>(_observer) };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AddRenameAndMerge_ChangeTheTenantsList_AndTheMergeIsHandedToTheObservers()
    {
        var supervisor = TestPeople.Supervisor();

        await _app.PostActivityAsync(supervisor.Text("topics add Parking / Parkeren"));
        await _app.PostActivityAsync(supervisor.Text("onderwerpen hernoem parking naar Parkeerplaats / Car park"));
        await _app.PostActivityAsync(supervisor.Text("topics merge parking into Delivery"));

        var catalog = new TopicCatalog(await _app.Services.GetRequiredService<ITopicStore>().ListAsync(TeamsUser.TenantId, None));
        var parking = catalog.All.Single(t => t.Key == "parking");
        Assert.Equal(("Car park", "Parkeerplaats", "delivery"), (parking.English, parking.Dutch, parking.MergedInto));
        Assert.Equal("delivery", catalog.Find("parkeerplaats")!.Key);
        var merge = Assert.Single(_observer.Merges);
        Assert.Equal((TeamsUser.TenantId, "parking", "delivery"), (merge.TenantId, merge.FromKey, merge.IntoKey));
        var replies = _app.Connector.SentTo(supervisor.PersonalConversationId).Select(a => a.Text).ToList();
        Assert.Equal(["Topic Parking added.", "Onderwerp parking heet nu Car park / Parkeerplaats.", "Topic Car park now counts as Delivery."], replies);
    }

    [Fact]
    public async Task Topics_ListsTheTopicsInACard()
    {
        var supervisor = TestPeople.Supervisor();

        await _app.PostActivityAsync(supervisor.Text("topics"));

        var card = Assert.Single(_app.Connector.SentTo(supervisor.PersonalConversationId)).Card();
        Assert.Contains("Billing / Facturatie", CardNodes.VisibleText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgent_IsRefused()
    {
        var agent = TestPeople.Agent();

        await _app.PostActivityAsync(agent.Text("topics add Parking"));

        Assert.StartsWith("Only supervisors", Assert.Single(_app.Connector.SentTo(agent.PersonalConversationId)).Text, StringComparison.Ordinal);
        Assert.Null(await _app.Services.GetRequiredService<ITopicStore>().GetAsync(TeamsUser.TenantId, "parking", None));
    }

    [Fact]
    public async Task EveryLoggedSignal_IsHandedToTheObserversOnce()
    {
        var agent = TestPeople.Agent();
        var message = agent.Text("signal complaint billing: charged twice");

        await _app.PostActivityAsync(message);
        await _app.PostActivityAsync(message.DeepClone().AsObject());

        var change = Assert.Single(_observer.Changes);
        Assert.Equal((SignalChangeKind.Reported, 1, "billing", SignalKind.Complaint), (change.Kind, change.Version, change.After.TopicKey, change.After.Kind));
    }

    private sealed class RecordingObserver : ISignalChangeObserver
    {
        public ConcurrentQueue<SignalChange> Changes { get; } = new();

        public ConcurrentQueue<TopicMerge> Merges { get; } = new();

        public Task OnSignalChangedAsync(SignalChange change, CancellationToken cancellationToken)
        {
            Changes.Enqueue(change);
            return Task.CompletedTask;
        }

        public Task OnTopicMergedAsync(TopicMerge merge, CancellationToken cancellationToken)
        {
            Merges.Enqueue(merge);
            return Task.CompletedTask;
        }
    }
}
