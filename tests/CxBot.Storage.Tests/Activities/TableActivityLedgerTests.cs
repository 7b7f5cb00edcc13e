using CxBot.Domain.Activities;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Activities;

[Collection(StorageCollection.Name)]
public sealed class TableActivityLedgerTests(StorageFixture azurite)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private async Task<IActivityLedger> LedgerAsync() => (await azurite.ForClassAsync<TableActivityLedgerTests>()).Get<IActivityLedger>();

    [Fact]
    public async Task TryClaim_SameActivityTwice_OnlyTheFirstWins()
    {
        var ledger = await LedgerAsync();
        var id = TestData.NewId("activity");

        Assert.True(await ledger.TryClaimAsync("msteams", "a:conversation", id, Noon, CancellationToken.None));
        Assert.False(await ledger.TryClaimAsync("msteams", "a:conversation", id, Noon.AddSeconds(3), CancellationToken.None));
    }

    [Fact]
    public async Task TryClaim_SameIdOnAnotherChannel_IsAnotherActivity()
    {
        var ledger = await LedgerAsync();
        var id = TestData.NewId("activity");

        Assert.True(await ledger.TryClaimAsync("msteams", "a:conversation", id, Noon, CancellationToken.None));
        Assert.True(await ledger.TryClaimAsync("webchat", "a:conversation", id, Noon, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaim_SameIdInAnotherConversation_IsAnotherActivity()
    {
        var ledger = await LedgerAsync();
        var id = "1795444364332";

        Assert.True(await ledger.TryClaimAsync("msteams", "a:" + TestData.NewId("alice"), id, Noon, CancellationToken.None));
        Assert.True(await ledger.TryClaimAsync("msteams", "a:" + TestData.NewId("bob"), id, Noon, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaim_RetryJustAfterMidnight_IsCaughtInThePreviousDay()
    {
        var ledger = await LedgerAsync();
        var id = TestData.NewId("activity/with?odd#chars");
        var beforeMidnight = new DateTimeOffset(2026, 11, 20, 23, 59, 50, TimeSpan.Zero);

        Assert.True(await ledger.TryClaimAsync("msteams", "a:conversation", id, beforeMidnight, CancellationToken.None));
        Assert.False(await ledger.TryClaimAsync("msteams", "a:conversation", id, beforeMidnight.AddSeconds(20), CancellationToken.None));
    }

    [Fact]
    public async Task TryClaim_ParallelDeliveries_OneWins()
    {
        var ledger = await LedgerAsync();
        var id = TestData.NewId("activity");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ledger.TryClaimAsync("msteams", "a:conversation", id, Noon, CancellationToken.None)));

        Assert.Single(results, r => r);
    }
}
