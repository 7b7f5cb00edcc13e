using CxBot.Domain.Surveys;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.Surveys;

public sealed class SurveyOutcomeTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Theory]
    [InlineData(SurveyFailureReason.Blocked)]
    [InlineData(SurveyFailureReason.ConversationGone)]
    [InlineData(SurveyFailureReason.Refused)]
    public void MarkSendFailed_Permanent_KeepsTheReason(SurveyFailureReason reason)
    {
        var survey = ScheduledSurvey();
        survey.BeginSend();

        Assert.False(survey.MarkSendFailed(reason, "what the channel said", maxAttempts: 5, permanent: true));

        Assert.Equal(SurveyStatus.Undeliverable, survey.Status);
        Assert.Equal(reason, survey.FailureReason);
        Assert.Equal("what the channel said", survey.LastError);
    }

    [Fact]
    public void MarkSendFailed_Retried_HasNoReasonUntilItGivesUp()
    {
        var survey = ScheduledSurvey();
        survey.BeginSend();
        Assert.True(survey.MarkSendFailed(SurveyFailureReason.Throttled, "429", maxAttempts: 2, permanent: false));
        Assert.Null(survey.FailureReason);

        survey.BeginSend();
        Assert.False(survey.MarkSendFailed(SurveyFailureReason.TimedOut, "timeout", maxAttempts: 2, permanent: false));

        Assert.Equal(SurveyFailureReason.TimedOut, survey.FailureReason);
    }

    [Fact]
    public void MarkSendFailed_UnknownReason_Throws()
    {
        var survey = ScheduledSurvey();
        survey.BeginSend();

        Assert.Throws<ArgumentOutOfRangeException>(() => survey.MarkSendFailed((SurveyFailureReason)99, "x", 5, true));
        Assert.Equal(SurveyStatus.Sending, survey.Status);
    }

    [Theory]
    [InlineData(SkipReason.OptedOut)]
    [InlineData(SkipReason.Unreachable)]
    public void MarkSkipped_WhileSending_IsSkippedNotUndeliverable(SkipReason reason)
    {
        var survey = ScheduledSurvey();
        survey.BeginSend();

        survey.MarkSkipped(reason);

        Assert.Equal(SurveyStatus.Skipped, survey.Status);
        Assert.Equal(reason, survey.SkipReason);
        Assert.Null(survey.FailureReason);
        Assert.False(survey.AwaitsDelivery);
    }

    [Fact]
    public void MarkSkipped_SentSurvey_Conflicts()
    {
        var error = Assert.Throws<DomainConflictException>(() => SentSurvey().MarkSkipped(SkipReason.OptedOut));

        Assert.Equal(ConflictReason.NotSendable, error.Reason);
    }

    [Theory]
    [InlineData(SkipReason.IdleTimeout)]
    [InlineData(SkipReason.NotSampled)]
    [InlineData(SkipReason.Suppressed)]
    public void MarkSkipped_ReasonDecidedAtTheContactsEnd_Throws(SkipReason reason)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduledSurvey().MarkSkipped(reason));
    }

    [Fact]
    public void MarkExpired_SentAndPastItsExpiry_IsExpired()
    {
        var survey = SentSurvey(Week);

        survey.MarkExpired(Now + Week);

        Assert.Equal(SurveyStatus.Expired, survey.Status);
        Assert.Equal(Now + Week, survey.ExpiredAt);
        Assert.Equal(ConflictReason.NotSent, Assert.Throws<DomainConflictException>(() => survey.MarkAnswered(Now + Week)).Reason);
    }

    [Fact]
    public void MarkExpired_BeforeItsExpiry_Conflicts()
    {
        var survey = SentSurvey(Week);

        var error = Assert.Throws<DomainConflictException>(() => survey.MarkExpired(Now + Week - TimeSpan.FromSeconds(1)));

        Assert.Equal(ConflictReason.NotExpired, error.Reason);
        Assert.Equal(SurveyStatus.Sent, survey.Status);
    }

    [Fact]
    public void MarkExpired_Answered_ConflictsAsAlreadyAnswered()
    {
        var survey = SentSurvey(Week);
        survey.MarkAnswered(Now.AddDays(1));

        var error = Assert.Throws<DomainConflictException>(() => survey.MarkExpired(Now + Week));

        Assert.Equal(ConflictReason.AlreadyAnswered, error.Reason);
        Assert.Equal(SurveyStatus.Answered, survey.Status);
    }

    [Fact]
    public void MarkExpired_Twice_Conflicts()
    {
        var survey = SentSurvey(Week);
        survey.MarkExpired(Now + Week);

        Assert.Throws<DomainConflictException>(() => survey.MarkExpired(Now + Week + TimeSpan.FromHours(1)));
        Assert.Equal(Now + Week, survey.ExpiredAt);
    }

    [Fact]
    public void MarkExpired_NeverSent_Conflicts()
    {
        Assert.Throws<DomainConflictException>(() => ScheduledSurvey().MarkExpired(Now + Week));
    }
}
