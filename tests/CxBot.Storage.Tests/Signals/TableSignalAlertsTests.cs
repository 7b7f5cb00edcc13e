using CxBot.Domain.Signals;
using CxBot.Storage.Tests.Infrastructure;
using static CxBot.Storage.Tests.Signals.SignalTestData;

namespace CxBot.Storage.Tests.Signals;

[Collection(StorageCollection.Name)]
public sealed class TableSignalAlertsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<ISignalAlerts> StoreAsync() => (await azurite.ForClassAsync<TableSignalAlertsTests>()).Get<ISignalAlerts>();

    [Fact]
    public async Task ARecurringState_IsInsertedOnce_AndReplacedOnlyWithItsETag()
    {
        var store = await StoreAsync();
        var tenant = Tenant();
        var first = new RecurringAlertState { TenantId = tenant, TopicKey = "billing", Round = 1, AnnouncedAt = TestData.Time };

        var inserts = await Task.WhenAll(store.TrySaveRecurringAsync(first, None), store.TrySaveRecurringAsync(first, None));
        Assert.Single(inserts, i => i);

        var stored = (await store.GetRecurringAsync(tenant, "billing", None))!;
        Assert.Equal((1, TestData.Time, (DateTimeOffset?)null), (stored.Round, stored.AnnouncedAt, stored.FalseSince));
        var falseSince = stored with { FalseSince = TestData.Time.AddDays(8) };
        var replaces = await Task.WhenAll(store.TrySaveRecurringAsync(falseSince, None), store.TrySaveRecurringAsync(falseSince with { Round = 9 }, None));
        Assert.Single(replaces, r => r);
        Assert.False(await store.TrySaveRecurringAsync(falseSince, None));
        Assert.Null(await store.GetRecurringAsync(Tenant(), "billing", None));
        Assert.Single(await store.ListRecurringAsync(tenant, None));
    }

    [Fact]
    public async Task ADay_IsClaimedOncePerTenantAndPurpose()
    {
        var store = await StoreAsync();
        var tenant = Tenant();
        var day = new DateOnly(2026, 11, 20);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.TryClaimDayAsync(tenant, "untriaged", day, None)));

        Assert.Single(claims, c => c);
        Assert.True(await store.TryClaimDayAsync(tenant, "untriaged", day.AddDays(1), None));
        Assert.True(await store.TryClaimDayAsync(Tenant(), "untriaged", day, None));
        Assert.Empty(await store.ListRecurringAsync(tenant, None));
    }

    [Fact]
    public async Task NotedTenants_AreListedOnce()
    {
        var store = await StoreAsync();
        var tenant = Tenant();

        await store.NoteTenantAsync(tenant, None);
        await store.NoteTenantAsync(tenant, None);

        Assert.Single(await store.ListTenantsAsync(None), t => t == tenant);
    }
}
