using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Surveys;

[Collection(StorageCollection.Name)]
public sealed class TableContactDecisionsTests(StorageFixture azurite)
{
    private async Task<IContactDecisions> DecisionsAsync() => (await azurite.ForClassAsync<TableContactDecisionsTests>()).Get<IContactDecisions>();

    [Fact]
    public async Task Get_UnknownContact_ReturnsNull()
    {
        var decisions = await DecisionsAsync();

        Assert.Null(await decisions.GetAsync(TestData.NewId("contact"), CancellationToken.None));
    }

    [Fact]
    public async Task AddOrGet_NewContact_StoresTheDecision()
    {
        var decisions = await DecisionsAsync();
        var skipped = new ContactDecision(TestData.NewId("contact"), null, SkipReason.Suppressed, TestData.Time);

        var returned = await decisions.AddOrGetAsync(skipped, CancellationToken.None);

        Assert.Equal(skipped, returned);
        Assert.Equal(skipped, await decisions.GetAsync(skipped.ContactId, CancellationToken.None));
    }

    [Fact]
    public async Task AddOrGet_SecondDecisionForTheContact_ReturnsTheFirstAndKeepsIt()
    {
        var decisions = await DecisionsAsync();
        var contactId = TestData.NewId("contact");
        var first = new ContactDecision(contactId, "survey-1", null, TestData.Time);

        await decisions.AddOrGetAsync(first, CancellationToken.None);
        var second = await decisions.AddOrGetAsync(new ContactDecision(contactId, null, SkipReason.IdleTimeout, TestData.Time.AddSeconds(5)), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(first, await decisions.GetAsync(contactId, CancellationToken.None));
    }

    [Fact]
    public async Task AddOrGet_RacingPostsOfOneContact_AllGetTheSameSingleDecision()
    {
        var decisions = await DecisionsAsync();
        var contactId = TestData.NewId("contact");
        var results = await Concurrently.RunAsync(8, i =>
            decisions.AddOrGetAsync(new ContactDecision(contactId, $"survey-{i}", null, TestData.Time.AddTicks(i)), CancellationToken.None));

        var winner = Assert.Single(results.Distinct());
        Assert.Equal(winner, await decisions.GetAsync(contactId, CancellationToken.None));
    }
}
