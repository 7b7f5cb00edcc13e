using CxBot.Domain.Activities;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Activities;

[Collection(StorageCollection.Name)]
public sealed class TableActivityLedgerTests(StorageFixture azurite)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(17);

    private async Task<IActivityLedger> LedgerAsync() => (await azurite.ForClassAsync<TableActivityLedgerTests>()).Get<IActivityLedger>();

    private static ActivityKey Key(string id, string channel = "msteams", string conversation = "a:conversation") => new(channel, conversation, id);

    [Fact]
    public async Task Claim_WhileTheFirstRuns_IsInProgress_ThenCompletedWithItsAnswer()
    {
        var ledger = await LedgerAsync();
        var key = Key(TestData.NewId("activity"));

        var first = await ledger.TryClaimAsync(key, Noon, Stale, CancellationToken.None);
        var during = await ledger.TryClaimAsync(key, Noon.AddSeconds(3), Stale, CancellationToken.None);
        await ledger.CompleteAsync(key, first, new StoredAnswer(200, "{\"statusCode\":200}"), Noon.AddSeconds(4), CancellationToken.None);
        var after = await ledger.TryClaimAsync(key, Noon.AddSeconds(5), Stale, CancellationToken.None);

        Assert.Equal(ActivityClaimStatus.Claimed, first.Status);
        Assert.Equal(ActivityClaimStatus.InProgress, during.Status);
        Assert.Equal(ActivityClaimStatus.Completed, after.Status);
        Assert.Equal(new StoredAnswer(200, "{\"statusCode\":200}"), after.Answer);
    }

    [Fact]
    public async Task Claim_AfterAnAbandonedAttempt_IsClaimedAgain()
    {
        var ledger = await LedgerAsync();
        var key = Key(TestData.NewId("activity"));

        var first = await ledger.TryClaimAsync(key, Noon, Stale, CancellationToken.None);
        await ledger.AbandonAsync(key, first, CancellationToken.None);
        var retry = await ledger.TryClaimAsync(key, Noon.AddSeconds(2), Stale, CancellationToken.None);

        Assert.Equal(ActivityClaimStatus.Claimed, retry.Status);
    }

    [Fact]
    public async Task Claim_OfAStaleAttempt_IsTakenOver_AndTheOldClaimCannotAbandonIt()
    {
        var ledger = await LedgerAsync();
        var key = Key(TestData.NewId("activity"));

        var dead = await ledger.TryClaimAsync(key, Noon, Stale, CancellationToken.None);
        var takeover = await ledger.TryClaimAsync(key, Noon + Stale + TimeSpan.FromSeconds(1), Stale, CancellationToken.None);
        await ledger.AbandonAsync(key, dead, CancellationToken.None);
        var third = await ledger.TryClaimAsync(key, Noon + Stale + TimeSpan.FromSeconds(2), Stale, CancellationToken.None);

        Assert.Equal(ActivityClaimStatus.Claimed, takeover.Status);
        Assert.Equal(ActivityClaimStatus.InProgress, third.Status);
    }

    [Fact]
    public async Task Claim_SameIdOnAnotherChannelOrConversation_IsAnotherActivity()
    {
        var ledger = await LedgerAsync();
        var id = TestData.NewId("activity");

        await ledger.TryClaimAsync(Key(id), Noon, Stale, CancellationToken.None);

        Assert.Equal(ActivityClaimStatus.Claimed, (await ledger.TryClaimAsync(Key(id, channel: "webchat"), Noon, Stale, CancellationToken.None)).Status);
        Assert.Equal(ActivityClaimStatus.Claimed, (await ledger.TryClaimAsync(Key(id, conversation: "a:other"), Noon, Stale, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Claim_RetryJustAfterMidnight_IsFoundInThePreviousDay()
    {
        var ledger = await LedgerAsync();
        var key = Key(TestData.NewId("activity/with?odd#chars"));
        var beforeMidnight = new DateTimeOffset(2026, 11, 20, 23, 59, 50, TimeSpan.Zero);

        var first = await ledger.TryClaimAsync(key, beforeMidnight, Stale, CancellationToken.None);
        await ledger.CompleteAsync(key, first, null, beforeMidnight.AddSeconds(2), CancellationToken.None);

        Assert.Equal(ActivityClaimStatus.Completed, (await ledger.TryClaimAsync(key, beforeMidnight.AddSeconds(20), Stale, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Claim_ParallelDeliveries_OneWins()
    {
        var ledger = await LedgerAsync();
        var key = Key(TestData.NewId("activity"));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ledger.TryClaimAsync(key, Noon, Stale, CancellationToken.None)));

        Assert.Single(results, r => r.Status == ActivityClaimStatus.Claimed);
    }

    [Fact]
    public async Task Complete_AnAnswerTooLongForAColumn_KeepsTheStatusWithoutTheBody()
    {
        var ledger = await LedgerAsync();
        var key = Key(TestData.NewId("activity"));
        var claim = await ledger.TryClaimAsync(key, Noon, Stale, CancellationToken.None);

        await ledger.CompleteAsync(key, claim, new StoredAnswer(200, new string('x', 40_000)), Noon, CancellationToken.None);

        Assert.Equal(new StoredAnswer(200, null), (await ledger.GetAsync(key, Noon, CancellationToken.None))!.Answer);
    }
}
