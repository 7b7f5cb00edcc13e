using Azure.Data.Tables;
using CxBot.Domain.Channels;
using CxBot.Domain.People;
using CxBot.Domain.Settings;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Channels;

[Collection(StorageCollection.Name)]
public sealed class TableChannelDesignationsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task List_NothingSet_IsEmpty()
    {
        await using var storage = await azurite.IsolatedAsync("DesignationsEmpty");

        Assert.Empty(await storage.Get<IChannelDesignations>().ListAsync("tenant-a", None));
    }

    [Fact]
    public async Task Set_ReplacesThePurposeAndQueue_KeepsTheOthers_AndListsOnlyTheTenant()
    {
        await using var storage = await azurite.IsolatedAsync("DesignationsSet");
        var store = storage.Get<IChannelDesignations>();
        var all = Designation("Tenant-A", ChannelPurpose.FollowUps, null, "19:general") with { TeamName = "Support", ChannelName = null };
        var billing = Designation("Tenant-A", ChannelPurpose.FollowUps, "Billing", "19:billing") with { ChannelName = "Billing" };
        var replacement = all with { ChannelConversationId = "19:follow-ups", SetBy = PersonRef.Staff("oid-2", "Bram"), SetAt = TestData.Time.AddDays(1) };
        var signals = Designation("tenant-a", ChannelPurpose.Signals, null, "19:signals");
        var otherTenant = Designation("tenant-b", ChannelPurpose.FollowUps, null, "19:b");

        foreach (var d in new[] { all, billing, replacement, signals, otherTenant })
        {
            await store.SetAsync(d, None);
        }

        var listed = await store.ListAsync("TENANT-A", None);
        Assert.Equal(3, listed.Count);
        Assert.Contains(replacement, listed);
        Assert.Contains(billing, listed);
        Assert.Contains(signals, listed);
        Assert.Equal([otherTenant], await store.ListAsync("tenant-b", None));
        Assert.Equal(TestData.Time.AddDays(1), listed.Single(d => d.Queue is null && d.Purpose == ChannelPurpose.FollowUps).SetAt);
    }

    [Theory]
    [InlineData("VIP 'Gold' \"1\"")]
    [InlineData("a/b\\c#d?e%f|g")]
    [InlineData("*")]
    [InlineData("%2A")]
    [InlineData("Ünïcødé wachtrij 🎧")]
    public async Task AQueueWithOddCharacters_IsStoredAndRemovedAsItsOwnRow(string queue)
    {
        await using var storage = await azurite.IsolatedAsync("DesignationsOdd");
        var store = storage.Get<IChannelDesignations>();
        var forAll = Designation("tenant-a", ChannelPurpose.Digests, null, "19:all");
        var forQueue = Designation("tenant-a", ChannelPurpose.Digests, queue, "19:queue");
        var lookalike = Designation("tenant-a", ChannelPurpose.Digests, queue == "*" ? "%2A" : "*", "19:lookalike");
        await store.SetAsync(forAll, None);
        await store.SetAsync(forQueue, None);
        await store.SetAsync(lookalike, None);

        var listed = await store.ListAsync("tenant-a", None);
        Assert.Equal(3, listed.Count);
        Assert.Contains(forQueue, listed);
        Assert.Equal("19:queue", ChannelResolution.Resolve(listed, "tenant-a", ChannelPurpose.Digests, " " + queue.ToUpperInvariant())!.ChannelConversationId);

        Assert.True(await store.RemoveAsync("tenant-a", ChannelPurpose.Digests, queue.ToLowerInvariant(), None));
        Assert.False(await store.RemoveAsync("tenant-a", ChannelPurpose.Digests, queue, None));
        Assert.Equal(["19:all", "19:lookalike"], (await store.ListAsync("tenant-a", None)).Select(d => d.ChannelConversationId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ATenantsFirstRead_CopiesItsOldAlertsChannelToEveryPurpose_Once()
    {
        await using var storage = await azurite.IsolatedAsync("DesignationsMigrate");
        var legacy = new AlertChannel("Tenant-A", "19:team", "19:alerts", """{"conversation":{"id":"19:alerts"}}""", "Anna", TestData.Time);
        await storage.Get<IAlertChannels>().SetAsync(legacy, None);
        await storage.Get<IAlertChannels>().SetAsync(legacy with { TenantId = "tenant-b", ChannelConversationId = "19:b" }, None);
        var store = storage.Get<IChannelDesignations>();

        var migrated = await store.ListAsync("tenant-a", None);

        Assert.Equal(ChannelPurposes.All, migrated.Select(d => d.Purpose).Order());
        Assert.All(migrated, d => Assert.Equal(("19:alerts", "19:team", (string?)null, "Anna", TestData.Time, legacy.Reference),
            (d.ChannelConversationId, d.TeamId, d.Queue, d.SetBy.DisplayName, d.SetAt, d.Reference)));

        // Once: a purpose taken back afterwards stays taken back, and a second read copies nothing again.
        Assert.True(await store.RemoveAsync("tenant-a", ChannelPurpose.Signals, null, None));
        Assert.Equal(3, (await store.ListAsync("tenant-a", None)).Count);
        Assert.Equal(3, (await storage.Get<IChannelDesignations>().ListAsync("TENANT-A", None)).Count);
    }

    [Fact]
    public async Task TheCopy_NeverReplacesADesignationSetBeforeIt_AndTenantsWithoutAnOldChannelGetNone()
    {
        await using var storage = await azurite.IsolatedAsync("DesignationsMigrateSet");
        await storage.Get<IAlertChannels>().SetAsync(new AlertChannel("tenant-a", "19:team", "19:alerts", "{}", "Anna", TestData.Time), None);
        var store = storage.Get<IChannelDesignations>();
        var newer = Designation("tenant-a", ChannelPurpose.FollowUps, null, "19:follow-ups");

        await store.SetAsync(newer, None);

        var listed = await store.ListAsync("tenant-a", None);
        Assert.Equal(4, listed.Count);
        Assert.Contains(newer, listed);
        Assert.Equal(3, listed.Count(d => d.ChannelConversationId == "19:alerts"));
        Assert.Empty(await store.ListAsync("tenant-c", None));
        await store.SetAsync(Designation("tenant-c", ChannelPurpose.Learnings, null, "19:c"), None);
        Assert.Single(await store.ListAsync("tenant-c", None));
    }

    [Fact]
    public async Task ATenantsRows_AreOnePartition_OfItsLowerCaseEscapedId()
    {
        await using var storage = await azurite.IsolatedAsync("DesignationsKeys");
        await storage.Get<IChannelDesignations>().SetAsync(Designation("Tenant/A", ChannelPurpose.Learnings, "Billing", "19:x"), None);

        var table = storage.Clients.Tables.GetTableClient(storage.Names.ChannelDesignations);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: None))
        {
            rows.Add(row);
        }

        Assert.All(rows, r => Assert.Equal("tenant%2Fa", r.PartitionKey));
        Assert.Contains(rows, r => r.RowKey == "Learnings|billing");
        Assert.Contains(rows, r => r.RowKey == "~migrated");
    }

    [Fact]
    public async Task SetStale_MarksTheTenantsDesignationsOfTheChannel_ClearsThem_AndDesignatingAgainStartsFresh()
    {
        await using var storage = await azurite.IsolatedAsync("DesignationsStale");
        var store = storage.Get<IChannelDesignations>();
        var followUps = Designation("tenant-a", ChannelPurpose.FollowUps, null, "19:refused");
        var billing = Designation("tenant-a", ChannelPurpose.Signals, "billing", "19:refused");
        var elsewhere = Designation("tenant-a", ChannelPurpose.Digests, null, "19:fine");
        var otherTenant = Designation("tenant-b", ChannelPurpose.FollowUps, null, "19:refused");
        foreach (var d in new[] { followUps, billing, elsewhere, otherTenant })
        {
            await store.SetAsync(d, None);
        }

        var marked = await store.SetStaleAsync("Tenant-A", "19:refused", "Blocked: BotNotInConversationRoster", TestData.Time.AddHours(1), None);

        Assert.Equal([ChannelPurpose.FollowUps, ChannelPurpose.Signals], marked.Select(d => d.Purpose).Order());
        var listed = await store.ListAsync("tenant-a", None);
        Assert.All(listed.Where(d => d.ChannelConversationId == "19:refused"), d =>
            Assert.Equal((TestData.Time.AddHours(1), "Blocked: BotNotInConversationRoster"), (d.StaleSince!.Value, d.StaleReason!)));
        Assert.False(listed.Single(d => d.Purpose == ChannelPurpose.Digests).IsStale);
        Assert.False(Assert.Single(await store.ListAsync("tenant-b", None)).IsStale);
        Assert.Empty(await store.SetStaleAsync("tenant-a", "19:refused", "again", TestData.Time.AddHours(2), None));

        await store.SetAsync(followUps with { SetAt = TestData.Time.AddHours(3) }, None);
        Assert.False((await store.ListAsync("tenant-a", None)).Single(d => d.Purpose == ChannelPurpose.FollowUps).IsStale);

        var cleared = await store.SetStaleAsync("tenant-a", "19:refused", null, null, None);
        Assert.Equal(billing, Assert.Single(cleared));
        Assert.DoesNotContain(await store.ListAsync("tenant-a", None), d => d.IsStale);
    }

    private static ChannelDesignation Designation(string tenant, ChannelPurpose purpose, string? queue, string channel) =>
        new(tenant, purpose, queue, "19:team", channel, """{"conversation":{"id":"19:team"}}""", PersonRef.Staff("oid-1", "Anna"), TestData.Time);
}
