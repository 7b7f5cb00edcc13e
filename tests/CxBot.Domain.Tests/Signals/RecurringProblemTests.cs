using CxBot.Domain.Signals;

namespace CxBot.Domain.Tests.Signals;

/// <summary>The recurring-problem rule (N in the last M days and F times the usual rate) and when it is announced.</summary>
public sealed class RecurringProblemTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly RecurringProblemRule Rule = new(MinCount: 3, WindowDays: 7, Factor: 2);

    [Fact]
    public void ThreeThisWeekAndNoneBefore_IsRecurring_TheUsualRateBeingAtLeastOne()
    {
        var finding = Rule.Evaluate(Times(3, daysAgo: 1), Now);

        Assert.Equal(new RecurringProblemFinding(3, 1, true), finding);
    }

    [Fact]
    public void FewerThanN_IsNotRecurring()
    {
        Assert.False(Rule.Evaluate(Times(2, daysAgo: 1), Now).IsRecurring);
    }

    [Fact]
    public void AtTheUsualRate_IsNotRecurring()
    {
        // Three a week in each of the eight weeks before: usually 3, so 5 this week is less than twice that.
        var before = Enumerable.Range(1, 8).SelectMany(week => Times(3, daysAgo: week * 7 + 1));
        var finding = Rule.Evaluate(before.Concat(Times(5, daysAgo: 1)), Now);

        Assert.Equal((5, 3.0, false), (finding.Count, finding.UsualRate, finding.IsRecurring));
        Assert.True(Rule.Evaluate(before.Concat(Times(6, daysAgo: 1)), Now).IsRecurring);
    }

    [Fact]
    public void SignalsOlderThanNineWindows_DoNotCount()
    {
        var finding = Rule.Evaluate(Times(40, daysAgo: 64).Concat(Times(3, daysAgo: 0)), Now);

        Assert.Equal((3, 1.0, true), (finding.Count, finding.UsualRate, finding.IsRecurring));
    }

    [Fact]
    public void TheFirstTimeTrue_IsAnnounced_AndStayingTrueIsNot()
    {
        var (state, announce) = RecurringAlertState.Decide(null, "t", "billing", true, Now, Rule.Window)!.Value;

        Assert.True(announce);
        Assert.Equal((1, Now, (DateTimeOffset?)null), (state.Round, state.AnnouncedAt, state.FalseSince));
        Assert.Null(RecurringAlertState.Decide(state with { ETag = "e" }, "t", "billing", true, Now.AddDays(1), Rule.Window));
        Assert.Null(RecurringAlertState.Decide(null, "t", "billing", false, Now, Rule.Window));
    }

    [Fact]
    public void TrueAgainAfterAWindowFalse_IsAnnouncedAgain_SoonerIsNot()
    {
        var announced = new RecurringAlertState { TenantId = "t", TopicKey = "billing", Round = 1, AnnouncedAt = Now, ETag = "e" };
        var (falseState, announceFalse) = RecurringAlertState.Decide(announced, "t", "billing", false, Now.AddDays(8), Rule.Window)!.Value;
        Assert.False(announceFalse);
        Assert.Equal(Now.AddDays(8), falseState.FalseSince);

        var (soon, announceSoon) = RecurringAlertState.Decide(falseState, "t", "billing", true, Now.AddDays(14), Rule.Window)!.Value;
        Assert.False(announceSoon);
        Assert.Null(soon.FalseSince);

        var (again, announceAgain) = RecurringAlertState.Decide(falseState, "t", "billing", true, Now.AddDays(15), Rule.Window)!.Value;
        Assert.True(announceAgain);
        Assert.Equal((2, (DateTimeOffset?)null), (again.Round, again.FalseSince));
    }

    private static IEnumerable<DateTimeOffset> Times(int count, int daysAgo) =>
        Enumerable.Range(0, count).Select(i => Now.AddDays(-daysAgo).AddMinutes(-i));
}
