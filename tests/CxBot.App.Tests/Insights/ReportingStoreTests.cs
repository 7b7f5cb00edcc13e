using Azure.Data.Tables;
using CxBot.App.Insights;
using CxBot.App.Insights.Maintenance;
using CxBot.App.Insights.Rollup;
using CxBot.App.Tests.Support;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Insights;

/// <summary>
/// The reporting store against Azurite: responses seeded over several Amsterdam days (one at 23:30 UTC, already the next
/// local day), queue names in different cases; every stored total is compared with counts the test computes itself from
/// the seeded answers.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class ReportingStoreTests(AzuriteProcess azurite) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private readonly CxBotAppFactory _app = new(azurite, new Dictionary<string, string?> { ["Reporting:TimeZone"] = "Europe/Amsterdam" });
    private readonly List<SurveyResponse> _seeded = [];

    public void Dispose() => _app.Dispose();

    private T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private ReportRollup Rollup() => ActivatorUtilities.CreateInstance<ReportRollup>(_app.Services);

    [Fact]
    public async Task TotalsAfterTheRollup_EqualCountsComputedFromTheSeededAnswers_ForEveryScopeAndDay()
    {
        await SeedAsync();

        await Rollup().RunPassAsync(None);

        var period = new ReportPeriod(new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 20));
        foreach (var scope in Scopes)
        {
            var expected = ExpectedByDay(scope);
            var stored = await Get<IReportTotals>().ReadAsync(scope, period.From, period.To, None);
            Assert.Equal(expected.Keys.Order(), stored.Select(d => d.Day));
            foreach (var day in stored)
            {
                Assert.Equal(expected[day.Day].ToString(), day.Counts.ToString());
            }

            var read = await Get<ReportReader>().ReadTotalAsync(scope, period, None);
            Assert.Equal(Tally.Sum(expected.Values).ToString(), read.ToString());
        }
    }

    [Fact]
    public async Task AContactEndingAt2330Utc_CountsOnTheNextAmsterdamDay()
    {
        var late = await AddAsync(Response(new DateTimeOffset(2026, 11, 18, 23, 30, 0, TimeSpan.Zero), "Billing", csat: 5));

        await Rollup().RunPassAsync(None);

        var days = await Get<IReportTotals>().ReadAsync(ReportScope.All, new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 19), None);
        Assert.Equal(new DateOnly(2026, 11, 19), Assert.Single(days).Day);
        Assert.NotNull(late);
    }

    [Fact]
    public async Task ConcurrentSubmitsAndDuplicates_AreCountedOnce()
    {
        var responses = Enumerable.Range(0, 16)
            .Select(i => Response(new DateTimeOffset(2026, 11, 19, 10, i, 0, TimeSpan.Zero), i % 2 == 0 ? "Billing" : "billing", csat: 1 + (i % 5)))
            .ToList();
        var day = Get<ReportingCalendar>().DayOf(responses[0].ContactEndedAt);

        // Every survey submitted four times at once (a double click and channel retries), all surveys side by side.
        var results = await Task.WhenAll(responses.SelectMany(r => Enumerable.Range(0, 4).Select(i => Task.Run(() => WriteAsync(r with { AnsweredAt = r.AnsweredAt.AddSeconds(i) })))));
        await Rollup().RunPassAsync(None);

        Assert.Equal(16, results.Count(added => added));
        var total = await Get<ReportReader>().ReadTotalAsync(ReportScope.ForQueue("BILLING"), new ReportPeriod(day, day), None);
        Assert.Equal(16, total[TallyNames.Responses]);
        Assert.Equal(16, total[TallyNames.Answered]);
        for (var csat = 1; csat <= 5; csat++)
        {
            Assert.Equal(responses.Count(r => r.Answers.Csat == csat), total[TallyNames.Csat(csat)]);
        }
    }

    [Fact]
    public async Task AnAnswerOfARecentDay_IsLiveInTheReaderWithoutADayMark_AndInTheTotalsAfterTheRollup()
    {
        await SeedAsync();
        var rollup = Rollup();
        await rollup.RunPassAsync(None);
        // The seeded days' marks settle only after a turn's budget by the store's clock: cleared here as a later pass would.
        foreach (var mark in await Get<IReportingChanges>().ListAsync(None))
        {
            Assert.True(await Get<IReportingChanges>().ClearAsync(mark, None));
        }

        var day = new DateOnly(2026, 11, 19);
        var period = new ReportPeriod(day, day);
        var before = await Get<ReportReader>().ReadTotalAsync(ReportScope.All, period, None);

        var answer = Response(new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero), "Billing", csat: 2);
        Assert.True(await Get<ISurveyResponses>().TryAddAsync(day, answer, None));

        // Its mark was written in the response's own transaction: no mark in the day marks, yet the day is listed.
        Assert.False(await HasDayMarkAsync(day));
        Assert.Equal(day, Assert.Single(await Get<IReportingChanges>().ListAsync(None)).Day);
        Assert.Equal(before[TallyNames.Responses] + 1, (await Get<ReportReader>().ReadTotalAsync(ReportScope.All, period, None))[TallyNames.Responses]);

        await rollup.RunPassAsync(None);

        var stored = Assert.Single(await Get<IReportTotals>().ReadAsync(ReportScope.All, day, day, None));
        Assert.Equal(before[TallyNames.Responses] + 1, stored.Counts[TallyNames.Responses]);
        Assert.Equal(before[TallyNames.Csat(2)] + 1, stored.Counts[TallyNames.Csat(2)]);
    }

    [Fact]
    public async Task AnAnswerOfADayOlderThanTheMarkWindow_MarksItsDayInTheDayMarks()
    {
        var window = Get<ResponseMarkWindow>();
        var today = Get<ReportingCalendar>().DayOf(_app.Time.GetUtcNow());
        var old = today.AddDays(-window.WrittenDays - 1);
        var answer = Response(new DateTimeOffset(old.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), "Billing", csat: 4);

        Assert.True(await Get<ISurveyResponses>().TryAddAsync(old, answer, None));

        Assert.True(await HasDayMarkAsync(old));
        Assert.Contains(await Get<IReportingChanges>().ListAsync(None), c => c.Day == old);
        Assert.Equal(1, (await Get<ReportReader>().ReadTotalAsync(ReportScope.All, new ReportPeriod(old, old), None))[TallyNames.Responses]);
    }

    [Fact]
    public async Task AMarkLost_IsRepairedByTheOpenDaysRecount()
    {
        await SeedAsync();
        var rollup = Rollup();
        await rollup.RunPassAsync(None);
        var day = new DateOnly(2026, 11, 19);
        var period = new ReportPeriod(day, day);
        var before = await Get<ReportReader>().ReadTotalAsync(ReportScope.All, period, None);
        var lost = Response(new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero), "Billing", csat: 2);
        Assert.True(await Get<ISurveyResponses>().TryAddAsync(day, lost, None));

        // The marks are lost (cleared as if a pass had counted them) before any pass counted the answer.
        foreach (var mark in await Get<IReportingChanges>().ListAsync(None))
        {
            await Get<IReportingChanges>().ClearAsync(mark, None);
        }

        // Documented limit: until a recount the reader shows the day without it.
        Assert.Equal(before[TallyNames.Responses], (await Get<ReportReader>().ReadTotalAsync(ReportScope.All, period, None))[TallyNames.Responses]);

        _app.Time.Advance(TimeSpan.FromMinutes(61));
        await rollup.RunPassAsync(None);

        var after = await Get<ReportReader>().ReadTotalAsync(ReportScope.All, period, None);
        Assert.Equal(before[TallyNames.Responses] + 1, after[TallyNames.Responses]);
        Assert.Equal(before[TallyNames.Csat(2)] + 1, after[TallyNames.Csat(2)]);
    }

    [Fact]
    public async Task TheReader_IsExactForAMarkedDayBeforeTheRollup()
    {
        await SeedAsync();

        var period = new ReportPeriod(new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 20));
        var read = await Get<ReportReader>().ReadTotalAsync(ReportScope.ForQueue("billing"), period, None);

        Assert.Equal(Tally.Sum(ExpectedByDay(ReportScope.ForQueue("billing")).Values).ToString(), read.ToString());
    }

    [Fact]
    public async Task Rebuild_AfterTheTotalsAreDeleted_ReproducesTheCounts_AndCheckFindsNoDifference()
    {
        await SeedAsync();
        await Rollup().RunPassAsync(None);
        var totalsTable = new Azure.Data.Tables.TableClient(azurite.ConnectionString, _app.TablePrefix + "ReportTotals");
        await foreach (var row in totalsTable.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await totalsTable.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var rebuilt = await Get<ReportMaintenance>().RebuildAsync(null, null, None);

        Assert.True(rebuilt >= ExpectedByDay(ReportScope.All).Count);
        foreach (var scope in Scopes)
        {
            var stored = await Get<IReportTotals>().ReadAsync(scope, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), None);
            Assert.Equal(Tally.Sum(ExpectedByDay(scope).Values).ToString(), Tally.Sum(stored.Select(d => d.Counts)).ToString());
        }

        Assert.Empty(await Get<ReportMaintenance>().CheckAsync(null, null, None));
    }

    [Fact]
    public async Task Check_ReportsAnInjectedDifference_WithoutWriting()
    {
        await SeedAsync();
        await Rollup().RunPassAsync(None);
        var day = new DateOnly(2026, 11, 19);
        // A response the totals have not seen: written with no mark and no recount.
        await Get<ISurveyResponses>().TryAddAsync(day, Response(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero), "Sales", csat: 4), None);

        var differences = await Get<ReportMaintenance>().CheckAsync(day, day, None);

        Assert.Contains(differences, d => d.ScopeKey == "q~sales" && d.Name == TallyNames.Responses && d.Counted == d.Stored + 1);
        Assert.Contains(differences, d => d.ScopeKey == "all" && d.Name == TallyNames.Csat(4) && d.Counted == d.Stored + 1);
        Assert.NotEmpty(await Get<ReportMaintenance>().CheckAsync(day, day, None));
    }

    [Fact]
    public async Task TheLatestLowScoreComments_AreTheFiveNewestAcrossDaysAndScopes_AsTheRawAnswersSay()
    {
        await SeedAsync();
        // Eleven more low scores with a comment over two days, queues and agents, answered out of order.
        for (var i = 0; i < 11; i++)
        {
            var ended = new DateTimeOffset(2026, 11, 17 + (i % 2), 9, 0, 0, TimeSpan.Zero).AddMinutes(i * 37 % 90);
            var response = Response(ended, i % 3 == 0 ? "Sales" : "Billing", csat: 1 + (i % 2));
            await AddAsync(response with { Answers = response.Answers with { Comment = "Late " + i }, AnsweredAt = ended.AddMinutes(100 - (i * 13 % 50)) });
        }

        await Rollup().RunPassAsync(None);

        var period = new ReportPeriod(new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 20));
        foreach (var scope in new[] { ReportScope.All, ReportScope.ForQueue("billing"), ReportScope.ForQueue("sales") })
        {
            var days = await Get<ReportReader>().ReadDaysAsync(scope, period, None);
            var expected = _seeded
                .Where(r => r.Answers.Csat is 1 or 2 && !string.IsNullOrWhiteSpace(r.Answers.Comment))
                .Where(r => scope.Queue is null || r.Queue.Trim().Equals(scope.Queue, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r.AnsweredAt).Take(5).Select(r => r.SurveyId);
            Assert.Equal(expected, LowScoreComments.Newest(days, 5).Select(p => p.SurveyId));
        }
    }

    private static IReadOnlyList<ReportScope> Scopes { get; } =
    [
        ReportScope.All, ReportScope.ForQueue("billing"), ReportScope.ForQueue("sales"), ReportScope.ForAgent("agent-7"),
        ReportScope.ForChannel("chat"), ReportScope.ForQueueAgent("billing", "agent-7"),
    ];

    private async Task SeedAsync()
    {
        var queues = new[] { "Billing", "billing", " BILLING ", "Sales" };
        var drivers = new[] { QualityDriver.Reliability, QualityDriver.Empathy, null };
        for (var i = 0; i < 30; i++)
        {
            // Contacts every 4 hours from 14 Nov 21:00 UTC: several cross the Amsterdam midnight (23:00 UTC in winter).
            var ended = new DateTimeOffset(2026, 11, 14, 21, 0, 0, TimeSpan.Zero).AddHours(4 * i).AddMinutes(i % 2 == 0 ? 30 : 0);
            var response = Response(ended, queues[i % queues.Length], csat: i % 7 == 6 ? null : 1 + (i % 5)) with { AnsweredAfterReminder = i % 3 == 0 };
            response = response with
            {
                Answers = response.Answers with
                {
                    Nps = i % 4 == 0 ? null : i % 11,
                    Ces = i % 2 == 0 ? 1 + (i % 5) : null,
                    Driver = drivers[i % 3],
                    Comment = i % 4 == 1 ? "Slow reply" : null,
                    Expectation = (ExpectationAnswer)(i % 3),
                    Resolution = i % 5 == 0 ? null : (ResolutionAnswer)(i % 3),
                    ContactConsent = i % 6 == 0 ? true : null,
                },
                Channel = i % 2 == 0 ? "Chat" : "phone",
            };
            await AddAsync(response);
        }
    }

    private async Task<SurveyResponse> AddAsync(SurveyResponse response)
    {
        Assert.True(await WriteAsync(response));
        _seeded.Add(response);
        return response;
    }

    // As the answer path writes: the response alone (the store marks its day, beside it or in the day marks).
    private Task<bool> WriteAsync(SurveyResponse response) => Get<ISurveyResponses>().TryAddAsync(DayOf(response), response, None);

    // The day's mark in the day marks (ReportDays), read directly.
    private async Task<bool> HasDayMarkAsync(DateOnly day)
    {
        var table = Get<StorageClients>().Tables.GetTableClient(Get<StorageNames>().ReportDays);
        return (await table.GetEntityIfExistsAsync<TableEntity>("changed", ReportingCalendar.Key(day), cancellationToken: None)).HasValue;
    }

    private static DateOnly DayOf(SurveyResponse response) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(response.ContactEndedAt, Amsterdam).DateTime);

    private static SurveyResponse Response(DateTimeOffset contactEnded, string queue, int? csat) => new()
    {
        SurveyId = "survey-" + Guid.NewGuid().ToString("N"),
        ContactId = "contact-" + Guid.NewGuid().ToString("N"),
        DefinitionId = "default",
        DefinitionVersion = 1,
        Agent = PersonRef.Agent("Agent-7", "Sam"),
        Queue = queue,
        Channel = "chat",
        CustomerId = "c0ffee",
        Locale = "nl-NL",
        Answers = new SurveyAnswers { Csat = csat, Raw = new Dictionary<string, string>() },
        ContactEndedAt = contactEnded,
        SentAt = contactEnded.AddMinutes(1),
        AnsweredAt = contactEnded.AddMinutes(5),
    };

    // The test's own counting, straight from the seeded answers.
    private Dictionary<DateOnly, Tally> ExpectedByDay(ReportScope scope)
    {
        var byDay = new Dictionary<DateOnly, Tally>();
        var lowComments = new List<(DateOnly Day, SurveyResponse Response)>();
        foreach (var r in _seeded)
        {
            var queue = r.Queue.Trim().ToLowerInvariant();
            var agent = r.Agent.AgentId!.ToLowerInvariant();
            var channel = r.Channel.ToLowerInvariant();
            var inScope = scope.Kind switch
            {
                ReportScopeKind.All => true,
                ReportScopeKind.Queue => scope.Queue == queue,
                ReportScopeKind.Agent => scope.Agent == agent,
                ReportScopeKind.Channel => scope.Channel == channel,
                _ => scope.Queue == queue && scope.Agent == agent,
            };
            if (!inScope)
            {
                continue;
            }

            var local = TimeZoneInfo.ConvertTime(r.ContactEndedAt, Amsterdam);
            var day = new DateOnly(local.Year, local.Month, local.Day);
            if (!byDay.TryGetValue(day, out var t))
            {
                byDay[day] = t = new Tally();
            }

            var a = r.Answers;
            t.Add("responses").Add("funnel.answered");
            if (r.AnsweredAfterReminder)
            {
                t.Add("answered-after-reminder").Add("funnel.answered-after-reminder");
            }

            if (a.Comment is not null) { t.Add("comments"); }
            if (a.Csat is 1 or 2 && !string.IsNullOrWhiteSpace(a.Comment)) { lowComments.Add((day, r)); }
            if (a.Csat is { } csat) { t.Add($"csat.{csat}"); }
            if (a.Nps is { } nps) { t.Add($"nps.{nps}"); }
            if (a.Ces is { } ces) { t.Add($"ces.{ces}"); }
            if (a.Expectation is { } e) { t.Add("expectation." + e switch { ExpectationAnswer.Worse => "worse", ExpectationAnswer.AsExpected => "as-expected", _ => "better" }); }
            if (a.Resolution is { } res) { t.Add("resolution." + res switch { ResolutionAnswer.Yes => "yes", ResolutionAnswer.Partly => "partly", _ => "no" }); }
            if (a.ContactConsent is { } consent) { t.Add(consent ? "consent.yes" : "consent.no"); }
            if (a.Driver is { } d)
            {
                var band = a.Csat switch { null => "unrated", 1 or 2 => "dissatisfied", 3 => "neutral", _ => "satisfied" };
                t.Add($"driver.{d}.{band}");
                if (a.Csat is { } value)
                {
                    t.Add($"driver-csat.{d}.count").Add($"driver-csat.{d}.sum", value);
                }
            }
        }

        // The five newest low-score comments of each day, pointed to by answered time (UTC ticks) and survey id.
        foreach (var day in lowComments.GroupBy(c => c.Day))
        {
            foreach (var (_, r) in day.OrderByDescending(c => c.Response.AnsweredAt).ThenByDescending(c => c.Response.SurveyId, StringComparer.Ordinal).Take(5))
            {
                byDay[day.Key].Add($"low-comment.{r.AnsweredAt.UtcTicks:D19}.{r.SurveyId}");
            }
        }

        return byDay;
    }
}
