using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.FollowUps;

public sealed class RecoveryPolicyTests
{
    [Theory]
    [InlineData(1, FollowUpReasons.LowCsat)]
    [InlineData(2, FollowUpReasons.LowCsat)]
    [InlineData(3, FollowUpReasons.None)]
    [InlineData(5, FollowUpReasons.None)]
    public void Evaluate_Csat_FlagsTwoAndBelow(int csat, FollowUpReasons expected)
    {
        Assert.Equal(expected, RecoveryPolicy.Evaluate(Answers(csat: csat)));
    }

    [Fact]
    public void Evaluate_WorseThanExpected_Flags()
    {
        Assert.Equal(FollowUpReasons.WorseThanExpected, RecoveryPolicy.Evaluate(Answers(expectation: ExpectationAnswer.Worse)));
    }

    [Theory]
    [InlineData(ResolutionAnswer.No, FollowUpReasons.NotResolved)]
    [InlineData(ResolutionAnswer.Partly, FollowUpReasons.None)]
    public void Evaluate_Resolution_FlagsOnlyNo(ResolutionAnswer resolution, FollowUpReasons expected)
    {
        Assert.Equal(expected, RecoveryPolicy.Evaluate(Answers(resolution: resolution)));
    }

    [Fact]
    public void Evaluate_EverythingBad_CombinesReasons()
    {
        var reasons = RecoveryPolicy.Evaluate(Answers(csat: 1, expectation: ExpectationAnswer.Worse, resolution: ResolutionAnswer.No));

        Assert.Equal(FollowUpReasons.LowCsat | FollowUpReasons.WorseThanExpected | FollowUpReasons.NotResolved, reasons);
    }

    [Fact]
    public void Evaluate_NothingAnswered_IsNone()
    {
        Assert.Equal(FollowUpReasons.None, RecoveryPolicy.Evaluate(Answers(csat: null, expectation: null, resolution: null)));
    }

    [Fact]
    public void CreateFollowUp_SatisfiedCustomer_ReturnsNull()
    {
        var survey = SentSurvey();

        Assert.Null(RecoveryPolicy.CreateFollowUp(survey, Response(survey, Answers()), Now, TimeSpan.FromHours(24)));
    }

    [Fact]
    public void CreateFollowUp_LowScoreWithConsent_IsCallBackDueInTime()
    {
        var survey = SentSurvey();
        var response = Response(survey, Answers(csat: 1, consent: true, comment: "Nobody called back."));

        var day = new DateOnly(2025, 3, 3);
        var followUp = RecoveryPolicy.CreateFollowUp(survey, response, Now, TimeSpan.FromHours(24), responseDay: day);

        Assert.NotNull(followUp);
        Assert.Equal(survey.SurveyId, followUp.FollowUpId);
        Assert.Equal(FollowUpSource.SurveyResponse(survey.SurveyId, day), followUp.Source);
        Assert.Equal(survey.Customer.TenantId, followUp.TenantId);
        Assert.Equal(survey.ContactId, followUp.ContactId);
        Assert.Equal(Agent, followUp.Agent);
        Assert.Equal("billing", followUp.Queue);
        Assert.Equal("Tenant-1", followUp.TenantId);
        Assert.Equal(FollowUpReasons.LowCsat, followUp.Reasons);
        Assert.True(followUp.CallBack);
        Assert.Equal(Now, followUp.CreatedAt);
        Assert.Equal(Now.AddHours(24), followUp.DueAt);
        Assert.Equal(1, followUp.Csat);
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void CreateFollowUp_NoConsent_IsNotACallBack(bool? consent)
    {
        var survey = SentSurvey();
        var response = Response(survey, Answers(resolution: ResolutionAnswer.No, consent: consent));

        var followUp = RecoveryPolicy.CreateFollowUp(survey, response, Now, TimeSpan.FromHours(8));

        Assert.NotNull(followUp);
        Assert.False(followUp.CallBack);
        Assert.Equal(FollowUpReasons.NotResolved, followUp.Reasons);
        Assert.Equal(Now.AddHours(8), followUp.DueAt);
    }

    [Theory]
    [InlineData("  Jan de Klant  ", "Jan de Klant")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void CreateFollowUp_KeepsTheCustomersNameTrimmed(string? given, string? kept)
    {
        var survey = SentSurvey();

        var followUp = RecoveryPolicy.CreateFollowUp(survey, Response(survey, Answers(csat: 1)), Now, TimeSpan.FromHours(8), given);

        Assert.Equal(kept, followUp!.CustomerName);
    }

    [Fact]
    public void CreateFollowUp_CustomerNameOverTheCap_IsCut()
    {
        var survey = SentSurvey();

        var followUp = RecoveryPolicy.CreateFollowUp(survey, Response(survey, Answers(csat: 1)), Now, TimeSpan.FromHours(8), new string('n', 150));

        Assert.Equal(new string('n', FollowUp.MaxCustomerNameLength), followUp!.CustomerName);
    }

    [Fact]
    public void CreateFollowUp_ResponseOfAnotherSurvey_Throws()
    {
        var response = Response(ScheduledSurvey("contact-2"), Answers(csat: 1));

        Assert.Throws<ArgumentException>(() => RecoveryPolicy.CreateFollowUp(SentSurvey(), response, Now, TimeSpan.FromHours(24)));
    }

    [Fact]
    public void CreateFollowUp_DueInNotPositive_Throws()
    {
        var survey = SentSurvey();

        Assert.Throws<ArgumentOutOfRangeException>(() => RecoveryPolicy.CreateFollowUp(survey, Response(survey, Answers(csat: 1)), Now, TimeSpan.Zero));
    }

    private static readonly RecoveryRules DetractorsFollowedUp = new(FollowUpOnNpsDetractor: true);

    [Theory]
    [InlineData(0, FollowUpReasons.NpsDetractor)]
    [InlineData(6, FollowUpReasons.NpsDetractor)]
    [InlineData(7, FollowUpReasons.None)]
    [InlineData(10, FollowUpReasons.None)]
    public void Evaluate_NpsWhenConfigured_FlagsDetractorsZeroToSix(int nps, FollowUpReasons expected)
    {
        Assert.Equal(expected, RecoveryPolicy.Evaluate(Answers() with { Nps = nps }, DetractorsFollowedUp));
    }

    [Fact]
    public void Evaluate_NpsDetractorByDefault_IsNone()
    {
        Assert.Equal(FollowUpReasons.None, RecoveryPolicy.Evaluate(Answers() with { Nps = 0 }));
        Assert.Equal(FollowUpReasons.None, RecoveryPolicy.Evaluate(Answers() with { Nps = 0 }, RecoveryRules.Default));
    }

    [Fact]
    public void CreateFollowUp_NpsDetractorWhenConfigured_OpensOneNamingTheReason()
    {
        var survey = SentSurvey();
        var answers = Answers() with { Nps = 3 };
        var response = SurveyResponse.For(survey, answers, "en-US", Now.AddHours(1), "customer-1", DetractorsFollowedUp);

        var followUp = RecoveryPolicy.CreateFollowUp(survey, response, Now, TimeSpan.FromHours(8), rules: DetractorsFollowedUp);

        Assert.Equal(FollowUpReasons.NpsDetractor, followUp!.Reasons);
        Assert.Equal(survey.SurveyId, response.FollowUpId);
        Assert.Null(RecoveryPolicy.CreateFollowUp(survey, response, Now, TimeSpan.FromHours(8)));
    }
}

