using CxBot.Domain.FollowUps;
using CxBot.Domain.Messaging;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.FollowUps;

public sealed class FollowUpTests
{
    /// <summary>The agent of the rated contact as a Teams user, once the staff directory connects the two.</summary>
    private static readonly PersonRef AgentInTeams = PersonRef.Staff("aad-sanne", "Sanne de Vries");

    private static FollowUp AboutAgentInTeams() => new()
    {
        FollowUpId = "survey-2",
        Source = FollowUpSource.SurveyResponse("survey-2"),
        ContactId = "contact-2",
        Agent = PersonRef.Agent("agent-7", "Sanne de Vries", AgentInTeams.ObjectId),
        Queue = "billing",
        Reasons = FollowUpReasons.LowCsat,
        CallBack = true,
        CreatedAt = Now,
        DueAt = Now.AddHours(24),
    };

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
    public void Claim_ByTheRatedAgent_ConflictsAsOwnAgentContact()
    {
        var followUp = AboutAgentInTeams();

        var error = Assert.Throws<DomainConflictException>(() => followUp.Claim(AgentInTeams with { DisplayName = "Sanne" }, Now));

        Assert.Equal(ConflictReason.OwnAgentContact, error.Reason);
        Assert.Equal((FollowUpStatus.Open, null), (followUp.Status, followUp.Owner));
    }

    [Fact]
    public void Claim_ByTheRatedAgentKnownByAgentIdOnly_ConflictsAsOwnAgentContact()
    {
        var followUp = OpenFollowUp();

        var error = Assert.Throws<DomainConflictException>(() => followUp.Claim(PersonRef.Agent(Agent.AgentId!, "Sanne"), Now));

        Assert.Equal(ConflictReason.OwnAgentContact, error.Reason);
    }

    [Fact]
    public void Claim_Resolved_ConflictsAsAlreadyResolved()
    {
        var followUp = OpenFollowUp();
        followUp.Resolve(Alice, Resolution(), Now);

        Assert.Equal(ConflictReason.AlreadyResolved, Assert.Throws<DomainConflictException>(() => followUp.Claim(Bob, Now)).Reason);
        Assert.Equal(Alice, followUp.Owner);
    }

