using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.Domain.Tests.Insights;

public sealed class SignalFactTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Reporter = PersonRef.Staff("aad-sam", "Sam") with { AgentId = "Agent-7" };
    private static readonly PersonRef Supervisor = PersonRef.Staff("aad-anna", "Anna");

    private static Signal NewSignal() => Signal.Report("signal-1", "tenant-1", Reporter,
        new SignalDetails { Kind = SignalKind.Complaint, TopicKey = "billing", Description = "Charged twice." },
        SignalCapture.OneLiner, At, new DateOnly(2026, 3, 2));

    private static ScopedTallies Count(SignalFact fact)
    {
        var tallies = new ScopedTallies();
        fact.CountInto(tallies);
        return tallies;
    }

    [Fact]
    public void Reported_CountsKindTopicAndNoDriverNorGap_InAllAndTheAgent()
    {
        var fact = SignalFact.Of(Assert.Single(NewSignal().TakeChanges()));

        var tallies = Count(fact);

        Assert.Equal((new DateOnly(2026, 3, 2), 1), (fact.Day, fact.Version));
        var expected = Tally.From([
            new("signals.complaint", 1), new("signals.complaint.topic.billing", 1),
            new("signals.complaint.driver.none", 1), new("signals.complaint.gap.none", 1)]);
        Assert.Equal(expected, tallies.For(ReportScope.All));
        Assert.Equal(expected, tallies.For(ReportScope.ForAgent("agent-7")));
        Assert.Equal(2, tallies.ByScope.Count);
    }

    [Fact]
    public void Triaged_CountsAsClassifiedNow()
    {
        var signal = NewSignal();
        signal.TakeChanges();
        signal.Triage(Supervisor, SignalKind.ProcessIssue, "reliability", "refunds", ServiceGap.Delivery, At.AddHours(1));

        var fact = SignalFact.Of(Assert.Single(signal.TakeChanges()));

        Assert.Equal(2, fact.Version);
        Assert.Equal(Tally.From([
            new("signals.process-issue", 1), new("signals.process-issue.topic.refunds", 1),
            new("signals.process-issue.driver.reliability", 1), new("signals.process-issue.gap.delivery", 1)]),
            Count(fact).For(ReportScope.All));
    }

    [Theory]
    [InlineData(ServiceGap.Knowledge, "knowledge")]
    [InlineData(ServiceGap.Standards, "standards")]
    [InlineData(ServiceGap.Delivery, "delivery")]
    [InlineData(ServiceGap.Communication, "communication")]
    public void Gap_IsCountedByItsKey(ServiceGap gap, string key)
    {
        var fact = SignalFact.Of(Assert.Single(NewSignal().TakeChanges())) with { Gap = gap };

        Assert.Equal(1, Count(fact).For(ReportScope.All)["signals.complaint.gap." + key]);
    }

    [Fact]
    public void Withdrawn_CountsNowhere()
    {
        var signal = NewSignal();
        signal.TakeChanges();
        signal.Withdraw(Reporter, At.AddMinutes(5));

        var fact = SignalFact.Of(Assert.Single(signal.TakeChanges()));

        Assert.False(fact.Counted);
        Assert.Empty(Count(fact).ByScope);
    }

    [Fact]
    public void Supersedes_OnlyAHigherVersion()
    {
        var reported = SignalFact.Of(Assert.Single(NewSignal().TakeChanges()));
        var triaged = reported with { Version = 2 };

        Assert.True(reported.Supersedes(null));
        Assert.True(triaged.Supersedes(reported));
        Assert.False(reported.Supersedes(triaged));
        Assert.False(triaged.Supersedes(triaged));
    }

    [Fact]
    public void EveryKind_IsCountedByItsStoredKey()
    {
        foreach (var info in SignalKinds.All)
        {
            var fact = SignalFact.Of(Assert.Single(NewSignal().TakeChanges())) with { Kind = info.Kind };

            Assert.Equal(1, Count(fact).For(ReportScope.All)["signals." + info.Key]);
        }
    }
}
