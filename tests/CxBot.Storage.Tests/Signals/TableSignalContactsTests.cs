using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Signals;

[Collection(StorageCollection.Name)]
public sealed class TableSignalContactsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<ISignalContacts> StoreAsync() => (await azurite.ForClassAsync<TableSignalContactsTests>()).Get<ISignalContacts>();

    [Fact]
    public async Task RecordContact_ThenFind_ReturnsTheFacts()
    {
        var store = await StoreAsync();
        var contact = new ContactFacts(TestData.NewId("contact"), "tenant-1",
            new SignalContactLink(PersonRef.Agent("agent-7", "Sam de Vries", "aad-sam"), "Billing", "phone", TestData.Time));

        Assert.Null(await store.FindContactAsync(contact.ContactId, None));
        await store.RecordContactAsync(contact, None);
        await store.RecordContactAsync(contact, None);

        Assert.Equal(contact, await store.FindContactAsync(contact.ContactId, None));
        Assert.Empty(await store.ListWaitingSignalsAsync(contact.ContactId, None));
    }

    [Fact]
    public async Task AddWaitingSignal_IsIdempotentAndListedPerContact()
    {
        var store = await StoreAsync();
        var contactId = TestData.NewId("contact");
        var first = TestData.NewId("signal");
        var second = TestData.NewId("signal");

        await store.AddWaitingSignalAsync(contactId, first, None);
        await store.AddWaitingSignalAsync(contactId, first, None);
        await store.AddWaitingSignalAsync(contactId, second, None);
        await store.AddWaitingSignalAsync(TestData.NewId("contact"), TestData.NewId("signal"), None);

        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), (await store.ListWaitingSignalsAsync(contactId, None)).Order(StringComparer.Ordinal));
    }
}
