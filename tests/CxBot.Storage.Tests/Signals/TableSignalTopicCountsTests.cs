using CxBot.Domain.Signals;
using CxBot.Storage.Tests.Infrastructure;
using static CxBot.Storage.Tests.Signals.SignalTestData;

namespace CxBot.Storage.Tests.Signals;

[Collection(StorageCollection.Name)]
public sealed class TableSignalTopicCountsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ListsTheTopicsSignalsOfThePeriod_OpenAndDone_WithoutWithdrawnOnes()
    {
        var storage = await azurite.ForClassAsync<TableSignalTopicCountsTests>();
        var signals = storage.Get<ISignalStore>();
        var counts = storage.Get<ISignalTopicCounts>();
        var tenant = Tenant();
        var t = TestData.Time;
        var quoted = "it's \"odd\" or 1 eq 1";

        var early = await AddAsync(signals, Signal(tenant, at: t.AddDays(-10)));
        var open = await AddAsync(signals, Signal(tenant, at: t.AddDays(-1)));
        var closed = await AddAsync(signals, Signal(tenant, at: t.AddHours(-2)));
        closed.Triage(Anna, SignalKind.Complaint, "reliability", "billing", null, t);
        closed.Close(Anna, "Fixed.", t);
        await signals.SaveAsync(closed, None);
        var withdrawn = await AddAsync(signals, Signal(tenant, reporter: Sam, at: t.AddHours(-3)));
        withdrawn.Withdraw(Sam, t);
        await signals.SaveAsync(withdrawn, None);
        await AddAsync(signals, Signal(tenant, at: t.AddHours(-1), topic: "delivery"));
        var odd = await AddAsync(signals, Signal(tenant, at: t.AddHours(-1), topic: quoted));
        await AddAsync(signals, Signal(Tenant(), at: t.AddHours(-1)));

        var listed = await counts.ListAsync(tenant, ["billing"], t.AddDays(-7), t, None);
        var oddListed = await counts.ListAsync(tenant, [odd.TopicKey], t.AddDays(-7), t, None);

        Assert.Equal([closed.SignalId, open.SignalId], listed.Select(e => e.SignalId));
        Assert.Equal(t.AddHours(-2), listed[0].ReportedAt);
        Assert.Equal([odd.SignalId], oddListed.Select(e => e.SignalId));
        Assert.Equal([early.SignalId, open.SignalId], (await counts.ListAsync(tenant, ["billing"], t.AddDays(-11), t.AddDays(-1).AddTicks(1), None))
            .Select(e => e.SignalId).Reverse());
    }

    private static async Task<Signal> AddAsync(ISignalStore store, Signal signal) => (await store.AddOrGetAsync(signal, None)).Signal;
}
