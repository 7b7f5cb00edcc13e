using CxBot.Domain.Surveys;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.Surveys;

public sealed class EligibilityPolicyTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void Decide_OrdinaryContact_Schedules()
    {
        Assert.Null(EligibilityPolicy.Decide(Contact(), Prefs(), Week, 1, Now));
    }

    [Theory]
    [InlineData("idle-timeout")]
    [InlineData("IDLE-TIMEOUT")]
    [InlineData("idle_timeout")]
    [InlineData("IdleTimeout")]
    [InlineData(" idle-timeout ")]
    public void Decide_IdleTimeoutEndReason_SkipsAsIdleTimeout(string endReason)
    {
        Assert.Equal(SkipReason.IdleTimeout, EligibilityPolicy.Decide(Contact(endReason: endReason), Prefs(), Week, 1, Now));
    }

    [Theory]
    [InlineData("resolved")]
    [InlineData("idle")]
    [InlineData("agent-timeout")]
    [InlineData("")]
    public void Decide_OtherEndReason_Schedules(string endReason)
    {
        Assert.Null(EligibilityPolicy.Decide(Contact(endReason: endReason), Prefs(), Week, 1, Now));
    }

    [Fact]
    public void Decide_OptedOutCustomer_SkipsAsOptedOut()
    {
        Assert.Equal(SkipReason.OptedOut, EligibilityPolicy.Decide(Contact(), Prefs(optedOut: true), Week, 1, Now));
    }

    [Fact]
    public void Decide_SurveyedInsideWindow_SkipsAsSuppressed()
    {
        var prefs = Prefs(lastSurveyedAt: Now - Week + TimeSpan.FromSeconds(1));

        Assert.Equal(SkipReason.Suppressed, EligibilityPolicy.Decide(Contact(), prefs, Week, 1, Now));
    }

    [Fact]
    public void Decide_SurveyedExactlyOneWindowAgo_Schedules()
    {
        Assert.Null(EligibilityPolicy.Decide(Contact(), Prefs(lastSurveyedAt: Now - Week), Week, 1, Now));
    }

    [Fact]
    public void Decide_ZeroWindow_DoesNotSuppress()
    {
        Assert.Null(EligibilityPolicy.Decide(Contact(), Prefs(lastSurveyedAt: Now), TimeSpan.Zero, 1, Now));
    }

    [Fact]
    public void Decide_ZeroSamplingRate_SkipsAsNotSampled()
    {
        Assert.Equal(SkipReason.NotSampled, EligibilityPolicy.Decide(Contact(), Prefs(), Week, 0, Now));
    }

    [Fact]
    public void Decide_PartialRate_FollowsSampling()
    {
        var contacts = Enumerable.Range(0, 200).Select(i => Contact(contactId: $"c-{i}")).ToList();

        Assert.All(contacts, contact => Assert.Equal(
            Sampling.IsSampled(contact.ContactId, 0.5) ? null : SkipReason.NotSampled,
            EligibilityPolicy.Decide(contact, Prefs(), Week, 0.5, Now)));
    }

    [Fact]
    public void Decide_EveryReasonApplies_ReportsIdleTimeoutFirst()
    {
        var decision = EligibilityPolicy.Decide(Contact(endReason: "idle-timeout"), Prefs(optedOut: true, lastSurveyedAt: Now), Week, 0, Now);

        Assert.Equal(SkipReason.IdleTimeout, decision);
    }

    [Fact]
    public void Decide_OptedOutAndSuppressedAndNotSampled_ReportsOptedOut()
    {
        Assert.Equal(SkipReason.OptedOut, EligibilityPolicy.Decide(Contact(), Prefs(optedOut: true, lastSurveyedAt: Now), Week, 0, Now));
    }

    [Fact]
    public void Decide_SuppressedAndNotSampled_ReportsSuppressed()
    {
        Assert.Equal(SkipReason.Suppressed, EligibilityPolicy.Decide(Contact(), Prefs(lastSurveyedAt: Now), Week, 0, Now));
    }

    [Fact]
    public void Decide_RateOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EligibilityPolicy.Decide(Contact(), Prefs(), Week, 1.5, Now));
    }

    [Fact]
    public void Decide_NegativeWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EligibilityPolicy.Decide(Contact(), Prefs(), TimeSpan.FromDays(-1), 1, Now));
    }
}
