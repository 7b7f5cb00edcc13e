using CxBot.Domain.FollowUps;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.FollowUps;

public sealed class FollowUpTests
{
    [Fact]
    public void Claim_Open_SetsOwner()
    {
        var followUp = OpenFollowUp();

        followUp.Claim(Alice, Now.AddMinutes(5));

        Assert.Equal(FollowUpStatus.Claimed, followUp.Status);
        Assert.Equal(Alice, followUp.Owner);
        Assert.Equal(Now.AddMinutes(5), followUp.ClaimedAt);
    }

    [Fact]
    public void Claim_AgainByOwner_IsNoOp()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now.AddMinutes(5));

        followUp.Claim(Alice with { ObjectId = Alice.ObjectId!.ToUpperInvariant() }, Now.AddMinutes(9));

        Assert.Equal(Alice, followUp.Owner);
        Assert.Equal(Now.AddMinutes(5), followUp.ClaimedAt);
    }

    [Fact]
    public void Claim_BySomeoneElse_ConflictsNamingTheOwner()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now);

        var error = Assert.Throws<DomainConflictException>(() => followUp.Claim(Bob, Now.AddMinutes(1)));

        Assert.Equal(ConflictReason.AlreadyClaimed, error.Reason);
        Assert.Contains(Alice.DisplayName, error.Message, StringComparison.Ordinal);
        Assert.Equal(Alice, followUp.Owner);
    }

    [Fact]
    public void Resolve_Open_ClaimsAndResolvesWithTrimmedNote()
    {
        var followUp = OpenFollowUp();

        followUp.Resolve(Bob, "  Called back, refund issued.  ", Now.AddHours(2));

        Assert.Equal(FollowUpStatus.Resolved, followUp.Status);
        Assert.Equal(Bob, followUp.Owner);
        Assert.Equal(Now.AddHours(2), followUp.ClaimedAt);
        Assert.Equal(Bob, followUp.ResolvedBy);
        Assert.Equal(Now.AddHours(2), followUp.ResolvedAt);
        Assert.Equal("Called back, refund issued.", followUp.ResolutionNote);
    }

    [Fact]
    public void Resolve_ByOwner_Resolves()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now);

        followUp.Resolve(Alice, "Done.", Now.AddHours(1));

        Assert.Equal(FollowUpStatus.Resolved, followUp.Status);
        Assert.Equal(Now, followUp.ClaimedAt);
    }

    [Fact]
    public void Resolve_ClaimedBySomeoneElse_ConflictsAndStaysClaimed()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now);

        var error = Assert.Throws<DomainConflictException>(() => followUp.Resolve(Bob, "Done.", Now.AddHours(1)));

        Assert.Equal(ConflictReason.AlreadyClaimed, error.Reason);
        Assert.Equal(FollowUpStatus.Claimed, followUp.Status);
        Assert.Null(followUp.ResolutionNote);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_WithoutNote_ThrowsAndStaysOpen(string note)
    {
        var followUp = OpenFollowUp();

        Assert.Throws<ArgumentException>(() => followUp.Resolve(Alice, note, Now));
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
        Assert.Null(followUp.Owner);
    }

    [Fact]
    public void Resolve_NoteOverCap_ThrowsAndStaysOpen()
    {
        var followUp = OpenFollowUp();

        Assert.Throws<ArgumentException>(() => followUp.Resolve(Alice, new string('x', FollowUp.MaxNoteLength + 1), Now));
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
    }

    [Fact]
    public void Resolve_NoteAtCapWithSurroundingSpace_Resolves()
    {
        var followUp = OpenFollowUp();
        var note = new string('x', FollowUp.MaxNoteLength);

        followUp.Resolve(Alice, " " + note + "\n", Now);

        Assert.Equal(note, followUp.ResolutionNote);
    }

    [Fact]
    public void Resolve_Twice_ConflictsAsAlreadyResolved()
    {
        var followUp = OpenFollowUp();
        followUp.Resolve(Alice, "Done.", Now);

        Assert.Equal(ConflictReason.AlreadyResolved, Assert.Throws<DomainConflictException>(() => followUp.Resolve(Alice, "Again.", Now)).Reason);
        Assert.Equal("Done.", followUp.ResolutionNote);
    }

    [Fact]
    public void Claim_Resolved_ConflictsAsAlreadyResolved()
    {
        var followUp = OpenFollowUp();
        followUp.Resolve(Alice, "Done.", Now);

        Assert.Equal(ConflictReason.AlreadyResolved, Assert.Throws<DomainConflictException>(() => followUp.Claim(Bob, Now)).Reason);
        Assert.Equal(Alice, followUp.Owner);
    }

    [Fact]
    public void NeedsOverdueNotice_BeforeDue_IsFalse_AtDue_IsTrue()
    {
        var followUp = OpenFollowUp(dueAt: Now.AddHours(24));

        Assert.False(followUp.NeedsOverdueNotice(Now.AddHours(24).AddSeconds(-1)));
        Assert.True(followUp.NeedsOverdueNotice(Now.AddHours(24)));
    }

    [Fact]
    public void MarkOverdueAnnounced_Once_ThenNoMoreNotices()
    {
        var followUp = OpenFollowUp(dueAt: Now);
        followUp.Claim(Alice, Now);

        followUp.MarkOverdueAnnounced(Now.AddHours(1));

        Assert.Equal(Now.AddHours(1), followUp.OverdueAnnouncedAt);
        Assert.False(followUp.NeedsOverdueNotice(Now.AddDays(3)));
        Assert.Equal(ConflictReason.NoOverdue, Assert.Throws<DomainConflictException>(() => followUp.MarkOverdueAnnounced(Now.AddDays(3))).Reason);
    }

    [Fact]
    public void NeedsOverdueNotice_Resolved_IsFalse()
    {
        var followUp = OpenFollowUp(dueAt: Now);
        followUp.Resolve(Alice, "Done.", Now.AddHours(1));

        Assert.False(followUp.NeedsOverdueNotice(Now.AddDays(1)));
    }

    [Fact]
    public void Restore_StoredClaim_IsEnforced()
    {
        var followUp = OpenFollowUp().Restore(FollowUpStatus.Claimed, Alice, Now, null, null, null, null);

        var error = Assert.Throws<DomainConflictException>(() => followUp.Claim(Bob, Now));

        Assert.Contains(Alice.DisplayName, error.Message, StringComparison.Ordinal);
    }
}
