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
            FollowUpId = followUp.FollowUpId, SurveyId = followUp.SurveyId, ContactId = followUp.ContactId, Agent = followUp.Agent,
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
        followUp.Resolve(Anna, "  Teruggebeld, opgelost.  ", TestData.Time.AddHours(25));
        followUp.CardActivityId = "1795386688999";
        await followUps.UpdateAsync(followUp, None);

        var stored = await followUps.GetAsync(followUp.FollowUpId, None);
        AssertSame(followUp, stored);
        Assert.Equal(FollowUpStatus.Resolved, stored!.Status);
        Assert.Equal("Teruggebeld, opgelost.", stored.ResolutionNote);
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
        resolvedOverdue.Resolve(Anna, "done", TestData.Time);
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
            (expected.FollowUpId, expected.SurveyId, expected.ContactId, expected.Agent, expected.Queue, expected.Reasons, expected.CallBack,
                expected.CreatedAt, expected.DueAt, expected.Csat, expected.Comment, expected.CardConversationId, expected.CardActivityId),
            (actual.FollowUpId, actual.SurveyId, actual.ContactId, actual.Agent, actual.Queue, actual.Reasons, actual.CallBack,
                actual.CreatedAt, actual.DueAt, actual.Csat, actual.Comment, actual.CardConversationId, actual.CardActivityId));
        Assert.Equal(
            (expected.Status, expected.Owner, expected.ClaimedAt, expected.ResolvedBy, expected.ResolvedAt, expected.ResolutionNote,
                expected.OverdueAnnouncedAt, expected.ETag, expected.TenantId),
            (actual.Status, actual.Owner, actual.ClaimedAt, actual.ResolvedBy, actual.ResolvedAt, actual.ResolutionNote,
                actual.OverdueAnnouncedAt, actual.ETag, actual.TenantId));
    }
}
