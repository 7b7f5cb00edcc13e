using CxBot.Domain;
using CxBot.Domain.Customers;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Customers;

[Collection(StorageCollection.Name)]
public sealed class TableSuppressionWindowsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan Hold = TimeSpan.FromHours(6);

    private async Task<ISuppressionWindows> StoreAsync() =>
        (await azurite.ForClassAsync<TableSuppressionWindowsTests>()).Get<ISuppressionWindows>();

    private static string NewCustomer() => $"teams|tenant|{Guid.NewGuid():N}/#?";

    private static Func<SuppressionWindow, bool> Reserve(string surveyId, DateTimeOffset at) => w => w.Reserve(surveyId, at, Week, Hold);

    [Fact]
    public async Task Get_UnknownCustomer_IsFreeAndUnstored()
    {
        var store = await StoreAsync();

        var window = await store.GetAsync(NewCustomer(), None);

        Assert.Null(window.State);
        Assert.Null(window.ETag);
    }

    [Fact]
    public async Task ReserveConfirmRelease_AreStoredAndReadBack()
    {
        var store = await StoreAsync();
        var customer = NewCustomer();

        var reserved = await store.ChangeAsync(customer, Reserve("survey-a", TestData.Time), None);
        Assert.NotNull(reserved.ETag);
        Assert.Equal(new SuppressionState("survey-a", SuppressionHold.Reserved, TestData.Time, TestData.Time + Hold), (await store.GetAsync(customer, None)).State);

        await store.ChangeAsync(customer, w => w.Confirm("survey-a", TestData.Time.AddHours(1)), None);
        Assert.Equal(new SuppressionState("survey-a", SuppressionHold.Confirmed, TestData.Time.AddHours(1), TestData.Time.AddHours(1)),
            (await store.GetAsync(customer, None)).State);

        var other = NewCustomer();
        await store.ChangeAsync(other, Reserve("survey-b", TestData.Time), None);
        await store.ChangeAsync(other, w => w.Release("survey-b"), None);
        Assert.Null((await store.GetAsync(other, None)).State);
    }

    [Fact]
    public async Task Reserve_HeldByAnotherSurvey_IsRefusedAndNothingIsWritten()
    {
        var store = await StoreAsync();
        var customer = NewCustomer();
        var first = await store.ChangeAsync(customer, Reserve("survey-a", TestData.Time), None);

        var refused = await Assert.ThrowsAsync<DomainConflictException>(() => store.ChangeAsync(customer, Reserve("survey-b", TestData.Time.AddMinutes(1)), None));

        Assert.Equal(ConflictReason.Suppressed, refused.Reason);
        var stored = await store.GetAsync(customer, None);
        Assert.Equal("survey-a", stored.State!.SurveyId);
        Assert.Equal(first.ETag, stored.ETag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConcurrentReservations_ForOneCustomer_ExactlyOneWins(bool rowExists)
    {
        var store = await StoreAsync();
        var customer = NewCustomer();
        if (rowExists)
        {
            // An earlier survey's window, released: the racers update the row (If-Match) instead of inserting it.
            await store.ChangeAsync(customer, Reserve("survey-old", TestData.Time.AddDays(-30)), None);
            await store.ChangeAsync(customer, w => w.Release("survey-old"), None);
        }

        var outcomes = await Concurrently.RunAsync(8, async i =>
        {
            try
            {
                await store.ChangeAsync(customer, Reserve($"survey-{i}", TestData.Time), None);
                return $"survey-{i}";
            }
            catch (DomainConflictException ex) when (ex.Reason == ConflictReason.Suppressed)
            {
                return null;
            }
        });

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, (await store.GetAsync(customer, None)).State!.SurveyId);
    }
}
