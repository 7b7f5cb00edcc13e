using CxBot.Domain.Customers;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Customers;

[Collection(StorageCollection.Name)]
public sealed class TableCustomerPreferencesTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<ICustomerPreferencesStore> StoreAsync() =>
        (await azurite.ForClassAsync<TableCustomerPreferencesTests>()).Get<ICustomerPreferencesStore>();

    private static string NewCustomer() => $"teams|tenant|{Guid.NewGuid():N}/#?";

    [Fact]
    public async Task Get_UnknownCustomer_ReturnsNone()
    {
        var store = await StoreAsync();
        var customer = NewCustomer();

        Assert.Equal(CustomerPreferences.None(customer), await store.GetAsync(customer, None));
    }

    [Fact]
    public async Task StopThenStart_ClearsTheOptOutAndKeepsWhenTheyStopped()
    {
        var store = await StoreAsync();
        var customer = NewCustomer();

        await store.SetOptOutAsync(customer, true, TestData.Time, None);
        Assert.Equal(new CustomerPreferences(customer, true, TestData.Time, TestData.Time), await store.GetAsync(customer, None));

        await store.SetOptOutAsync(customer, false, TestData.Time.AddHours(1), None);
        Assert.Equal(new CustomerPreferences(customer, false, TestData.Time, TestData.Time.AddHours(1)), await store.GetAsync(customer, None));
    }

    [Fact]
    public async Task SetOptOut_AnOlderCommandArrivingLate_DoesNotUndoTheNewerOne()
    {
        var store = await StoreAsync();
        var customer = NewCustomer();

        await store.SetOptOutAsync(customer, false, TestData.Time.AddHours(1), None);
        await store.SetOptOutAsync(customer, true, TestData.Time, None);

        Assert.False((await store.GetAsync(customer, None)).OptedOut);
    }

    [Fact]
    public async Task ConcurrentChanges_OfOneCustomer_TheNewestWins()
    {
        var store = await StoreAsync();
        var customer = NewCustomer();
        var newest = TestData.Time.AddMinutes(8);

        await Concurrently.RunAsync(9, i => store.SetOptOutAsync(customer, i % 2 == 0, TestData.Time.AddMinutes(i), None));

        Assert.Equal(new CustomerPreferences(customer, true, newest, newest), await store.GetAsync(customer, None));
    }
}
