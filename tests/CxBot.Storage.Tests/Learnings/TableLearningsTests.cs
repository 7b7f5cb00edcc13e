using CxBot.Domain.Learnings;
using CxBot.Domain.People;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Learnings;

[Collection(StorageCollection.Name)]
public sealed class TableLearningsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<ILearningStore> StoreAsync() => (await azurite.ForClassAsync<TableLearningsTests>()).Get<ILearningStore>();

    private static Learning NewLearning(string? id = null, string tenant = "Tenant-A") => new()
    {
        LearningId = id ?? Guid.NewGuid().ToString("N"),
        TenantId = tenant,
        Problem = "Customer was charged twice; \"quotes\" and 'apostrophes' or 1 eq 1",
        Answer = "Refund the second charge.",
        Driver = "reliability",
        TopicKey = "billing",
        Source = new LearningSource(LearningSourceKind.Signal, "signal-1"),
        Language = "en",
        PublishedBy = new PersonRef("Sam Supervisor") { ObjectId = "sup-1" },
        PublishedAt = TestData.Time,
    };

    [Fact]
    public async Task AddOrGet_StoresOnce_ARetryGetsTheStoredLearning_AndEveryFieldRoundTrips()
    {
        var store = await StoreAsync();
        var learning = NewLearning();

        var (first, added) = await store.AddOrGetAsync(learning, None);
        var (again, addedAgain) = await store.AddOrGetAsync(learning with { Problem = "changed on retry" }, None);

        Assert.True(added);
        Assert.False(addedAgain);
        Assert.NotNull(first.ETag);
        Assert.Equal(learning with { ETag = again.ETag }, again);
        Assert.Equal(learning with { ETag = again.ETag }, await store.GetAsync(learning.LearningId, None));
    }

    [Fact]
    public async Task AddOrGet_RacingInstances_StoreOneLearning()
    {
        var store = await StoreAsync();
        var learning = NewLearning();

        var results = await Concurrently.RunAsync(8, _ => store.AddOrGetAsync(learning, None));

        Assert.Single(results, r => r.Added);
        Assert.Single(await store.ListAllAsync(None).Where(l => l.LearningId == learning.LearningId).ToListAsync());
    }

    [Fact]
    public async Task Answer_OnePerPerson_Changeable_CountsExact()
    {
        var store = await StoreAsync();
        var learning = (await store.AddOrGetAsync(NewLearning(), None)).Stored;

        await store.AnswerAsync(learning.LearningId, "agent-1", helpful: true, TestData.Time, None);
        await store.AnswerAsync(learning.LearningId, "agent-1", helpful: true, TestData.Time, None);
        await store.AnswerAsync(learning.LearningId, "agent-2", helpful: true, TestData.Time, None);
        var changed = await store.AnswerAsync(learning.LearningId, "AGENT-1", helpful: false, TestData.Time, None);

        Assert.Equal(new LearningCounts(1, 1), changed!.Counts);
        Assert.Equal(new LearningCounts(1, 1), (await store.GetAsync(learning.LearningId, None))!.Counts);
        Assert.Null(await store.AnswerAsync("no-such-learning", "agent-1", helpful: true, TestData.Time, None));
    }

    [Fact]
    public async Task Answer_ManyAgentsAtOnce_CountsEveryoneOnce()
    {
        // The store keeps no state between calls, so racing callers are racing instances as far as the table can tell.
        var store = await StoreAsync();
        var learning = (await store.AddOrGetAsync(NewLearning(), None)).Stored;

        // 12 agents answer yes at once; then 4 of them change to no at once while 3 others repeat yes.
        await Concurrently.RunAsync(12, i => store.AnswerAsync(learning.LearningId, "agent-" + i, helpful: true, TestData.Time, None));
        await Concurrently.RunAsync(7, i => store.AnswerAsync(learning.LearningId, "agent-" + i, helpful: i >= 4, TestData.Time, None));

        Assert.Equal(new LearningCounts(8, 4), (await store.GetAsync(learning.LearningId, None))!.Counts);
    }

    [Fact]
    public async Task Version_ChangesWithEveryAddAndAnswer_NotWithARetryOrARepeatedAnswer()
    {
        var store = await StoreAsync();
        var learning = NewLearning();

        var before = await store.VersionAsync(None);
        await store.AddOrGetAsync(learning, None);
        var afterAdd = await store.VersionAsync(None);
        await store.AddOrGetAsync(learning, None);
        var afterRetry = await store.VersionAsync(None);
        await store.AnswerAsync(learning.LearningId, "agent-1", helpful: true, TestData.Time, None);
        var afterAnswer = await store.VersionAsync(None);
        await store.AnswerAsync(learning.LearningId, "agent-1", helpful: true, TestData.Time, None);

        Assert.NotEqual(before, afterAdd);
        Assert.Equal(afterAdd, afterRetry);
        Assert.NotEqual(afterRetry, afterAnswer);
        Assert.Equal(afterAnswer, await store.VersionAsync(None));
    }

    [Fact]
    public async Task ListAll_ReturnsLearningsOnly_NotAnswersOrTheVersionRow()
    {
        var store = await StoreAsync();
        var a = (await store.AddOrGetAsync(NewLearning(), None)).Stored;
        var b = (await store.AddOrGetAsync(NewLearning(tenant: "Tenant-B"), None)).Stored;
        await store.AnswerAsync(a.LearningId, "agent-1", helpful: true, TestData.Time, None);

        var all = await store.ListAllAsync(None).ToListAsync();

        Assert.Contains(all, l => l.LearningId == a.LearningId && l.Counts == new LearningCounts(1, 0));
        Assert.Contains(all, l => l.LearningId == b.LearningId && l.TenantId == "Tenant-B");
        Assert.All(all, l => Assert.False(string.IsNullOrEmpty(l.Problem)));
    }
}
