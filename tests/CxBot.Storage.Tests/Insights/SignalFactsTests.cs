using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Insights;

/// <summary>Signal facts as the storage's signal-change observer writes them and the <c>signals</c> source counts them.</summary>
[Collection(StorageCollection.Name)]
public sealed class SignalFactsTests(StorageFixture azurite)
{
    private static readonly DateOnly Monday = new(2026, 3, 30);
    private static readonly DateOnly Tuesday = new(2026, 3, 31);
    private static readonly DateTimeOffset At = new(2026, 3, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Sam = new("Sam de Vries") { ObjectId = "aad-sam", AgentId = "Agent-7" };
    private static readonly PersonRef Anna = PersonRef.Staff("aad-anna", "Anna Jansen");

    [Fact]
    public async Task SignalsSource_CountsTheNewestClassificationOfEachSignal_WithdrawnNowhere_AndMarksTheDays()
    {
        await using var storage = await azurite.IsolatedAsync("SignalFactsDays");
        var observer = Assert.Single(storage.Get<IEnumerable<ISignalChangeObserver>>());
        var signals = new List<Signal>();

        async Task<Signal> ReportAsync(SignalKind kind, string topic, DateOnly day)
        {
            var signal = NewSignal(kind, topic, day);
            signals.Add(signal);
            await DeliverAsync(observer, signal.TakeChanges());
            return signal;
        }

        await ReportAsync(SignalKind.Complaint, "billing", Monday);
        await ReportAsync(SignalKind.Compliment, "friendly-staff", Tuesday);

        var triaged = await ReportAsync(SignalKind.Complaint, "billing", Monday);
        triaged.Triage(Anna, SignalKind.ProcessIssue, "reliability", "refunds", ServiceGap.Delivery, At.AddHours(1));
        await DeliverAsync(observer, triaged.TakeChanges());

        var withdrawn = await ReportAsync(SignalKind.Idea, "app", Monday);
        withdrawn.Withdraw(Sam, At.AddMinutes(5));
        await DeliverAsync(observer, withdrawn.TakeChanges());

        // Two triages whose observers finish in the wrong order: the older change arrives last and is ignored.
        var raced = await ReportAsync(SignalKind.Complaint, "delivery", Monday);
        raced.Triage(Anna, SignalKind.ProductIssue, null, "parcel", ServiceGap.Standards, At.AddHours(2));
        raced.Triage(Anna, SignalKind.ChurnRisk, "empathy", "contract", ServiceGap.Communication, At.AddHours(3));
        var changes = raced.TakeChanges();
        await DeliverAsync(observer, [changes[1], changes[0]]);

        foreach (var day in new[] { Monday, Tuesday })
        {
            var counted = await CountAsync(storage, day);
            Assert.Equal(Expected(signals, day).ToString(), counted.For(ReportScope.All).ToString());
            Assert.Equal(Expected(signals, day).ToString(), counted.For(ReportScope.ForAgent("agent-7")).ToString());
        }

        Assert.Equal(1, (await CountAsync(storage, Monday)).For(ReportScope.All)["signals.churn-risk.gap.communication"]);
        Assert.Equal(0, (await CountAsync(storage, Monday)).For(ReportScope.All)["signals.idea"]);
        var marked = await storage.Get<IReportingChanges>().ListAsync(CancellationToken.None);
        Assert.Equal([Monday, Tuesday], marked.Select(m => m.Day).Order());
    }

    [Fact]
    public async Task ManyChangesOfOneSignalRacing_LeaveTheNewestVersion()
    {
        await using var storage = await azurite.IsolatedAsync("SignalFactsRace");
        var observer = Assert.Single(storage.Get<IEnumerable<ISignalChangeObserver>>());
        var signal = NewSignal(SignalKind.Complaint, "billing", Monday);
        var topics = new[] { "a", "b", "c", "d", "e", "f", "g" };
        foreach (var (topic, i) in topics.Select((t, i) => (t, i)))
        {
            signal.Triage(Anna, SignalKind.Complaint, null, topic, null, At.AddMinutes(i + 1));
        }

        var changes = signal.TakeChanges();
        await Concurrently.RunAsync(changes.Count, i => observer.OnSignalChangedAsync(changes[changes.Count - 1 - i], CancellationToken.None));

        var counted = (await CountAsync(storage, Monday)).For(ReportScope.All);
        Assert.Equal(Expected([signal], Monday).ToString(), counted.ToString());
        Assert.Equal(1, counted["signals.complaint.topic.g"]);
    }

    [Fact]
    public async Task TopicMerge_ChangesNoStoredFact()
    {
        await using var storage = await azurite.IsolatedAsync("SignalFactsMerge");
        var observer = Assert.Single(storage.Get<IEnumerable<ISignalChangeObserver>>());
        var signal = NewSignal(SignalKind.Complaint, "invoices", Monday);
        await DeliverAsync(observer, signal.TakeChanges());

        await observer.OnTopicMergedAsync(new TopicMerge("tenant-1", "invoices", "billing", At.AddHours(1)), CancellationToken.None);

        Assert.Equal(1, (await CountAsync(storage, Monday)).For(ReportScope.All)["signals.complaint.topic.invoices"]);
    }

    private static Signal NewSignal(SignalKind kind, string topic, DateOnly day) =>
        Signal.Report("signal/" + Guid.NewGuid().ToString("N"), "tenant-1", Sam,
            new SignalDetails { Kind = kind, TopicKey = topic, Description = "Heard on the phone." }, SignalCapture.OneLiner, At, day);

    private static async Task DeliverAsync(ISignalChangeObserver observer, IEnumerable<SignalChange> changes)
    {
        foreach (var change in changes)
        {
            await observer.OnSignalChangedAsync(change, CancellationToken.None);
        }
    }

    private static async Task<ScopedTallies> CountAsync(TestStorage storage, DateOnly day)
    {
        var counted = new ScopedTallies();
        await storage.Get<IEnumerable<IReportingFactSource>>().Single(s => s.Name == "signals").CountDayAsync(day, counted, CancellationToken.None);
        return counted;
    }

    // The signal counts written out once more from the signals' final state, without the code under test.
    private static Tally Expected(IEnumerable<Signal> signals, DateOnly day)
    {
        var gapKeys = new Dictionary<ServiceGap, string>
        {
            [ServiceGap.Knowledge] = "knowledge", [ServiceGap.Standards] = "standards",
            [ServiceGap.Delivery] = "delivery", [ServiceGap.Communication] = "communication",
        };
        var tally = new Tally();
        foreach (var s in signals.Where(s => s.ReportingDay == day && s.Status != SignalStatus.Withdrawn))
        {
            var kind = SignalKinds.Of(s.Kind).Key;
            tally.Add($"signals.{kind}");
            tally.Add($"signals.{kind}.topic.{s.TopicKey}");
            tally.Add($"signals.{kind}.driver.{s.Driver ?? "none"}");
            tally.Add($"signals.{kind}.gap.{(s.Gap is { } gap ? gapKeys[gap] : "none")}");
        }

        return tally;
    }
}
