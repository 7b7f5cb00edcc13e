using CxBot.Domain.Surveys;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.Surveys;

public sealed class EligibilityPolicyTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void Decide_OrdinaryContact_Schedules()
    {
        Assert.Null(EligibilityPolicy.Decide(Contact(), Prefs(), FreeWindow(), Week, 1, Now));
    }

    [Theory]
    [InlineData("idle-timeout")]
    [InlineData("IDLE-TIMEOUT")]
    [InlineData("idle_timeout")]
    [InlineData("IdleTimeout")]
    [InlineData(" idle-timeout ")]
    public void Decide_IdleTimeoutEndReason_SkipsAsIdleTimeout(string endReason)
    {
        Assert.Equal(SkipReason.IdleTimeout, EligibilityPolicy.Decide(Contact(endReason: endReason), Prefs(), FreeWindow(), Week, 1, Now));
    }

    [Theory]
    [InlineData("resolved")]
    [InlineData("idle")]
    [InlineData("agent-timeout")]
    [InlineData("")]
    public void Decide_OtherEndReason_Schedules(string endReason)
    {
        Assert.Null(EligibilityPolicy.Decide(Contact(endReason: endReason), Prefs(), FreeWindow(), Week, 1, Now));
    }

    [Fact]
    public void Decide_OptedOutCustomer_SkipsAsOptedOut()
    {
        Assert.Equal(SkipReason.OptedOut, EligibilityPolicy.Decide(Contact(), Prefs(optedOut: true), FreeWindow(), Week, 1, Now));
    }

    [Fact]
    public void Decide_AnotherSurveyDeliveredInsideWindow_SkipsAsSuppressed()
    {
        var surveyed = SurveyedAt(Now - Week + TimeSpan.FromSeconds(1));

        Assert.Equal(SkipReason.Suppressed, EligibilityPolicy.Decide(Contact(), Prefs(), surveyed, Week, 1, Now));
    }

    [Fact]
    public void Decide_AnotherSurveyDeliveredExactlyOneWindowAgo_Schedules()
    {
        Assert.Null(EligibilityPolicy.Decide(Contact(), Prefs(), SurveyedAt(Now - Week), Week, 1, Now));
    }

    [Fact]
    public void Decide_ZeroWindow_DoesNotSuppress()
    {
        Assert.Null(EligibilityPolicy.Decide(Contact(), Prefs(), SurveyedAt(Now), TimeSpan.Zero, 1, Now));
    }

    [Fact]
    public void Decide_ZeroSamplingRate_SkipsAsNotSampled()
    {
        Assert.Equal(SkipReason.NotSampled, EligibilityPolicy.Decide(Contact(), Prefs(), FreeWindow(), Week, 0, Now));
    }

    [Fact]
    public void Decide_PartialRate_FollowsSampling()
    {
        var contacts = Enumerable.Range(0, 200).Select(i => Contact(contactId: $"c-{i}")).ToList();

        Assert.All(contacts, contact => Assert.Equal(
            Sampling.IsSampled(contact.ContactId, 0.5) ? null : SkipReason.NotSampled,
            EligibilityPolicy.Decide(contact, Prefs(), FreeWindow(), Week, 0.5, Now)));
    }

    [Fact]
    public void Decide_EveryReasonApplies_ReportsIdleTimeoutFirst()
    {
        var decision = EligibilityPolicy.Decide(Contact(endReason: "idle-timeout"), Prefs(optedOut: true), SurveyedAt(Now), Week, 0, Now);

        Assert.Equal(SkipReason.IdleTimeout, decision);
    }

    [Fact]
    public void Decide_OptedOutAndSuppressedAndNotSampled_ReportsOptedOut()
    {
        Assert.Equal(SkipReason.OptedOut, EligibilityPolicy.Decide(Contact(), Prefs(optedOut: true), SurveyedAt(Now), Week, 0, Now));
    }

    [Fact]
    public void Decide_SuppressedAndNotSampled_ReportsSuppressed()
    {
        Assert.Equal(SkipReason.Suppressed, EligibilityPolicy.Decide(Contact(), Prefs(), SurveyedAt(Now), Week, 0, Now));
    }

    [Fact]
    public void Decide_RateOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EligibilityPolicy.Decide(Contact(), Prefs(), FreeWindow(), Week, 1.5, Now));
    }

    [Fact]
    public void Decide_NegativeWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EligibilityPolicy.Decide(Contact(), Prefs(), FreeWindow(), TimeSpan.FromDays(-1), 1, Now));
    }

    [Fact]
    public void Decide_AnotherSurveyReservedTheWindow_SkipsAsSuppressed()
    {
        var window = FreeWindow();
        window.Reserve(SurveyIds.For("other-contact"), Now, Week, TimeSpan.FromHours(6));

        Assert.Equal(SkipReason.Suppressed, EligibilityPolicy.Decide(Contact(), Prefs(), window, Week, 1, Now));
    }

    [Fact]
    public void Decide_TheContactsOwnReservation_Schedules()
    {
        var window = FreeWindow();
        window.Reserve(SurveyIds.For(Contact().ContactId), Now, Week, TimeSpan.FromHours(6));

        Assert.Null(EligibilityPolicy.Decide(Contact(), Prefs(), window, Week, 1, Now));
    }
}
