using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.FollowUps;

/// <summary>The counts per tenant and scope a pass replaces and a summary reads by point reads.</summary>
[Collection(StorageCollection.Name)]
public sealed class TableFollowUpCountsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset PassAt = new(2026, 11, 20, 9, 20, 0, TimeSpan.Zero);

    private static OpenFollowUp Entry(string id, string? tenant, string queue, string agent, DateTimeOffset due) => new(id, tenant, queue, agent, due);

    [Fact]
    public async Task ReadGivesTheTallyOfEachTenantsScopes_AndThePassTime()
    {
        await using var storage = await azurite.IsolatedAsync("FollowUpCountsRead");
        var counts = storage.Get<IFollowUpCounts>();
        var entries = new[]
        {
            Entry("f1", "tenant-1", "Billing", "agent-1", PassAt.AddDays(-3)),
            Entry("f2", "tenant-1", "billing ", "agent-2", PassAt.AddMinutes(10)),
            Entry("f3", "tenant-1", "Sales", "agent-1", PassAt.AddHours(5)),
            Entry("f4", "tenant-2", "Billing", "agent-1", PassAt.AddDays(-1)),
            Entry("f5", null, "Billing", "agent-1", PassAt.AddDays(-1)),
        };

        await counts.ReplaceAsync(FollowUpCountsSnapshot.Count(entries, PassAt, t => t), None);

        var all = await counts.ReadAsync("tenant-1", [ReportScope.All], None);
        Assert.Equal((3, PassAt), (all.Tally.Open, all.PassAt));
        Assert.Equal(1, all.Tally.OverdueAt(PassAt));
        Assert.Equal(2, all.Tally.OverdueAt(PassAt.AddMinutes(40)));
        var billing = await counts.ReadAsync("tenant-1", [ReportScope.ForQueue("billing")], None);
        Assert.Equal(2, billing.Tally.Open);
        var twoIds = await counts.ReadAsync("tenant-1", [ReportScope.ForAgent("agent-1"), ReportScope.ForAgent("agent-2")], None);
        Assert.Equal(3, twoIds.Tally.Open);
        Assert.Equal(1, (await counts.ReadAsync("TENANT-2", [ReportScope.All], None)).Tally.Open);
        Assert.Equal(1, (await counts.ReadAsync(null, [ReportScope.All], None)).Tally.Open);
        Assert.Equal(0, (await counts.ReadAsync("tenant-3", [ReportScope.All], None)).Tally.Open);
    }

    [Fact]
    public async Task AReplaceRemovesTheScopesWithNothingOpenAnyMore()
    {
        await using var storage = await azurite.IsolatedAsync("FollowUpCountsReplace");
        var counts = storage.Get<IFollowUpCounts>();
        await counts.ReplaceAsync(FollowUpCountsSnapshot.Count([Entry("f1", "t", "Sales", "agent-1", PassAt)], PassAt, t => t), None);

        await counts.ReplaceAsync(FollowUpCountsSnapshot.Count([Entry("f2", "t", "Billing", "agent-2", PassAt)], PassAt.AddMinutes(1), t => t), None);

        Assert.Equal(0, (await counts.ReadAsync("t", [ReportScope.ForQueue("sales")], None)).Tally.Open);
        Assert.Equal(1, (await counts.ReadAsync("t", [ReportScope.ForQueue("billing")], None)).Tally.Open);
        Assert.Equal(PassAt.AddMinutes(1), (await counts.ReadAsync("t", [ReportScope.All], None)).PassAt);
    }

    [Fact]
    public async Task BeforeAnyPass_NothingIsCountedAndNoPassTimeIsKnown()
    {
        await using var storage = await azurite.IsolatedAsync("FollowUpCountsNone");

        var reading = await storage.Get<IFollowUpCounts>().ReadAsync("t", [ReportScope.All], None);

        Assert.Equal((0, (DateTimeOffset?)null), (reading.Tally.Open, reading.PassAt));
    }
}
