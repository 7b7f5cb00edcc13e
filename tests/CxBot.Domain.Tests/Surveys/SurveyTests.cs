using CxBot.Domain.Surveys;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.Surveys;

public sealed class SurveyTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void New_IsScheduledAndAwaitsDelivery()
    {
        var survey = ScheduledSurvey();

        Assert.Equal(SurveyStatus.Scheduled, survey.Status);
        Assert.True(survey.AwaitsDelivery);
        Assert.Equal(0, survey.Attempts);
    }

    [Fact]
    public void BeginSend_Scheduled_IsSendingAndCountsAttempt()
    {
        var survey = ScheduledSurvey();

        survey.BeginSend();

        Assert.Equal(SurveyStatus.Sending, survey.Status);
        Assert.Equal(1, survey.Attempts);
    }

    [Fact]
    public void BeginSend_InterruptedSend_MayBeginAgainAndCountsAgain()
    {
        var survey = ScheduledSurvey();
        survey.BeginSend();

        survey.BeginSend();

        Assert.Equal(2, survey.Attempts);
    }

    [Fact]
    public void MarkSent_Sending_RecordsWhereAndSetsExpiry()
    {
        var survey = ScheduledSurvey();
        survey.BeginSend();

        survey.MarkSent(Now, "webchat", "conv-9", "act-3", Week);

        Assert.Equal(SurveyStatus.Sent, survey.Status);
        Assert.Equal(Now, survey.SentAt);
        Assert.Equal("webchat", survey.SentChannelId);
        Assert.Equal("conv-9", survey.SentConversationId);
        Assert.Equal("act-3", survey.CardActivityId);
        Assert.Equal(Now + Week, survey.ExpiresAt);
        Assert.False(survey.AwaitsDelivery);
    }

    [Fact]
    public void MarkSent_NotSending_Conflicts()
    {
        var error = Assert.Throws<DomainConflictException>(() => ScheduledSurvey().MarkSent(Now, "msteams", "c", null, Week));

        Assert.Equal(ConflictReason.NotSending, error.Reason);
    }

    [Fact]
    public void BeginSend_AlreadySent_Conflicts()
    {
        var error = Assert.Throws<DomainConflictException>(() => SentSurvey().BeginSend());

        Assert.Equal(ConflictReason.NotSendable, error.Reason);
    }

    [Fact]
    public void MarkSendFailed_BelowMaxAttempts_ReschedulesWithReason()
    {
        var survey = ScheduledSurvey();
        survey.BeginSend();

        var retry = survey.MarkSendFailed(SurveyFailureReason.Throttled, "429 from connector", maxAttempts: 3, permanent: false);

        Assert.True(retry);
        Assert.Equal(SurveyStatus.Scheduled, survey.Status);
        Assert.Equal("429 from connector", survey.LastError);
    }

    [Fact]
    public void MarkSendFailed_AtMaxAttempts_IsUndeliverable()
    {
        var survey = ScheduledSurvey();
        for (var attempt = 1; attempt < 3; attempt++)
        {
            survey.BeginSend();
            Assert.True(survey.MarkSendFailed(SurveyFailureReason.ChannelError, $"failure {attempt}", maxAttempts: 3, permanent: false));
        }

        survey.BeginSend();
        var retry = survey.MarkSendFailed(SurveyFailureReason.ChannelError, "failure 3", maxAttempts: 3, permanent: false);

        Assert.False(retry);
        Assert.Equal(SurveyStatus.Undeliverable, survey.Status);
        Assert.Equal(3, survey.Attempts);
        Assert.Equal("failure 3", survey.LastError);
        Assert.False(survey.AwaitsDelivery);
        Assert.Throws<DomainConflictException>(survey.BeginSend);
    }

    [Fact]
    public void MarkSendFailed_Permanent_IsUndeliverableAtOnce()
    {
        var survey = ScheduledSurvey();
        survey.BeginSend();

        Assert.False(survey.MarkSendFailed(SurveyFailureReason.NoConversation, "user has no conversation", maxAttempts: 5, permanent: true));
        Assert.Equal(SurveyStatus.Undeliverable, survey.Status);
    }

    [Fact]
    public void MarkSent_AfterFailedAttempt_ClearsLastError()
    {
        var survey = ScheduledSurvey();
        survey.BeginSend();
        survey.MarkSendFailed(SurveyFailureReason.TimedOut, "timeout", 3, false);
        survey.BeginSend();

        survey.MarkSent(Now, "msteams", "c", "a", Week);

        Assert.Null(survey.LastError);
    }

    [Fact]
    public void MarkAnswered_SentAndOpen_IsAnswered()
    {
        var survey = SentSurvey();

        survey.MarkAnswered(Now.AddHours(1));

        Assert.Equal(SurveyStatus.Answered, survey.Status);
        Assert.Equal(Now.AddHours(1), survey.AnsweredAt);
    }

    [Fact]
    public void MarkAnswered_Twice_ConflictsAsAlreadyAnswered()
    {
        var survey = SentSurvey();
        survey.MarkAnswered(Now.AddHours(1));

        var error = Assert.Throws<DomainConflictException>(() => survey.MarkAnswered(Now.AddHours(2)));

        Assert.Equal(ConflictReason.AlreadyAnswered, error.Reason);
        Assert.Equal(Now.AddHours(1), survey.AnsweredAt);
    }

    [Fact]
    public void MarkAnswered_AtExpiry_ConflictsAsExpired()
    {
        var survey = SentSurvey(Week);

        var error = Assert.Throws<DomainConflictException>(() => survey.MarkAnswered(Now + Week));

        Assert.Equal(ConflictReason.Expired, error.Reason);
        Assert.Equal(SurveyStatus.Sent, survey.Status);
    }

    [Fact]
    public void MarkAnswered_JustBeforeExpiry_IsAnswered()
    {
        var survey = SentSurvey(Week);

        survey.MarkAnswered(Now + Week - TimeSpan.FromSeconds(1));

        Assert.Equal(SurveyStatus.Answered, survey.Status);
    }

    [Fact]
    public void MarkAnswered_NotSent_Conflicts()
    {
        Assert.Equal(ConflictReason.NotSent, Assert.Throws<DomainConflictException>(() => ScheduledSurvey().MarkAnswered(Now)).Reason);
    }

    [Fact]
    public void NeedsReminder_SentAndOpen_IsTrue_ThenMarkRemindedOnceOnly()
    {
        var survey = SentSurvey();
        var at = Now.AddDays(2);

        Assert.True(survey.NeedsReminder(at));
        survey.MarkReminded(at);

        Assert.Equal(at, survey.RemindedAt);
        Assert.False(survey.NeedsReminder(at.AddDays(1)));
        Assert.Equal(ConflictReason.NoReminder, Assert.Throws<DomainConflictException>(() => survey.MarkReminded(at.AddDays(1))).Reason);
    }

    [Fact]
    public void NeedsReminder_AnsweredOrExpiredOrUnsent_IsFalse()
    {
        var answered = SentSurvey();
        answered.MarkAnswered(Now.AddHours(1));

        Assert.False(answered.NeedsReminder(Now.AddDays(1)));
        Assert.False(SentSurvey(Week).NeedsReminder(Now + Week));
        Assert.False(ScheduledSurvey().NeedsReminder(Now));
    }

    [Fact]
    public void Restore_StoredState_IsReadBack()
    {
        var state = new SurveyState
        {
            Status = SurveyStatus.Sent,
            Attempts = 2,
            LastError = "earlier",
            SentAt = Now,
            SentChannelId = "msteams",
            SentConversationId = "c",
            CardActivityId = "a",
            ExpiresAt = Now + Week,
        };

        var survey = ScheduledSurvey().Restore(state, "etag-1");

        Assert.Equal(SurveyStatus.Sent, survey.Status);
        Assert.Equal(2, survey.Attempts);
        Assert.Equal("c", survey.SentConversationId);
        Assert.Equal("etag-1", survey.ETag);
        Assert.True(survey.NeedsReminder(Now.AddDays(1)));
    }

    [Fact]
    public void MarkStored_SetsTheStoredVersion_AndRefusesAnEmptyOne()
    {
        var survey = ScheduledSurvey();

        survey.MarkStored("etag-2");

        Assert.Equal("etag-2", survey.ETag);
        Assert.Throws<ArgumentException>(() => survey.MarkStored(""));
    }
}
