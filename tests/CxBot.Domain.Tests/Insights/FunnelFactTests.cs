using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;

namespace CxBot.Domain.Tests.Insights;

public sealed class FunnelFactTests
{
    private static readonly ReportingCalendar Amsterdam = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));

    private static Survey Restored(SurveyState state) => Builders.ScheduledSurvey().Restore(state, "etag");

    private static Tally Count(FunnelFact fact)
    {
        var tallies = new ScopedTallies();
        fact.CountInto(tallies);
        return tallies.For(ReportScope.All);
    }

    [Fact]
    public void Of_TakesTheContactsReportingDayInTheCentersZone()
    {
        // 23:30 UTC on 1 March is 00:30 on 2 March in Amsterdam.
        var survey = new Survey
        {
            SurveyId = "s-1", ContactId = "c-1", Customer = Builders.Customer, Agent = Builders.Agent, Queue = " Billing ", Channel = "Phone",
            ContactEndedAt = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero), TenantId = "Tenant-1",
            DefinitionId = "default", DefinitionVersion = 1, ScheduledAt = Builders.Now,
        };

        var fact = FunnelFact.Of(survey, Amsterdam);

        Assert.Equal(new DateOnly(2026, 3, 2), fact.Day);
        Assert.Equal(("s-1", "agent-7", "Tenant-1"), (fact.SurveyId, fact.AgentId, fact.TenantId));
    }

    [Fact]
    public void Scheduled_CountsScheduledOnly()
    {
        var tally = Count(FunnelFact.Of(Builders.ScheduledSurvey(), Amsterdam));

        Assert.Equal(Tally.From([new(TallyNames.Scheduled, 1)]), tally);
    }

    [Fact]
    public void Sending_CountsScheduledAndSent()
    {
        var survey = Builders.ScheduledSurvey();
        survey.BeginSend();

        Assert.Equal(Tally.From([new(TallyNames.Scheduled, 1), new(TallyNames.Sent, 1)]), Count(FunnelFact.Of(survey, Amsterdam)));
    }

    [Fact]
    public void WaitingForARetryAfterAFailedAttempt_CountsSent()
    {
        var survey = Builders.ScheduledSurvey();
        survey.BeginSend();
        Assert.True(survey.MarkSendFailed(SurveyFailureReason.TimedOut, "timeout", maxAttempts: 3, permanent: false));

        Assert.Equal(SurveyStatus.Scheduled, survey.Status);
        Assert.Equal(Tally.From([new(TallyNames.Scheduled, 1), new(TallyNames.Sent, 1)]), Count(FunnelFact.Of(survey, Amsterdam)));
    }

    [Fact]
    public void Delivered_CountsDelivered()
    {
        var tally = Count(FunnelFact.Of(Builders.SentSurvey(), Amsterdam));

        Assert.Equal(Tally.From([new(TallyNames.Scheduled, 1), new(TallyNames.Sent, 1), new(TallyNames.Delivered, 1)]), tally);
    }

    [Fact]
    public void RemindedThenAnswered_CountsRemindedAndNotTheAnswer()
    {
        var survey = Builders.SentSurvey();
        survey.MarkReminded(Builders.Now.AddDays(1));
        survey.MarkAnswered(Builders.Now.AddDays(2));

        var tally = Count(FunnelFact.Of(survey, Amsterdam));

        Assert.Equal(Tally.From([new(TallyNames.Scheduled, 1), new(TallyNames.Sent, 1), new(TallyNames.Delivered, 1), new(TallyNames.Reminded, 1)]), tally);
        Assert.Equal(0, tally[TallyNames.Answered]);
    }

    [Fact]
    public void Expired_CountsExpiredBesidesDeliveredAndReminded()
    {
        var survey = Restored(new SurveyState
        {
            Status = SurveyStatus.Expired, Attempts = 1, SentAt = Builders.Now, RemindedAt = Builders.Now.AddDays(1), ExpiredAt = Builders.Now.AddDays(7),
        });

        var tally = Count(FunnelFact.Of(survey, Amsterdam));

        Assert.Equal(Tally.From([new(TallyNames.Scheduled, 1), new(TallyNames.Sent, 1), new(TallyNames.Delivered, 1),
            new(TallyNames.Reminded, 1), new(TallyNames.Expired, 1)]), tally);
    }

    public static TheoryData<SurveyFailureReason, string> FailureReasons => new()
    {
        { SurveyFailureReason.Blocked, "funnel.failed.blocked" },
        { SurveyFailureReason.ConversationGone, "funnel.failed.conversation-gone" },
        { SurveyFailureReason.NoConversation, "funnel.failed.no-conversation" },
        { SurveyFailureReason.Refused, "funnel.failed.refused" },
        { SurveyFailureReason.Throttled, "funnel.failed.throttled" },
        { SurveyFailureReason.TimedOut, "funnel.failed.timed-out" },
        { SurveyFailureReason.ChannelError, "funnel.failed.channel-error" },
        { SurveyFailureReason.Interrupted, "funnel.failed.interrupted" },
    };

    [Theory]
    [MemberData(nameof(FailureReasons))]
    public void Undeliverable_CountsSentAndFailedByItsReason(SurveyFailureReason reason, string name)
    {
        var survey = Restored(new SurveyState { Status = SurveyStatus.Undeliverable, Attempts = 3, FailureReason = reason });

        Assert.Equal(Tally.From([new(TallyNames.Scheduled, 1), new(TallyNames.Sent, 1), new(name, 1)]), Count(FunnelFact.Of(survey, Amsterdam)));
    }

    [Fact]
    public void Undeliverable_WithoutAStoredReason_CountsAsUnknown()
    {
        // A row written before failures carried a reason.
        var survey = Restored(new SurveyState { Status = SurveyStatus.Undeliverable, Attempts = 3 });

        Assert.Equal(1, Count(FunnelFact.Of(survey, Amsterdam))["funnel.failed.unknown"]);
    }

    public static TheoryData<SkipReason, string> SkipReasons => new()
    {
        { SkipReason.IdleTimeout, "funnel.skipped.idle-timeout" },
        { SkipReason.OptedOut, "funnel.skipped.opted-out" },
        { SkipReason.Suppressed, "funnel.skipped.suppressed" },
        { SkipReason.NotSampled, "funnel.skipped.not-sampled" },
        { SkipReason.Unreachable, "funnel.skipped.unreachable" },
    };

    [Fact]
    public void SkippedBeforeTheSend_CountsScheduledAndSkippedNeverSentNorFailed()
    {
        var survey = Restored(new SurveyState { Status = SurveyStatus.Skipped, SkipReason = SkipReason.OptedOut });

        var tally = Count(FunnelFact.Of(survey, Amsterdam));

        Assert.Equal(Tally.From([new(TallyNames.Scheduled, 1), new("funnel.skipped.opted-out", 1)]), tally);
        Assert.Equal(0, tally.SumOf(TallyNames.FailedPrefix));
    }

    [Fact]
    public void Skipped_WithoutAStoredReason_CountsAsUnknown()
    {
        var survey = Restored(new SurveyState { Status = SurveyStatus.Skipped });

        Assert.Equal(1, Count(FunnelFact.Of(survey, Amsterdam))["funnel.skipped.unknown"]);
    }

    [Fact]
    public void AReasonLeftFromAnotherStatus_IsNotCounted()
    {
        var survey = Restored(new SurveyState { Status = SurveyStatus.Sent, Attempts = 2, SentAt = Builders.Now, FailureReason = SurveyFailureReason.TimedOut });

        Assert.Equal(0, Count(FunnelFact.Of(survey, Amsterdam)).SumOf(TallyNames.FailedPrefix));
    }

    [Theory]
    [MemberData(nameof(SkipReasons))]
    public void SkippedContact_CountsSkippedByItsReasonOnly(SkipReason reason, string name)
    {
        var skip = new SurveySkip("c-1", "Billing", "agent-7", "chat", reason, new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero), Builders.Now);
        var fact = SkipFact.Of(skip, Amsterdam);
        var tallies = new ScopedTallies();

        fact.CountInto(tallies);

        Assert.Equal(new DateOnly(2026, 3, 2), fact.Day);
        Assert.Equal(Tally.From([new(name, 1)]), tallies.For(ReportScope.All));
        Assert.Equal(Tally.From([new(name, 1)]), tallies.For(ReportScope.ForQueueAgent("billing", "agent-7")));
        Assert.Equal(Tally.From([new(name, 1)]), tallies.For(ReportScope.ForChannel("CHAT")));
    }

    [Fact]
    public void CountInto_CountsInEveryScopeOfTheContact()
    {
        var tallies = new ScopedTallies();

        FunnelFact.Of(Builders.ScheduledSurvey(), Amsterdam).CountInto(tallies);

        Assert.Equal(
            new[] { "all", "q~billing", "a~agent-7", "c~phone", "qa~billing~agent-7" }.Order(),
            tallies.ByScope.Keys.Select(s => s.Key).Order());
    }

    [Fact]
    public void Progress_FollowsEveryTransitionForward()
    {
        var survey = Builders.ScheduledSurvey();
        var seen = new List<int> { FunnelFact.Of(survey, Amsterdam).Progress };
        survey.BeginSend();
        seen.Add(FunnelFact.Of(survey, Amsterdam).Progress);
        survey.MarkSendFailed(SurveyFailureReason.TimedOut, "timeout", 3, permanent: false);
        seen.Add(FunnelFact.Of(survey, Amsterdam).Progress);
        survey.BeginSend();
        seen.Add(FunnelFact.Of(survey, Amsterdam).Progress);
        survey.MarkSent(Builders.Now, "msteams", "conv", "act", TimeSpan.FromDays(7));
        seen.Add(FunnelFact.Of(survey, Amsterdam).Progress);
        survey.MarkReminded(Builders.Now.AddDays(1));
        seen.Add(FunnelFact.Of(survey, Amsterdam).Progress);
        survey.MarkAnswered(Builders.Now.AddDays(2));
        seen.Add(FunnelFact.Of(survey, Amsterdam).Progress);

        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public void Progress_AnEndAfterTheReminderIsAhead()
    {
        var reminded = Restored(new SurveyState { Status = SurveyStatus.Sent, Attempts = 1, SentAt = Builders.Now, RemindedAt = Builders.Now.AddDays(1) });
        var expired = Restored(new SurveyState
        {
            Status = SurveyStatus.Expired, Attempts = 1, SentAt = Builders.Now, RemindedAt = Builders.Now.AddDays(1), ExpiredAt = Builders.Now.AddDays(7),
        });

        Assert.True(FunnelFact.Of(expired, Amsterdam).Progress > FunnelFact.Of(reminded, Amsterdam).Progress);
    }
}