    [Fact]
    public void Release_ByOwner_OpensItAgain()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now);

        followUp.Release(Alice, actorIsSupervisor: false);

        Assert.Equal((FollowUpStatus.Open, null, null), (followUp.Status, followUp.Owner, followUp.ClaimedAt));
        followUp.Claim(Bob, Now.AddMinutes(1));
        Assert.Equal(Bob, followUp.Owner);
    }

    [Fact]
    public void Release_ByASupervisorWhoIsNotTheOwner_OpensItAgain()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now);

        followUp.Release(Bob, actorIsSupervisor: true);

        Assert.Equal(FollowUpStatus.Open, followUp.Status);
    }

    [Fact]
    public void Release_BySomeoneElse_ConflictsAsNotOwner()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now);

        var error = Assert.Throws<DomainConflictException>(() => followUp.Release(Bob, actorIsSupervisor: false));

        Assert.Equal(ConflictReason.NotOwner, error.Reason);
        Assert.Equal(Alice, followUp.Owner);
    }

    [Fact]
    public void Release_Open_ConflictsAsNotClaimed()
    {
        var error = Assert.Throws<DomainConflictException>(() => OpenFollowUp().Release(Alice, actorIsSupervisor: true));

        Assert.Equal(ConflictReason.NotClaimed, error.Reason);
    }

    [Fact]
    public void Release_Resolved_ConflictsAsAlreadyResolved()
    {
        var followUp = OpenFollowUp();
        followUp.Resolve(Alice, Resolution(), Now);

        Assert.Equal(ConflictReason.AlreadyResolved, Assert.Throws<DomainConflictException>(() => followUp.Release(Alice, actorIsSupervisor: true)).Reason);
        Assert.Equal(FollowUpStatus.Resolved, followUp.Status);
    }

    [Fact]
    public void Reassign_ByASupervisor_GivesAClaimedFollowUpToTheAssignee()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now);

        followUp.Reassign(Bob, actorIsSupervisor: true, Alice with { }, Now.AddHours(1));
        Assert.Equal(Now, followUp.ClaimedAt);

        var carol = PersonRef.Staff("aad-carol", "Carol Smit");
        followUp.Reassign(Bob, actorIsSupervisor: true, carol, Now.AddHours(2));

        Assert.Equal((FollowUpStatus.Claimed, carol, Now.AddHours(2)), (followUp.Status, followUp.Owner, followUp.ClaimedAt));
    }

    [Fact]
    public void Reassign_Open_AssignsIt()
    {
        var followUp = OpenFollowUp();

        followUp.Reassign(Bob, actorIsSupervisor: true, Alice, Now);

        Assert.Equal((FollowUpStatus.Claimed, Alice), (followUp.Status, followUp.Owner));
    }

    [Fact]
    public void Reassign_ByANonSupervisor_ConflictsAsNotSupervisor()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now);

        var error = Assert.Throws<DomainConflictException>(() => followUp.Reassign(Alice, actorIsSupervisor: false, Bob, Now));

        Assert.Equal(ConflictReason.NotSupervisor, error.Reason);
        Assert.Equal(Alice, followUp.Owner);
    }

    [Fact]
    public void Reassign_ToTheRatedAgent_ConflictsAsOwnAgentContact()
    {
        var followUp = AboutAgentInTeams();

        var error = Assert.Throws<DomainConflictException>(() => followUp.Reassign(Bob, actorIsSupervisor: true, AgentInTeams, Now));

        Assert.Equal(ConflictReason.OwnAgentContact, error.Reason);
        Assert.Null(followUp.Owner);
    }

    [Fact]
    public void Reassign_Resolved_ConflictsAsAlreadyResolved()
    {
        var followUp = OpenFollowUp();
        followUp.Resolve(Alice, Resolution(), Now);

        Assert.Equal(ConflictReason.AlreadyResolved,
            Assert.Throws<DomainConflictException>(() => followUp.Reassign(Bob, actorIsSupervisor: true, Bob, Now)).Reason);
    }

    [Fact]
    public void Resolve_Open_ClaimsAndResolvesWithTheResolution()
    {
        var followUp = OpenFollowUp();
        var resolution = Resolution();

        followUp.Resolve(Bob, resolution, Now.AddHours(2));

        Assert.Equal(FollowUpStatus.Resolved, followUp.Status);
        Assert.Equal(Bob, followUp.Owner);
        Assert.Equal(Now.AddHours(2), followUp.ClaimedAt);
        Assert.Equal(Bob, followUp.ResolvedBy);
        Assert.Equal(Now.AddHours(2), followUp.ResolvedAt);
        Assert.Equal(resolution, followUp.Resolution);
    }

    [Fact]
    public void Resolve_ByOwner_Resolves()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now);

        followUp.Resolve(Alice, Resolution(), Now.AddHours(1));

        Assert.Equal(FollowUpStatus.Resolved, followUp.Status);
        Assert.Equal(Now, followUp.ClaimedAt);
    }

    [Fact]
    public void Resolve_ClaimedBySomeoneElse_ConflictsAsNotOwnerAndStaysClaimed()
    {
        var followUp = OpenFollowUp();
        followUp.Claim(Alice, Now);

        var error = Assert.Throws<DomainConflictException>(() => followUp.Resolve(Bob, Resolution(), Now.AddHours(1)));

        Assert.Equal(ConflictReason.NotOwner, error.Reason);
        Assert.Contains(Alice.DisplayName, error.Message, StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Claimed, followUp.Status);
        Assert.Null(followUp.Resolution);
    }

    [Fact]
    public void Resolve_ByTheRatedAgent_ConflictsAsOwnAgentContact()
    {
        var followUp = AboutAgentInTeams();

        var error = Assert.Throws<DomainConflictException>(() => followUp.Resolve(AgentInTeams, Resolution(), Now));

        Assert.Equal(ConflictReason.OwnAgentContact, error.Reason);
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
    }

    [Fact]
    public void Resolve_Twice_ConflictsAsAlreadyResolved()
    {
        var followUp = OpenFollowUp();
        followUp.Resolve(Alice, Resolution("Done."), Now);

        Assert.Equal(ConflictReason.AlreadyResolved, Assert.Throws<DomainConflictException>(() => followUp.Resolve(Alice, Resolution("Again."), Now)).Reason);
        Assert.Equal("Done.", followUp.Resolution!.Note);
    }

    [Fact]
    public void Resolution_IsTrimmedAndKeepsEveryPart()
    {
        var note = new string('x', FollowUpResolution.MaxNoteLength);
        var topic = new string('t', FollowUpResolution.MaxTopicLength);

        var resolution = FollowUpResolution.Create(false, RecoveryOutcome.Partly, QualityDriver.WaitingTime, " " + topic + " ", " " + note + "\n");

        Assert.Equal((false, RecoveryOutcome.Partly, "waiting-time", topic, note),
            (resolution.CustomerReached, resolution.Recovered, resolution.RootCauseDriver, resolution.RootCauseTopic, resolution.Note));
    }

    [Fact]
    public void Resolution_BlankDriverAndTopic_AreLeftOut()
    {
        var resolution = FollowUpResolution.Create(true, RecoveryOutcome.No, " ", "  ", "Called.");

        Assert.Equal((null, null), (resolution.RootCauseDriver, resolution.RootCauseTopic));
    }

    [Theory]
    [InlineData(null, RecoveryOutcome.Yes, null, null, "Done.", "customerReached")]
    [InlineData(true, null, null, null, "Done.", "recovered")]
    [InlineData(true, RecoveryOutcome.Yes, "speed", null, "Done.", "rootCauseDriver")]
    [InlineData(true, RecoveryOutcome.Yes, null, null, "   ", "note")]
    [InlineData(true, RecoveryOutcome.Yes, null, null, null, "note")]
    public void Resolution_MissingOrUnknownPart_IsRefusedNamingIt(bool? reached, RecoveryOutcome? recovered, string? driver, string? topic, string? note, string part)
    {
        var error = Assert.Throws<ArgumentException>(() => FollowUpResolution.Create(reached, recovered, driver, topic, note));

        Assert.Equal(part, error.ParamName);
    }

    [Fact]
    public void Resolution_TextOverTheCaps_IsRefused()
    {
        Assert.Equal("note", Assert.Throws<ArgumentException>(() =>
            FollowUpResolution.Create(true, RecoveryOutcome.Yes, null, null, new string('x', FollowUpResolution.MaxNoteLength + 1))).ParamName);
        Assert.Equal("rootCauseTopic", Assert.Throws<ArgumentException>(() =>
            FollowUpResolution.Create(true, RecoveryOutcome.Yes, null, new string('x', FollowUpResolution.MaxTopicLength + 1), "Done.")).ParamName);
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
        followUp.Resolve(Alice, Resolution(), Now.AddHours(1));

        Assert.False(followUp.NeedsOverdueNotice(Now.AddDays(1)));
    }

    [Fact]
    public void RecordCardPosted_KeepsTheLocation()
    {
        var followUp = OpenFollowUp();
        var card = new PostedMessage("msteams", "https://smba.example/teams/", "19:channel@thread.tacv2", "1700000000001", "tenant-1");

        followUp.RecordCardPosted(card);

        Assert.Equal(card, followUp.Card);
    }

    [Fact]
    public void Restore_RoundTripsTheNamedStateAndEnforcesTheStoredClaim()
    {
        var state = new FollowUpState
        {
            Status = FollowUpStatus.Claimed,
            Owner = Alice,
            ClaimedAt = Now,
            OverdueAnnouncedAt = Now.AddDays(1),
            Card = new PostedMessage("msteams", "https://smba.example/teams/", "19:c", "1", null),
            ETag = "W/\"1\"",
        };

        var followUp = OpenFollowUp().Restore(state);

        Assert.Equal(state, followUp.State);
        var error = Assert.Throws<DomainConflictException>(() => followUp.Claim(Bob, Now));
        Assert.Contains(Alice.DisplayName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordStoredVersion_SetsTheETag()
    {
        var followUp = OpenFollowUp();

        followUp.RecordStoredVersion("W/\"2\"");

        Assert.Equal("W/\"2\"", followUp.ETag);
    }
}
