using Azure.Data.Tables;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;
using CxBot.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Storage.Tests.FollowUps;

/// <summary>The index of unresolved follow-ups beside <c>FollowUps</c>: kept on add and resolve, checked and cleaned by the overdue list.</summary>
[Collection(StorageCollection.Name)]
public sealed class TableOpenFollowUpsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly PersonRef Anna = PersonRef.Staff("aad-anna", "Anna Jansen");
    private readonly SettableClock _clock = new() { Now = TestData.Time };

    private Task<TestStorage> StorageAsync(string name) => azurite.IsolatedAsync(name, services => services.AddSingleton<TimeProvider>(_clock));

    [Fact]
    public async Task AnAddedFollowUpIsIndexedUntilItIsResolved_AClaimKeepsIt()
    {
        await using var storage = await StorageAsync("OpenIndexLife");
        var followUps = storage.Get<IFollowUps>();
        var index = storage.Get<IOpenFollowUps>();
        var followUp = TestData.FollowUp();
        await followUps.TryAddAsync(followUp, None);

        Assert.Equal([OpenFollowUp.Of(followUp)], await index.ListAsync(None).ToListAsync());

        followUp.Claim(Anna, TestData.Time.AddHours(1));
        await followUps.UpdateAsync(followUp, None);
        Assert.Single(await index.ListAsync(None).ToListAsync());

        followUp.Resolve(Anna, FollowUpResolution.Create(true, RecoveryOutcome.Yes, null, null, "Teruggebeld."), TestData.Time.AddHours(2));
        await followUps.UpdateAsync(followUp, None);
        Assert.Empty(await index.ListAsync(None).ToListAsync());
    }

    [Fact]
    public async Task AddingAgainWithAnotherDeadline_LeavesOneEntry_TheStoredOnes()
    {
        await using var storage = await StorageAsync("OpenIndexRepeat");
        var followUps = storage.Get<IFollowUps>();
        var first = TestData.FollowUp();
        await followUps.TryAddAsync(first, None);
        var repeat = new FollowUp
        {
            FollowUpId = first.FollowUpId, Source = first.Source, ContactId = first.ContactId, Agent = first.Agent, Queue = first.Queue,
            TenantId = first.TenantId, Reasons = first.Reasons, CallBack = first.CallBack, CreatedAt = first.CreatedAt.AddMinutes(3),
            DueAt = first.DueAt.AddMinutes(3),
        };

        Assert.False(await followUps.TryAddAsync(repeat, None));

        Assert.Equal([OpenFollowUp.Of(first)], await storage.Get<IOpenFollowUps>().ListAsync(None).ToListAsync());
    }

    [Fact]
    public async Task TheOverdueList_SkipsAndRemovesStaleEntries_AndKeepsAnAddInFlight()
    {
        await using var storage = await StorageAsync("OpenIndexStale");
        var followUps = storage.Get<IFollowUps>();
        var index = storage.Get<IOpenFollowUps>();
        var open = TestData.FollowUp(TestData.Time.AddHours(1));
        var resolvedAfterCrash = TestData.FollowUp(TestData.Time.AddHours(1));
        var addCutOff = TestData.FollowUp(TestData.Time.AddHours(1));
        var addInFlight = TestData.FollowUp(TestData.Time.AddHours(1));
        await followUps.TryAddAsync(open, None);
        await followUps.TryAddAsync(resolvedAfterCrash, None);
        // A resolution stored, then a crash before its entry was removed: the entry is written back as it was.
        resolvedAfterCrash.Resolve(Anna, FollowUpResolution.Create(true, RecoveryOutcome.Yes, null, null, "Opgelost."), TestData.Time);
        await followUps.UpdateAsync(resolvedAfterCrash, None);
        await WriteEntryOnlyAsync(storage, resolvedAfterCrash, TestData.Time);
        // Entries written before an add that never happened (long ago), or is happening now.
        await WriteEntryOnlyAsync(storage, addCutOff, TestData.Time.AddHours(-2));
        await WriteEntryOnlyAsync(storage, addInFlight, TestData.Time);

        var listed = await followUps.ListUnresolvedDueBeforeAsync(TestData.Time.AddDays(1), None).ToListAsync();

        Assert.Equal([open.FollowUpId], listed.Select(f => f.FollowUpId));
        Assert.Equal(new[] { open.FollowUpId, addInFlight.FollowUpId }.Order(), (await index.ListAsync(None).ToListAsync()).Select(e => e.FollowUpId).Order());
    }

    [Fact]
    public async Task Backfill_IndexesUnresolvedFollowUpsStoredBeforeTheIndex_Once()
    {
        await using var storage = await StorageAsync("OpenIndexBackfill");
        var followUps = storage.Get<IFollowUps>();
        var index = storage.Get<IOpenFollowUps>();
        var older = TestData.FollowUp();
        var resolved = TestData.FollowUp();
        resolved.Resolve(Anna, FollowUpResolution.Create(true, RecoveryOutcome.Yes, null, null, "Opgelost."), TestData.Time);
        await followUps.TryAddAsync(older, None);
        await followUps.TryAddAsync(resolved, None);
        await ClearIndexAsync(storage);

        Assert.Equal(1, await index.BackfillAsync(None));
        Assert.Equal([OpenFollowUp.Of(older)], await index.ListAsync(None).ToListAsync());
        await ClearIndexAsync(storage);
        Assert.Equal(0, await index.BackfillAsync(None));
    }

    // The entry as TryAddAsync writes it, without the follow-up.
    private static async Task WriteEntryOnlyAsync(TestStorage storage, FollowUp followUp, DateTimeOffset listedAt)
    {
        var table = storage.Clients.Tables.GetTableClient(storage.Names.OpenFollowUps);
        await table.UpsertEntityAsync(new TableEntity("d|" + TableKeys.Day(followUp.DueAt), TableKeys.Join(TableKeys.Ticks(followUp.DueAt), followUp.FollowUpId))
        {
            ["FollowUpId"] = followUp.FollowUpId,
            ["TenantId"] = followUp.TenantId,
            ["Queue"] = followUp.Queue,
            ["AgentId"] = followUp.Agent.AgentId,
            ["DueAt"] = followUp.DueAt,
            ["ListedAt"] = listedAt,
        });
    }

    private static async Task ClearIndexAsync(TestStorage storage)
    {
        var table = storage.Clients.Tables.GetTableClient(storage.Names.OpenFollowUps);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo("d|") >= 0 && e.PartitionKey.CompareTo("d}") < 0))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
    }
}

/// <summary>A clock the test sets.</summary>
internal sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
