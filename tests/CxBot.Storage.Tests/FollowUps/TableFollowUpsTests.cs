using Azure.Data.Tables;
using CxBot.Domain;
using CxBot.Domain.FollowUps;
using CxBot.Storage.Tests.Infrastructure;
using CxBot.Domain.People;

namespace CxBot.Storage.Tests.FollowUps;

[Collection(StorageCollection.Name)]
public sealed class TableFollowUpsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly PersonRef Anna = PersonRef.Staff("aad-anna", "Anna Jansen");
    private static readonly PersonRef Bram = PersonRef.Staff("aad-bram", "Bram Peters");

    private async Task<IFollowUps> FollowUpsAsync() => (await azurite.ForClassAsync<TableFollowUpsTests>()).Get<IFollowUps>();

    [Fact]
    public async Task TryAdd_ThenGet_ReturnsEveryField()
    {
        var followUps = await FollowUpsAsync();
        var followUp = TestData.FollowUp();

        Assert.True(await followUps.TryAddAsync(followUp, None));

        AssertSame(followUp, await followUps.GetAsync(followUp.FollowUpId, None));
    }

    [Fact]
    public async Task TryAdd_WithoutATenant_ReadsBackNone()
    {
        var followUps = await FollowUpsAsync();
        var followUp = TestData.FollowUp();
        var older = new FollowUp
        {
            FollowUpId = followUp.FollowUpId, Source = followUp.Source, ContactId = followUp.ContactId, Agent = followUp.Agent,
            Queue = followUp.Queue, Reasons = followUp.Reasons, CallBack = false, CreatedAt = followUp.CreatedAt, DueAt = followUp.DueAt,
        };

        await followUps.TryAddAsync(older, None);

        Assert.Null((await followUps.GetAsync(older.FollowUpId, None))!.TenantId);
    }

    [Fact]
    public async Task TryAdd_ExistingId_ReturnsFalse()
    {
        var followUps = await FollowUpsAsync();
        var followUp = TestData.FollowUp();
        await followUps.TryAddAsync(followUp, None);

        Assert.False(await followUps.TryAddAsync(followUp, None));
    }

    [Fact]
    public async Task Update_ClaimAndResolve_RoundTripsTheState()
    {
        var followUps = await FollowUpsAsync();
        var followUp = TestData.FollowUp();
        await followUps.TryAddAsync(followUp, None);

        followUp.Claim(Anna, TestData.Time.AddHours(1));
        followUp.MarkOverdueAnnounced(followUp.DueAt.AddMinutes(1));
        followUp.Resolve(Anna, FollowUpResolution.Create(false, RecoveryOutcome.Partly, "customer-knowledge", " tariefwijziging ", "  Teruggebeld, opgelost.  "),
            TestData.Time.AddHours(25));
        followUp.RecordCardPosted(TestData.FollowUpCard with { ActivityId = "1795386688999" });
        await followUps.UpdateAsync(followUp, None);

        var stored = await followUps.GetAsync(followUp.FollowUpId, None);
        AssertSame(followUp, stored);
        Assert.Equal(FollowUpStatus.Resolved, stored!.Status);
        Assert.Equal(new FollowUpResolution
        {
            Note = "Teruggebeld, opgelost.",
            CustomerReached = false,
            Recovered = RecoveryOutcome.Partly,
            RootCauseDriver = "customer-knowledge",
            RootCauseTopic = "tariefwijziging",
        }, stored.Resolution);
    }

    [Fact]
    public async Task Update_ReleaseAndReassign_RoundTripTheOwner()
    {
        var followUps = await FollowUpsAsync();
        var followUp = TestData.FollowUp();
        await followUps.TryAddAsync(followUp, None);
        followUp.Claim(Anna, TestData.Time);
        await followUps.UpdateAsync(followUp, None);

        followUp.Release(Anna, actorIsSupervisor: false);
        await followUps.UpdateAsync(followUp, None);
        var released = (await followUps.GetAsync(followUp.FollowUpId, None))!;
        Assert.Equal((FollowUpStatus.Open, null, null), (released.Status, released.Owner, released.ClaimedAt));

        released.Reassign(Anna, actorIsSupervisor: true, Bram, TestData.Time.AddHours(2));
        await followUps.UpdateAsync(released, None);
        AssertSame(released, await followUps.GetAsync(followUp.FollowUpId, None));
    }

    [Fact]
    public async Task Get_SignalSource_RoundTrips()
    {
        var followUps = await FollowUpsAsync();
        var source = TestData.FollowUp();
        var followUp = new FollowUp
        {
            FollowUpId = source.FollowUpId,
            Source = FollowUpSource.Signal(TestData.NewId("signal")),
            ContactId = source.ContactId,
            Agent = source.Agent,
            Queue = source.Queue,
            Reasons = FollowUpReasons.None,
            CallBack = false,
            CreatedAt = source.CreatedAt,
            DueAt = source.DueAt,
        };
        await followUps.TryAddAsync(followUp, None);

        AssertSame(followUp, await followUps.GetAsync(followUp.FollowUpId, None));
    }

    [Fact]
    public async Task Get_RowWrittenBeforeSourcesResolutionsAndCardLocations_StillReads()
    {
        var storage = await azurite.ForClassAsync<TableFollowUpsTests>();
        var followUps = storage.Get<IFollowUps>();
        var followUp = TestData.FollowUp();
        followUp.Resolve(Anna, FollowUpResolution.Create(true, RecoveryOutcome.Yes, "empathy", "toon", "Opgelost."), TestData.Time);
        await followUps.TryAddAsync(followUp, None);
        var table = storage.Clients.Tables.GetTableClient(storage.Names.FollowUps);
        var row = (await table.GetEntityAsync<TableEntity>(TableKeys.Escape(followUp.FollowUpId), "followup")).Value;
        foreach (var column in new[] { "SourceKind", "SourceId", "SourceDay", "TenantId", "CustomerName", "AgentObjectId", "ResolutionCustomerReached",
            "ResolutionRecovered", "ResolutionDriver", "ResolutionTopic", "CardChannelId", "CardServiceUrl", "CardTenantId" })
        {
            Assert.True(row.Remove(column), column);
        }

        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var stored = (await followUps.GetAsync(followUp.FollowUpId, None))!;

        Assert.Equal(FollowUpSource.SurveyResponse(followUp.Source.Id), stored.Source);
        Assert.Equal((null, null, PersonRef.Agent("agent-7", "Sam de Vries")), (stored.TenantId, stored.CustomerName, stored.Agent));
        Assert.Equal(new FollowUpResolution { Note = "Opgelost." }, stored.Resolution);
        // Without the service URL the old card cannot be edited: the follow-up reads as one whose card is not known.
        Assert.Null(stored.Card);
        Assert.Equal((FollowUpStatus.Resolved, Anna), (stored.Status, stored.ResolvedBy));
    }

    [Fact]
    public async Task Update_TwoSupervisorsClaimAtOnce_TheSecondGetsAConflictAndTheFirstOwns()
    {
        var followUps = await FollowUpsAsync();
        var followUp = TestData.FollowUp();
        await followUps.TryAddAsync(followUp, None);
        var annasCopy = (await followUps.GetAsync(followUp.FollowUpId, None))!;
        var bramsCopy = (await followUps.GetAsync(followUp.FollowUpId, None))!;

        annasCopy.Claim(Anna, TestData.Time.AddHours(1));
        await followUps.UpdateAsync(annasCopy, None);
        bramsCopy.Claim(Bram, TestData.Time.AddHours(1));
        var conflict = await Assert.ThrowsAsync<DomainConflictException>(() => followUps.UpdateAsync(bramsCopy, None));

        Assert.Equal(ConflictReason.Concurrency, conflict.Reason);
        Assert.Equal(Anna, (await followUps.GetAsync(followUp.FollowUpId, None))!.Owner);
    }

    [Fact]
    public async Task ListUnresolvedDueBefore_ReturnsOpenAndClaimedPastTheirDeadlineOnly()
    {
        await using var storage = await azurite.IsolatedAsync("FollowUpsDue");
        var followUps = storage.Get<IFollowUps>();
        var now = TestData.Time.AddDays(2);
        var openOverdue = TestData.FollowUp(now.AddTicks(-1));
        var claimedOverdue = TestData.FollowUp(now.AddHours(-3));
        claimedOverdue.Claim(Anna, TestData.Time);
        var resolvedOverdue = TestData.FollowUp(now.AddHours(-3));
        resolvedOverdue.Resolve(Anna, FollowUpResolution.Create(true, RecoveryOutcome.Yes, null, null, "done"), TestData.Time);
        var dueExactlyNow = TestData.FollowUp(now);
        var dueLater = TestData.FollowUp(now.AddHours(1));
        foreach (var followUp in new[] { openOverdue, claimedOverdue, resolvedOverdue, dueExactlyNow, dueLater })
        {
            await followUps.TryAddAsync(followUp, None);
        }

        var listed = await followUps.ListUnresolvedDueBeforeAsync(now, None).ToListAsync();

        Assert.Equal(new[] { openOverdue.FollowUpId, claimedOverdue.FollowUpId }.Order(), listed.Select(f => f.FollowUpId).Order());
        Assert.Equal(Anna, listed.Single(f => f.FollowUpId == claimedOverdue.FollowUpId).Owner);
    }

    private static void AssertSame(FollowUp expected, FollowUp? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            (expected.FollowUpId, expected.Source, expected.ContactId, expected.TenantId, expected.CustomerName, expected.Agent, expected.Queue,
                expected.Reasons, expected.CallBack, expected.CreatedAt, expected.DueAt, expected.Csat),
            (actual.FollowUpId, actual.Source, actual.ContactId, actual.TenantId, actual.CustomerName, actual.Agent, actual.Queue,
                actual.Reasons, actual.CallBack, actual.CreatedAt, actual.DueAt, actual.Csat));
        Assert.Equal(expected.State, actual.State);
    }
}
