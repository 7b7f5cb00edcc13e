using CxBot.Domain.Actions;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.Domain.Tests.Actions;

public sealed class ImprovementActionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Supervisor = PersonRef.Staff("sup-1", "Sam Supervisor");
    private static readonly EffectMeasure Baseline = new(new ReportPeriod(new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 1)), 3.4, 120);

    internal static ImprovementActionDetails Details(DateTimeOffset? due = null) => new()
    {
        Title = "Call back within the promised hour",
        Kind = ActionKind.ImprovementProject,
        Voice = SignalVoice.Process,
        Driver = QualityDriver.Reliability,
        Gap = ServiceGap.Communication,
        Owner = ActionOwner.OfDepartment("  Billing   back office "),
        DueAt = due ?? T0.AddDays(14),
        Effect = new ExpectedEffect(EffectFigure.CsatMean, ReportScope.ForQueue("Billing"), 0.3),
    };

    private static ImprovementAction Proposed() =>
        ImprovementAction.Propose("act-1", "tenant-1", Supervisor, new ActionOrigin(ActionOriginKind.RecurringProblem, "billing"), Details(), T0, ["sig-1", "sig-2"]);

    [Fact]
    public void TheWholeLoop_ProposedAgreedInProgressDoneEvaluated_KeepsEachStepInHistory()
    {
        var action = Proposed();
        action.Agree(Supervisor, T0.AddHours(1), Baseline);
        action.Start(Supervisor, T0.AddDays(1));
        action.Complete(Supervisor, T0.AddDays(10), "  Call-back slots doubled  ");
        var result = new EffectResult(Baseline, new EffectMeasure(new ReportPeriod(new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 17)), 3.8, 130), 0.3);
        action.Evaluate(Supervisor, T0.AddDays(50), result);

        Assert.Equal(ActionStatus.Evaluated, action.Status);
        Assert.Equal(Baseline, action.Baseline);
        Assert.Equal("Call-back slots doubled", action.Outcome);
        Assert.Same(result, action.Result);
        Assert.Equal(
            [(ActionStatus.Proposed, ActionStatus.Agreed), (ActionStatus.Agreed, ActionStatus.InProgress), (ActionStatus.InProgress, ActionStatus.Done), (ActionStatus.Done, ActionStatus.Evaluated)],
            action.History.Select(s => (s.From, s.To)));
        Assert.Equal("Call-back slots doubled", action.History[2].Note);
        Assert.False(action.IsOpen);
    }

    [Fact]
    public void DoneStraightFromAgreed_IsAllowed_ButNotFromProposed()
    {
        var action = Proposed();
        var refused = Assert.Throws<DomainConflictException>(() => action.Complete(Supervisor, T0, "done"));
        Assert.Equal(ConflictReason.ActionNotAllowed, refused.Reason);

        action.Agree(Supervisor, T0, Baseline);
        action.Complete(Supervisor, T0.AddDays(1), "done");
        Assert.Equal(ActionStatus.Done, action.Status);
    }

    [Theory]
    [InlineData(ActionStatus.Done)]
    [InlineData(ActionStatus.Evaluated)]
    [InlineData(ActionStatus.Dropped)]
    public void ClosedActions_CannotBeDroppedEditedLinkedOrAgreedAgain(ActionStatus status)
    {
        var action = InStatus(status);

        Assert.Equal(ConflictReason.ActionNotAllowed, Assert.Throws<DomainConflictException>(() => action.Drop(Supervisor, T0, null)).Reason);
        Assert.Equal(ConflictReason.ActionNotAllowed, Assert.Throws<DomainConflictException>(() => action.Edit(Details())).Reason);
        Assert.Equal(ConflictReason.ActionNotAllowed, Assert.Throws<DomainConflictException>(() => action.Link(["sig-9"])).Reason);
        Assert.Equal(ConflictReason.ActionNotAllowed, Assert.Throws<DomainConflictException>(() => action.Agree(Supervisor, T0, Baseline)).Reason);
        Assert.Equal(ConflictReason.ActionNotAllowed, Assert.Throws<DomainConflictException>(() => action.Start(Supervisor, T0)).Reason);
    }

    [Fact]
    public void ADroppedAction_TakesNoCustomerMessage()
    {
        var action = Proposed();
        action.Drop(Supervisor, T0, "Out of budget");

        Assert.Equal(ConflictReason.ActionNotAllowed,
            Assert.Throws<DomainConflictException>(() => action.ConfirmCustomerMessage("We changed it", Supervisor, T0)).Reason);
        Assert.Null(action.CustomerMessage);
    }

    [Fact]
    public void CustomerMessage_IsKept_AndBoundedInLength()
    {
        var action = InStatus(ActionStatus.Done);
        Assert.Throws<ArgumentException>(() => action.ConfirmCustomerMessage("   ", Supervisor, T0));
        Assert.Throws<ArgumentException>(() => action.ConfirmCustomerMessage(new string('x', CustomerMessage.MaxLength + 1), Supervisor, T0));

        action.ConfirmCustomerMessage(" We now call back within the hour. ", Supervisor, T0);

        Assert.Equal("We now call back within the hour.", action.CustomerMessage!.Text);
        // Once done, the confirmed message is what went out: it is not replaced.
        Assert.Throws<DomainConflictException>(() => action.ConfirmCustomerMessage("Another text", Supervisor, T0));
    }

    [Fact]
    public void Links_AreDistinct_AndBounded()
    {
        var action = Proposed();
        action.Link(["sig-2", "sig-3", " "], ["fu-1", "fu-1"]);

        Assert.Equal(["sig-1", "sig-2", "sig-3"], action.SignalIds.Order(StringComparer.Ordinal));
        Assert.Equal(["fu-1"], action.FollowUpIds);
        Assert.Throws<ArgumentException>(() => action.Link(Enumerable.Range(0, ImprovementAction.MaxLinkedSignals).Select(i => "more-" + i)));
        Assert.Equal(3, action.SignalIds.Count);
    }

    [Fact]
    public void Overdue_IsAnnouncedOnce_OnlyWhileOpenAndPastDue()
    {
        var action = Proposed();
        var due = action.Details.DueAt;

        Assert.False(action.IsOverdueAt(due));
        Assert.Throws<DomainConflictException>(() => action.MarkOverdueAnnounced(due));
        Assert.True(action.IsOverdueAt(due.AddMinutes(1)));
        action.MarkOverdueAnnounced(due.AddMinutes(1));
        Assert.False(action.IsOverdueAt(due.AddDays(3)));
        Assert.Equal(ConflictReason.NoOverdue, Assert.Throws<DomainConflictException>(() => action.MarkOverdueAnnounced(due.AddDays(3))).Reason);

        var done = InStatus(ActionStatus.Done);
        Assert.False(done.IsOverdueAt(due.AddDays(1)));
    }

    [Fact]
    public void State_RoundTrips_EveryField()
    {
        var action = InStatus(ActionStatus.Done);
        action.ConfirmCustomerMessage("Fixed.", Supervisor, T0.AddDays(2));
        action.RecordCard(new Messaging.PostedMessage("msteams", "https://smba.example/", "a:conv", "1795", "tenant-1"));
        action.RecordStoredVersion("W/\"1\"");

        var restored = ImprovementAction.Restore(action.State);

        Assert.Equal(action.State with { History = [], SignalIds = [], FollowUpIds = [] }, restored.State with { History = [], SignalIds = [], FollowUpIds = [] });
        Assert.Equal(action.History, restored.History);
        Assert.Equal(action.SignalIds.Order(), restored.SignalIds.Order());
        Assert.Equal("W/\"1\"", restored.ETag);
        Assert.Equal("1795", restored.Card!.ActivityId);
    }

    [Fact]
    public void Details_AreValidated()
    {
        Assert.Throws<ArgumentException>(() => (Details() with { Title = " " }).Validated());
        Assert.Throws<ArgumentException>(() => (Details() with { Title = new string('t', ImprovementActionDetails.MaxTitleLength + 1) }).Validated());
        Assert.Throws<ArgumentException>(() => (Details() with { Driver = "speed" }).Validated());
        Assert.Throws<ArgumentException>(() => (Details() with { Effect = new ExpectedEffect(EffectFigure.CsatMean, ReportScope.All, 0) }).Validated());
        Assert.Throws<ArgumentException>(() => (Details() with { Effect = new ExpectedEffect(EffectFigure.CsatMean, ReportScope.ForAgent("a-1"), 0.2) }).Validated());
        Assert.Throws<ArgumentException>(() => (Details() with { Effect = new ExpectedEffect(EffectFigure.DriverCsatMean, ReportScope.All, 0.2) }).Validated());
        Assert.Throws<ArgumentException>(() => (Details() with { Effect = new ExpectedEffect(EffectFigure.TopicCount, ReportScope.All, -5) }).Validated());
        Assert.Equal("Billing back office", Details().Owner.Department);
        Assert.Equal("billing back office", Details().Owner.DepartmentKey);
        Assert.Throws<ArgumentException>(() => ActionOwner.OfDepartment("   "));
    }

    private static ImprovementAction InStatus(ActionStatus status)
    {
        var action = Proposed();
        switch (status)
        {
            case ActionStatus.Dropped:
                action.Drop(Supervisor, T0, "No longer needed");
                break;
            case ActionStatus.Done or ActionStatus.Evaluated:
                action.Agree(Supervisor, T0, Baseline);
                action.Complete(Supervisor, T0.AddDays(1), "done");
                if (status == ActionStatus.Evaluated)
                {
                    action.Evaluate(Supervisor, T0.AddDays(40), new EffectResult(Baseline, Baseline, 0.3));
                }

                break;
        }

        return action;
    }
}
