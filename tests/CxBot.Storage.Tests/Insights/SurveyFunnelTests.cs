using Azure.Data.Tables;
using CxBot.Domain;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Storage.Tests.Insights;

/// <summary>The survey funnel as the survey stores write it and the <c>funnel</c> source counts it, per reporting day in
/// the contact center's zone (Amsterdam; the seeded days span the change to summer time on 29 March 2026).</summary>
[Collection(StorageCollection.Name)]
public sealed class SurveyFunnelTests(StorageFixture azurite)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly DateTimeOffset Now = new(2026, 3, 27, 12, 0, 0, TimeSpan.Zero);

    private enum Outcome { Scheduled, Sending, WaitingForRetry, Delivered, Reminded, AnsweredAfterReminder, Failed, FailedWithoutReason, Skipped, Expired }

    private sealed record Seeded(DateTimeOffset EndedAt, string Queue, Outcome Outcome, SurveyFailureReason? Failure);

    private Task<TestStorage> StorageAsync(string name) =>
        azurite.IsolatedAsync(name, services => services.AddSingleton(new ReportingCalendar(Amsterdam)));

    [Fact]
    public async Task FunnelSource_CountsEachDayAsTheSeededSurveysAndSkipsSay_AndMarksEveryDayChanged()
    {
        await using var storage = await StorageAsync("FunnelDays");
        var surveys = storage.Get<ISurveys>();
        var skips = storage.Get<ISurveySkips>();
        var outcomes = Enum.GetValues<Outcome>();
        var failures = Enum.GetValues<SurveyFailureReason>();
        var skipReasons = Enum.GetValues<SkipReason>();
        var seeded = new List<Seeded>();
        var skipped = new List<SurveySkip>();

        // Every 97 minutes from Friday 27 March 20:00 UTC to Tuesday: five local days, across the clock change.
        for (var i = 0; i < 60; i++)
        {
            var endedAt = new DateTimeOffset(2026, 3, 27, 20, 0, 0, TimeSpan.Zero).AddMinutes(97 * i);
            var queue = (i % 3) switch { 0 => "Billing", 1 => " billing ", _ => "Sales" };
            var seed = new Seeded(endedAt, queue, outcomes[i % outcomes.Length], failures[i % failures.Length]);
            seeded.Add(seed);
            await SeedAsync(surveys, seed, $"survey-{i}/{Guid.NewGuid():N}", $"agent-{i % 4}", i % 2 == 0 ? "chat" : "phone");
            if (i % 4 == 0)
            {
                var skip = new SurveySkip($"contact-{i}#?", queue, $"agent-{i % 4}", "chat", skipReasons[i % skipReasons.Length], endedAt.AddMinutes(1), Now);
                skipped.Add(skip);
                await skips.AddAsync(skip, CancellationToken.None);
            }
        }

        // The edges: 23:30 UTC on the 28th is already the 29th in Amsterdam; 21:59 UTC on the 29th (summer time) is still the 29th.
        var edges = new[]
        {
            new Seeded(new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), "Billing", Outcome.Delivered, null),
            new Seeded(new DateTimeOffset(2026, 3, 29, 21, 59, 0, TimeSpan.Zero), "Billing", Outcome.Expired, null),
            new Seeded(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), "Billing", Outcome.Failed, SurveyFailureReason.Blocked),
        };
        foreach (var edge in edges)
        {
            seeded.Add(edge);
            await SeedAsync(surveys, edge, "edge/" + Guid.NewGuid().ToString("N"), "agent-9", "phone");
        }

        var expectedAll = Expected(seeded, skipped, _ => true);
        var expectedBilling = Expected(seeded, skipped, queue => queue.Trim().Equals("billing", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(5, expectedAll.Count);

        var source = storage.Get<IEnumerable<IReportingFactSource>>().Single(s => s.Name == "funnel");
        foreach (var (day, expected) in expectedAll)
        {
            var counted = new ScopedTallies();
            await source.CountDayAsync(day, counted, CancellationToken.None);

            Assert.Equal(expected.ToString(), counted.For(ReportScope.All).ToString());
            Assert.Equal(expectedBilling.GetValueOrDefault(day, new Tally()).ToString(), counted.For(ReportScope.ForQueue("BILLING")).ToString());
        }

        var marked = await storage.Get<IReportingChanges>().ListAsync(CancellationToken.None);
        Assert.Equal(expectedAll.Keys.Order(), marked.Select(m => m.Day).Order());
    }

    [Fact]
    public async Task FunnelSource_ADayWithoutRecords_CountsNothing()
    {
        await using var storage = await StorageAsync("FunnelEmpty");
        var counted = new ScopedTallies();

        await storage.Get<IEnumerable<IReportingFactSource>>().Single(s => s.Name == "funnel").CountDayAsync(new DateOnly(2026, 1, 1), counted, CancellationToken.None);

        Assert.Empty(counted.ByScope);
    }

    [Fact]
    public async Task Update_LostToAnotherWriter_LeavesTheWinnersFunnelState()
    {
        await using var storage = await StorageAsync("FunnelRace");
        var surveys = storage.Get<ISurveys>();
        var survey = NewSurvey("race/" + Guid.NewGuid().ToString("N"), Now, "Billing", "agent-1", "chat");
        await surveys.TryAddAsync(survey, CancellationToken.None);
        var stale = (await surveys.GetAsync(survey.SurveyId, CancellationToken.None))!;

        survey.BeginSend();
        survey.MarkSent(Now.AddMinutes(1), "msteams", "conv", "act", TimeSpan.FromDays(7));
        await surveys.UpdateAsync(survey, CancellationToken.None);
        stale.BeginSend();
        stale.MarkSendFailed(SurveyFailureReason.ConversationGone, "gone", maxAttempts: 1, permanent: true);
        await Assert.ThrowsAsync<DomainConflictException>(() => surveys.UpdateAsync(stale, CancellationToken.None));

        var counted = await CountAsync(storage, new DateOnly(2026, 3, 27));
        Assert.Equal((1, 1, 1, 0L), (counted[TallyNames.Scheduled], counted[TallyNames.Sent], counted[TallyNames.Delivered], counted.SumOf(TallyNames.FailedPrefix)));
    }

    [Fact]
    public async Task Skips_SameContactTwice_IsStoredAndCountedOnce_OnItsContactsDay()
    {
        await using var storage = await StorageAsync("FunnelSkips");
        var skips = storage.Get<ISurveySkips>();
        // 23:30 UTC on 27 March is 00:30 on the 28th in Amsterdam; the decision came the next morning.
        var skip = new SurveySkip("contact/" + Guid.NewGuid().ToString("N"), "Billing", "agent-7", "chat", SkipReason.OptedOut,
            new DateTimeOffset(2026, 3, 27, 23, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero));

        await skips.AddAsync(skip, CancellationToken.None);
        await skips.AddAsync(skip with { Reason = SkipReason.Suppressed }, CancellationToken.None);

        Assert.Equal([skip], await skips.ListAsync(new DateOnly(2026, 3, 28), CancellationToken.None).ToListAsync());
        Assert.Empty(await skips.ListAsync(new DateOnly(2026, 3, 27), CancellationToken.None).ToListAsync());
        Assert.Equal(Tally.From([new("funnel.skipped.opted-out", 1)]), await CountAsync(storage, new DateOnly(2026, 3, 28)));
        Assert.Contains(new DateOnly(2026, 3, 28), (await storage.Get<IReportingChanges>().ListAsync(CancellationToken.None)).Select(m => m.Day));
    }

    [Fact]
    public async Task Update_SentToAnswered_WritesNoFunnelRowAndNoMark_AndTheDayCountsTheSame()
    {
        await using var storage = await StorageAsync("FunnelAnswered");
        var surveys = storage.Get<ISurveys>();
        var changes = storage.Get<IReportingChanges>();
        var survey = NewSurvey("answered/" + Guid.NewGuid().ToString("N"), Now, "Billing", "agent-1", "chat");
        Assert.True(await surveys.TryAddAsync(survey, CancellationToken.None));
        survey.BeginSend();
        await surveys.UpdateAsync(survey, CancellationToken.None);
        survey.MarkSent(Now.AddMinutes(5), "msteams", "conv", "act", TimeSpan.FromDays(7));
        await surveys.UpdateAsync(survey, CancellationToken.None);
        var day = new DateOnly(2026, 3, 27);
        var counted = await CountAsync(storage, day);
        foreach (var mark in await changes.ListAsync(CancellationToken.None))
        {
            await changes.ClearAsync(mark, CancellationToken.None);
        }

        survey.MarkAnswered(Now.AddHours(1));
        await surveys.UpdateAsync(survey, CancellationToken.None);

        Assert.Equal(SurveyStatus.Answered, (await surveys.GetAsync(survey.SurveyId, CancellationToken.None))!.Status);
        Assert.Empty(await changes.ListAsync(CancellationToken.None));
        Assert.Equal(counted, await CountAsync(storage, day));
        var funnel = storage.Clients.Tables.GetTableClient(storage.Names.SurveyFunnel);
        var rows = await funnel.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ReportingCalendar.Key(day)}")).ToListAsync();
        Assert.Equal(nameof(SurveyStatus.Sent), Assert.Single(rows).GetString("Status"));
    }

    private static async Task<Tally> CountAsync(TestStorage storage, DateOnly day)
    {
        var counted = new ScopedTallies();
        await storage.Get<IEnumerable<IReportingFactSource>>().Single(s => s.Name == "funnel").CountDayAsync(day, counted, CancellationToken.None);
        return counted.For(ReportScope.All);
    }

    private static Survey NewSurvey(string surveyId, DateTimeOffset endedAt, string queue, string agentId, string channel) => new()
    {
        SurveyId = surveyId,
        ContactId = "contact-of-" + surveyId,
        Customer = CustomerAddress.Teams("Tenant-1", "AAD-1"),
        Agent = PersonRef.Agent(agentId, "Agent " + agentId),
        Queue = queue,
        Channel = channel,
        ContactEndedAt = endedAt,
        TenantId = "Tenant-1",
        DefinitionId = "default",
        DefinitionVersion = 1,
        ScheduledAt = endedAt.AddMinutes(1),
    };

    // Each outcome through the store's own add and updates, one write per transition, as the app makes them.
    private static async Task SeedAsync(ISurveys surveys, Seeded seed, string surveyId, string agentId, string channel)
    {
        var survey = NewSurvey(surveyId, seed.EndedAt, seed.Queue, agentId, channel);
        Assert.True(await surveys.TryAddAsync(survey, CancellationToken.None));
        var sentAt = seed.EndedAt.AddMinutes(5);
        switch (seed.Outcome)
        {
            case Outcome.Scheduled:
                return;
            case Outcome.Sending:
                survey.BeginSend();
                break;
            case Outcome.WaitingForRetry:
                survey.BeginSend();
                survey.MarkSendFailed(SurveyFailureReason.TimedOut, "timeout", maxAttempts: 3, permanent: false);
                break;
            case Outcome.FailedWithoutReason:
                survey.BeginSend();
                await surveys.UpdateAsync(survey, CancellationToken.None);
                // A row written before failures carried a reason.
                survey.Restore(new SurveyState { Status = SurveyStatus.Undeliverable, Attempts = 1 }, survey.ETag!);
                break;
            case Outcome.Failed:
                survey.BeginSend();
                await surveys.UpdateAsync(survey, CancellationToken.None);
                survey.Restore(new SurveyState { Status = SurveyStatus.Undeliverable, Attempts = 1, FailureReason = seed.Failure }, survey.ETag!);
                break;
            case Outcome.Skipped:
                survey.Restore(new SurveyState { Status = SurveyStatus.Skipped, SkipReason = SkipReason.OptedOut }, survey.ETag!);
                break;
            default:
                survey.BeginSend();
                await surveys.UpdateAsync(survey, CancellationToken.None);
                survey.MarkSent(sentAt, "msteams", "conv", "act", TimeSpan.FromDays(7));
                if (seed.Outcome is Outcome.Reminded or Outcome.AnsweredAfterReminder)
                {
                    await surveys.UpdateAsync(survey, CancellationToken.None);
                    survey.MarkReminded(sentAt.AddDays(1));
                }

                if (seed.Outcome == Outcome.AnsweredAfterReminder)
                {
                    await surveys.UpdateAsync(survey, CancellationToken.None);
                    survey.MarkAnswered(sentAt.AddDays(2));
                }

                if (seed.Outcome == Outcome.Expired)
                {
                    await surveys.UpdateAsync(survey, CancellationToken.None);
                    survey.Restore(new SurveyState
                    {
                        Status = SurveyStatus.Expired, Attempts = 1, SentAt = sentAt, ExpiresAt = sentAt.AddDays(7), ExpiredAt = sentAt.AddDays(7),
                    }, survey.ETag!);
                }

                break;
        }

        await surveys.UpdateAsync(survey, CancellationToken.None);
    }

    // The funnel's definitions written out once more, from what the test seeded, without the code under test.
    private static Dictionary<DateOnly, Tally> Expected(List<Seeded> seeded, List<SurveySkip> skipped, Func<string, bool> inScope)
    {
        var failureKeys = new Dictionary<SurveyFailureReason, string>
        {
            [SurveyFailureReason.Blocked] = "blocked", [SurveyFailureReason.ConversationGone] = "conversation-gone",
            [SurveyFailureReason.NoConversation] = "no-conversation", [SurveyFailureReason.Refused] = "refused",
            [SurveyFailureReason.Throttled] = "throttled", [SurveyFailureReason.TimedOut] = "timed-out",
            [SurveyFailureReason.ChannelError] = "channel-error", [SurveyFailureReason.Interrupted] = "interrupted",
        };
        var skipKeys = new Dictionary<SkipReason, string>
        {
            [SkipReason.IdleTimeout] = "idle-timeout", [SkipReason.OptedOut] = "opted-out", [SkipReason.Suppressed] = "suppressed",
            [SkipReason.NotSampled] = "not-sampled", [SkipReason.Unreachable] = "unreachable",
        };
        var days = new Dictionary<DateOnly, Tally>();
        Tally Day(DateTimeOffset endedAt)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(endedAt, Amsterdam).DateTime);
            return days.TryGetValue(day, out var tally) ? tally : days[day] = new Tally();
        }

        foreach (var s in seeded.Where(s => inScope(s.Queue)))
        {
            var names = new List<string> { "funnel.scheduled" };
            names.AddRange(s.Outcome switch
            {
                Outcome.Scheduled => [],
                Outcome.Sending or Outcome.WaitingForRetry => ["funnel.sent"],
                Outcome.Delivered => ["funnel.sent", "funnel.delivered"],
                Outcome.Reminded or Outcome.AnsweredAfterReminder => ["funnel.sent", "funnel.delivered", "funnel.reminded"],
                Outcome.Expired => ["funnel.sent", "funnel.delivered", "funnel.expired"],
                Outcome.Failed => ["funnel.sent", "funnel.failed." + failureKeys[s.Failure!.Value]],
                Outcome.FailedWithoutReason => ["funnel.sent", "funnel.failed.unknown"],
                Outcome.Skipped => ["funnel.skipped.opted-out"],
                _ => throw new ArgumentOutOfRangeException(nameof(seeded)),
            });
            var tally = Day(s.EndedAt);
            names.ForEach(name => tally.Add(name));
        }

        foreach (var skip in skipped.Where(s => inScope(s.Queue)))
        {
            Day(skip.ContactEndedAt).Add("funnel.skipped." + skipKeys[skip.Reason]);
        }

        return days;
    }
}
