using CxBot.Domain;
using CxBot.Domain.Signals;
using CxBot.Storage.Tests.Infrastructure;
using static CxBot.Storage.Tests.Signals.SignalTestData;

namespace CxBot.Storage.Tests.Signals;

[Collection(StorageCollection.Name)]
public sealed class TableTopicsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<ITopicStore> StoreAsync() => (await azurite.ForClassAsync<TableTopicsTests>()).Get<ITopicStore>();

    [Fact]
    public async Task TryAdd_ThenList_RoundTripsEveryFieldPerTenant()
    {
        var store = await StoreAsync();
        var tenant = Tenant();
        var billing = Topic.Add("Billing", "Facturatie", Anna, TestData.Time);
        var proposal = Topic.Propose("Parking \"lot\" or 1 eq 1", null, Sam, TestData.Time.AddHours(1));

        Assert.True(await store.TryAddAsync(tenant, billing, None));
        Assert.True(await store.TryAddAsync(tenant, proposal, None));
        Assert.False(await store.TryAddAsync(tenant, Topic.Add("billing", null, Anna, TestData.Time), None));
        await store.TryAddAsync(Tenant(), Topic.Add("Delivery", "Levering", Anna, TestData.Time), None);

        var listed = (await store.ListAsync(tenant, None)).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();

        Assert.Equal(["billing", "parking-lot-or-1-eq-1"], listed.Select(t => t.Key));
        Assert.Equal(("Billing", "Facturatie", true, Anna), (listed[0].English, listed[0].Dutch, listed[0].Reviewed, listed[0].AddedBy));
        Assert.Equal(("Parking \"lot\" or 1 eq 1", false, TestData.Time.AddHours(1)), (listed[1].Dutch, listed[1].Reviewed, listed[1].AddedAt));
    }

    [Fact]
    public async Task Save_RenameAndMerge_RoundTripAndAStaleCopyConflicts()
    {
        var store = await StoreAsync();
        var tenant = Tenant();
        var billing = Topic.Add("Billing", "Facturatie", Anna, TestData.Time);
        var invoices = Topic.Propose("invoices", null, Sam, TestData.Time);
        await store.TryAddAsync(tenant, billing, None);
        await store.TryAddAsync(tenant, invoices, None);
        var stale = (await store.GetAsync(tenant, "invoices", None))!;

        invoices.MergeInto(billing);
        await store.SaveAsync(tenant, invoices, None);
        billing.Rename("Billing and payments", "Facturen en betalingen");
        await store.SaveAsync(tenant, billing, None);
        stale.Rename("Invoices", "Facturen");

        var conflict = await Assert.ThrowsAsync<DomainConflictException>(() => store.SaveAsync(tenant, stale, None));
        Assert.Equal(ConflictReason.Concurrency, conflict.Reason);
        var catalog = new TopicCatalog(await store.ListAsync(tenant, None));
        Assert.Equal("billing", catalog.Find("INVOICES")!.Key);
        Assert.Equal("Facturen en betalingen", catalog.LabelOf("invoices", dutch: true));
        Assert.Equal(["billing", "invoices"], catalog.KeysCountingAs("billing"));
    }
}
