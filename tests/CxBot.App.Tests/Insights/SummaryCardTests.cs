using System.Text;
using System.Text.Json.Nodes;
using CxBot.App.Insights.Summary;
using CxBot.App.Tests.Cards;
using CxBot.Cards;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.App.Tests.Insights;

/// <summary>The summary card built over in-memory counts: who sees what, hidden figures, size, chart and language.</summary>
public sealed class SummaryCardTests
{
    private static readonly DateOnly Today = SummaryHarness.Today;
    private readonly SummaryHarness _harness = new();

    private void Answers(string agentId, int count, int csat = 4, string queue = "billing")
    {
        foreach (var scope in ReportScope.Of(queue, agentId, "chat"))
        {
            _harness.Totals.Add(scope, Today, TallyNames.Csat(csat), count).Add(scope, Today, TallyNames.Responses, count);
        }
    }

    private static List<string> AgentNames(CardQuery card) =>
        card.All.Where(o => CardQuery.Text(o, "id") == "agents").SelectMany(t => t["rows"]!.AsArray().Skip(1))
            .Select(r => string.Join("", CardQuery.Descendants(r!["cells"]![0]).Where(o => CardQuery.Text(o, "type") == "TextRun").Select(o => CardQuery.Text(o, "text"))))
            .ToList();

    [Fact]
    public async Task TheAgentTable_ShowsOnlyTheSupervisorsOwnTeam_AdminsSeeEveryone_AChannelNobody()
    {
        _harness.Staff.Add(SummaryHarness.Agent("Ann North", "North", "a-1"));
        _harness.Staff.Add(SummaryHarness.Agent("Bob South", "South", "a-2"));
        Answers("a-1", 6);
        Answers("a-2", 6);

        var north = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("north")));
        var admin = new CardQuery(await _harness.BuildAsync(SummaryHarness.Admin()));
        var digest = new CardQuery(await _harness.BuildAsync(null));
        var teamless = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor(team: "")));

        Assert.Equal(["Ann North"], AgentNames(north));
        Assert.Equal(["Ann North", "Bob South"], AgentNames(admin));
        Assert.DoesNotContain(digest.All, o => CardQuery.Text(o, "id") == "agents");
        Assert.DoesNotContain("Per agent", digest.VisibleText, StringComparison.Ordinal);
        Assert.Empty(AgentNames(teamless));
    }

    [Fact]
    public async Task TheAgentTable_AddsUpAllOfAPersonsAgentIds()
    {
        _harness.Staff.Add(SummaryHarness.Agent("Ann", "North", "a-1", "a-1b"));
        Answers("a-1", 3, csat: 5);
        Answers("a-1b", 3, csat: 1);

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North")));

        Assert.Equal(["Ann", "6", "3.00", "50.0%", "–"], SummaryCommandTests.RowOf(card.Json, "Ann"));
    }

    [Fact]
    public async Task TheChangedDays_AreListedOncePerSummary_ForThePeriodAndEveryAgentOfTheTable()
    {
        var changes = new CountingChanges();
        _harness.Data = new ReportReaderSummaryData(new App.Insights.ReportReader(_harness.Totals, changes, new App.Insights.Rollup.DayRecount([], new NoTotalsStore())));
        for (var i = 0; i < 4; i++)
        {
            _harness.Staff.Add(SummaryHarness.Agent("Agent " + i, "North", "a-" + i, "b-" + i));
            Answers("a-" + i, 6);
        }

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North")));

        Assert.Equal(4, AgentNames(card).Count);
        Assert.Equal(1, changes.Lists);
    }

    [Fact]
    public async Task AnAgentWithFewerAnswersThanTheMinimum_ShowsNoFigures()
    {
        _harness.Staff.Add(SummaryHarness.Agent("Ann", "North", "a-1"));
        _harness.Staff.Add(SummaryHarness.Agent("Bob", "North", "a-2"));
        Answers("a-1", 4, csat: 1);
        Answers("a-2", 5, csat: 5);

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North")));

        Assert.Equal(["Ann", "fewer than 5 answers", "", "", ""], SummaryCommandTests.RowOf(card.Json, "Ann"));
        Assert.Equal(["Bob", "5", "5.00", "100.0%", "–"], SummaryCommandTests.RowOf(card.Json, "Bob"));
    }

    [Fact]
    public async Task TheMinimum_IsConfigurable()
    {
        _harness.Insights.MinAnswersPerAgent = 3;
        _harness.Staff.Add(SummaryHarness.Agent("Ann", "North", "a-1"));
        Answers("a-1", 4, csat: 1);

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North")));

        Assert.Equal(["Ann", "4", "1.00", "0.0%", "–"], SummaryCommandTests.RowOf(card.Json, "Ann"));
    }

    [Fact]
    public async Task WithAgentReportingOff_ThereIsNoAgentTable_AndNoAgentScope()
    {
        _harness.Privacy.AgentReporting = false;
        _harness.Staff.Add(SummaryHarness.Agent("Ann", "North", "a-1"));
        Answers("a-1", 6);

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Admin()));
        var agent = new CardQuery(await _harness.BuildAsync(SummaryHarness.Admin(), ReportScope.ForAgent("a-1")));

        Assert.DoesNotContain(card.All, o => CardQuery.Text(o, "id") == "agents");
        Assert.DoesNotContain("Ann", card.VisibleText + string.Join("", card.TextRunTexts), StringComparison.Ordinal);
        Assert.Equal("Figures per agent are switched off in this deployment.", agent.VisibleText);
    }

    [Fact]
    public async Task AnAgentScope_IsForThatAgentsOwnSupervisors_AndAddsUpAllTheirAgentIds()
    {
        _harness.Staff.Add(SummaryHarness.Agent("Ann", "North", "a-1", "a-1b"));
        Answers("a-1", 3, csat: 5);
        Answers("a-1b", 1, csat: 1);

        var other = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("South"), ReportScope.ForAgent("a-1")));
        var own = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North"), ReportScope.ForAgent("a-1")));

        Assert.Equal("You can only see the figures of agents in your own team.", other.VisibleText);
        Assert.Contains("Summary: agent Ann", string.Join("", own.TextRunTexts), StringComparison.Ordinal);
        // (3 * 5 + 1) / 4
        Assert.Equal(["CSAT (mean, 1-5)", "4.00", "–", "4"], SummaryCommandTests.RowOf(own.Json, "CSAT (mean, 1-5)"));
    }

    [Fact]
    public async Task TheTrend_IsATeamsLineChart_WithATableFallback()
    {
        _harness.Totals.Add(ReportScope.All, Today, TallyNames.Csat(5), 2).Add(ReportScope.All, Today.AddDays(-2), TallyNames.Csat(3), 1);

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North")));

        var chart = Assert.Single(card.OfType("Chart.Line"));
        var points = chart["data"]![0]!["values"]!.AsArray();
        Assert.Equal([("18 Nov", 3.0), ("20 Nov", 5.0)], points.Select(p => ((string)p!["x"]!, (double)p["y"]!)));
        var fallback = chart["fallback"]!.AsObject();
        Assert.Equal("Table", (string?)fallback["type"]);
        Assert.Equal(3, fallback["rows"]!.AsArray().Count);
    }

    [Fact]
    public async Task ALongPeriod_HasAWeeklyTrend()
    {
        _harness.Totals.Add(ReportScope.All, Today, TallyNames.Csat(5)).Add(ReportScope.All, Today.AddDays(-40), TallyNames.Csat(3));

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North"), period: ReportPeriodParser.LastDays(Today, 90)));

        var chart = Assert.Single(card.OfType("Chart.Line"));
        // 2026-10-11 is a Sunday: its week began on Monday 5 October; today's on Monday 16 November.
        Assert.Equal(["5 Oct", "16 Nov"], chart["data"]![0]!["values"]!.AsArray().Select(p => (string)p!["x"]!));
        Assert.Contains("Week of", card.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCardPassesTheRendererLibrary_WhichShowsTheTableWhereTheChartIsUnknown()
    {
        WorstCase();
        var card = await _harness.BuildAsync(SummaryHarness.Supervisor("North"));

        var report = CardValidator.Run(new Dictionary<string, AdaptiveCard> { ["summary"] = card })["summary"];

        Assert.Null(report.Error);
        Assert.Equal(["Unknown element type \"Chart.Line\". Fallback will be used if present."], report.ParseEvents!.Select(e => e.Message));
        Assert.Empty(report.ValidationEvents!);
        Assert.Contains(report.Actions!, a => a.Verb == SummaryRefreshAction.Verb);
    }

    [Fact]
    public async Task TheWorstCase_FiftyAgentsAndFiveLongestComments_StaysUnder28KB_AndPagesTheRest()
    {
        WorstCase();

        var card = await _harness.BuildAsync(SummaryHarness.Supervisor("North"), tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47");

        var bytes = Encoding.UTF8.GetByteCount(CardJson.ToJson(card));
        Assert.True(bytes < 28 * 1024, $"The card takes {bytes} bytes.");
        var query = new CardQuery(card);
        var shown = AgentNames(query).Count;
        Assert.InRange(shown, 1, 49);
        var more = query.All.Single(o => CardQuery.Text(o, "verb") == AgentPageAction.Verb && CardQuery.Text(o, "type") == "Action.Execute");
        Assert.Equal(shown, (int)more["data"]!["offset"]!);
        Assert.Contains(query.All, o => CardQuery.Text(o, "verb") == DrillAction.Verb && (string?)o["data"]?["target"] == nameof(DrillTarget.LowScoreComments));
    }

    [Fact]
    public void TheAgentPages_AlsoFit()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new AgentRow(new string('é', 200) + i, Domain.Insights.SummaryFigures.Of(new Tally().Add(TallyNames.Csat(3), 7)))).ToList();
        var action = new AgentPageAction(new SummaryFilter(ReportPeriodParser.LastDays(Today, 90), ReportScope.All), 20, null);

        var page = AgentPageCard.Build(action, rows, 5, SummaryModule.AgentPageSize, "all", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

        Assert.True(SummaryCardFactory.SizeOf(page) < 28 * 1024);
        Assert.Equal(["Vorige", "Volgende"], page.Actions!.Select(a => a.Title));
    }

    [Fact]
    public async Task InDutch_FiguresDriversAndKindsAreDutch()
    {
        _harness.Totals.Add(ReportScope.All, Today, TallyNames.Csat(4), 2)
            .Add(ReportScope.All, Today, TallyNames.Driver("reliability", "satisfied"), 2)
            .Add(ReportScope.All, Today, TallyNames.Signals("complaint"), 1)
            .Add(ReportScope.All, Today, TallyNames.SignalsByDriver("complaint", "menu"), 1);

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North"), culture: "nl-NL"));

        var text = card.VisibleText;
        Assert.Contains("CSAT (gemiddeld, 1-5)", text, StringComparison.Ordinal);
        Assert.Contains("Betrouwbaarheid", text, StringComparison.Ordinal);
        Assert.Contains("klacht", text, StringComparison.Ordinal);
        Assert.Contains("Keuzemenu 1", text, StringComparison.Ordinal);
        Assert.Equal("nl", (string?)card.Json["lang"]);
        Assert.Equal(["CSAT (gemiddeld, 1-5)", "4,00", "–", "2"], SummaryCommandTests.RowOf(card.Json, "CSAT (gemiddeld, 1-5)"));
    }

    [Fact]
    public async Task Topics_CountMergedTopicsAsOne_InTheReadersLanguage_AndRecurringProblemsShowWhileTheyLast()
    {
        var by = PersonRef.Staff("sup-1", "Sam");
        var billing = Topic.Add("Billing", "Facturatie", by, _harness.Time.GetUtcNow(), "billing");
        var invoices = Topic.Add("Invoices", "Facturen", by, _harness.Time.GetUtcNow(), "invoices");
        invoices.MergeInto(billing);
        _harness.Topics.AddRange([billing, invoices, Topic.Add("Delivery", "Levering", by, _harness.Time.GetUtcNow(), "delivery")]);
        _harness.Totals.Add(ReportScope.All, Today, TallyNames.SignalsByTopic("complaint", "billing"), 2)
            .Add(ReportScope.All, Today, TallyNames.SignalsByTopic("idea", "invoices"), 2)
            .Add(ReportScope.All, Today, TallyNames.SignalsByTopic("complaint", "delivery"), 3)
            .Add(ReportScope.All, Today, TallyNames.Signals("complaint"), 5).Add(ReportScope.All, Today, TallyNames.Signals("idea"), 2);
        _harness.Recurring.Add(new RecurringAlertState { TenantId = null, TopicKey = "delivery", Round = 1, AnnouncedAt = _harness.Time.GetUtcNow() });
        _harness.Recurring.Add(new RecurringAlertState { TenantId = null, TopicKey = "billing", Round = 1, AnnouncedAt = _harness.Time.GetUtcNow(), FalseSince = _harness.Time.GetUtcNow() });

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North"), culture: "nl-NL"));

        Assert.Equal(["Facturatie", "4"], SummaryCommandTests.RowOf(card.Json, "Facturatie"));
        Assert.Equal(["Levering", "3"], SummaryCommandTests.RowOf(card.Json, "Levering"));
        Assert.Contains("Levering", card.TextRunTexts);
        Assert.DoesNotContain(card.TextRunTexts, t => t.Contains("Facturen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUps_OpenAndOverdue_OfTheScope()
    {
        var now = _harness.Time.GetUtcNow();
        _harness.FollowUps.Add(FollowUpFor("billing", now.AddHours(-1)));
        _harness.FollowUps.Add(FollowUpFor("Billing", now.AddHours(5)));
        _harness.FollowUps.Add(FollowUpFor("sales", now.AddHours(-1)));

        var all = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North")));
        var billing = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North"), ReportScope.ForQueue("billing")));

        Assert.Equal("3 open, of which 2 overdue", CardQuery.Text(all.ById("follow-ups"), "text"));
        Assert.Equal("2 open, of which 1 overdue", CardQuery.Text(billing.ById("follow-ups"), "text"));
    }

    [Fact]
    public async Task TheLatestComments_AreTheFiveNewestOfThePeriod_AcrossDaysAndAgents_EachOnePointRead()
    {
        var period = ReportPeriodParser.LastDays(Today, 7);
        var written = new List<(DateOnly Day, Domain.Surveys.SurveyResponse Response)>();
        for (var i = 0; i < 12; i++)
        {
            // Days inside and outside the period; answer times not in day order, so the newest are spread over days.
            var day = Today.AddDays(-(i * 5 % 11));
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).AddMinutes(i * 7 % 13);
            var response = TestResponses.Response(i % 3 == 0 ? 2 : 1, comment: "Comment " + i, agentId: "agent-" + (i % 4), queue: i % 2 == 0 ? "Billing" : "Sales", at: at);
            _harness.Responses.Add(day, response);
            written.Add((day, response));
        }

        _harness.Responses.Add(Today, TestResponses.Response(4, comment: "Fine", at: new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)));

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North"), period: period));

        var expected = written.Where(w => period.Contains(w.Day)).Select(w => w.Response).OrderByDescending(r => r.AnsweredAt).Take(5).ToList();
        Assert.Equal(5, expected.Count);
        var shown = card.All.Select(o => CardQuery.Text(o, "id")).OfType<string>().Where(id => id.StartsWith("comment-", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Select(r => "comment-" + r.SurveyId), shown);
        Assert.Equal(5, _harness.Responses.PointReads);
        Assert.Empty(_harness.Responses.Queries);
    }

    [Fact]
    public async Task FollowUps_DueWithinTheCurrentHour_AreOverdueFromTheEndOfThatHour()
    {
        var nine = _harness.Time.GetUtcNow();
        _harness.FollowUps.Add(FollowUpFor("billing", nine.AddMinutes(10)));
        _harness.FollowUpsCountedAt = nine;

        _harness.Time.SetUtcNow(nine.AddMinutes(30));
        var past = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North")));
        _harness.Time.SetUtcNow(nine.AddHours(1));
        var hourOver = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North")));

        Assert.Equal("1 open, of which 0 overdue", CardQuery.Text(past.ById("follow-ups"), "text"));
        Assert.Equal("1 open, of which 1 overdue", CardQuery.Text(hourOver.ById("follow-ups"), "text"));
    }

    [Fact]
    public async Task FollowUps_ShowWhenTheyWereCounted_OrThatTheyAreNotCountedYet()
    {
        _harness.FollowUps.Add(FollowUpFor("billing", _harness.Time.GetUtcNow().AddHours(3)));
        _harness.FollowUpsCountedAt = new DateTimeOffset(2026, 11, 20, 8, 59, 0, TimeSpan.Zero);
        var counted = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North"), culture: "nl-NL"));
        _harness.FollowUpsCountedAt = DateTimeOffset.MinValue;
        var notYet = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North")));

        Assert.Equal("1 open, waarvan 0 te laat", CardQuery.Text(counted.ById("follow-ups"), "text"));
        Assert.StartsWith("Geteld om 08:59;", CardQuery.Text(counted.ById("follow-ups-as-of"), "text"), StringComparison.Ordinal);
        Assert.Equal("The open follow-ups have not been counted yet; ask again in a minute.", CardQuery.Text(notYet.ById("follow-ups"), "text"));
    }

    [Fact]
    public async Task FollowUps_OfAnAgent_AddUpTheirAgentIds_AndStayInTheirTenant()
    {
        _harness.Staff.Add(SummaryHarness.Agent("Anna", "North", "a-1", "a-2"));
        var due = _harness.Time.GetUtcNow().AddHours(-2);
        _harness.FollowUps.Add(FollowUpFor("billing", due, "a-1", "tenant-1"));
        _harness.FollowUps.Add(FollowUpFor("sales", due.AddHours(6), "A-2", "tenant-1"));
        _harness.FollowUps.Add(FollowUpFor("sales", due, "a-3", "tenant-1"));
        _harness.FollowUps.Add(FollowUpFor("sales", due, "a-1", "tenant-2"));

        var anna = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North"), ReportScope.ForAgent("a-1"), tenantId: "tenant-1"));
        var other = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North"), tenantId: "tenant-2"));

        Assert.Equal("2 open, of which 1 overdue", CardQuery.Text(anna.ById("follow-ups"), "text"));
        Assert.Equal("1 open, of which 1 overdue", CardQuery.Text(other.ById("follow-ups"), "text"));
    }

    [Fact]
    public async Task LowScoreComments_AreInert_AndTheCustomerIsNotShown()
    {
        var response = TestResponses.Response(1, comment: "**Refund** now {{DATE(2026-11-20T10:00:00Z)}}");
        _harness.Responses.Add(Today, response);

        var card = new CardQuery(await _harness.BuildAsync(SummaryHarness.Supervisor("North")));

        var comment = card.ById("comment-" + response.SurveyId);
        Assert.DoesNotContain(CardQuery.Descendants(comment), o => CardQuery.Text(o, "type") == "TextBlock");
        Assert.Contains(card.TextRunTexts, t => t.StartsWith("**Refund** now {" + TextRun.BraceBreaker + "{DATE", StringComparison.Ordinal));
        Assert.DoesNotContain(response.CustomerId, card.Json.ToJsonString(), StringComparison.Ordinal);
    }

    private static FollowUp FollowUpFor(string queue, DateTimeOffset due, string agentId = "a-1", string? tenantId = null) => new()
    {
        FollowUpId = Guid.NewGuid().ToString("N"),
        Source = FollowUpSource.SurveyResponse("s-" + Guid.NewGuid().ToString("N")),
        ContactId = "c-1",
        TenantId = tenantId,
        Agent = PersonRef.Agent(agentId, ""),
        Queue = queue,
        Reasons = FollowUpReasons.LowCsat,
        CallBack = false,
        CreatedAt = due.AddHours(-24),
        DueAt = due,
    };

    // Fifty agents in the supervisor's team with long names, five comments of the longest length in characters
    // the JSON escapes (six bytes each).
    private void WorstCase()
    {
        for (var i = 0; i < 50; i++)
        {
            var id = "agent-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            _harness.Staff.Add(SummaryHarness.Agent(new string('Ж', 60) + i, "North", id));
            Answers(id, 10, csat: 2);
        }

        for (var i = 0; i < 5; i++)
        {
            _harness.Responses.Add(Today, TestResponses.Response(1, comment: new string('<', Domain.Surveys.SurveyDefinition.MaxCommentLength), agentId: "agent-0" + i));
        }

        foreach (var driver in Domain.Surveys.QualityDriver.All)
        {
            _harness.Totals.Add(ReportScope.All, Today, TallyNames.Driver(driver, "satisfied"), 3);
        }

        foreach (var kind in SignalKinds.All)
        {
            _harness.Totals.Add(ReportScope.All, Today, TallyNames.Signals(kind.Key), 3).Add(ReportScope.All, Today, TallyNames.SignalsByDriver(kind.Key, "empathy"), 3);
        }

        for (var day = 0; day < 7; day++)
        {
            _harness.Totals.Add(ReportScope.All, Today.AddDays(-day), TallyNames.Nps(9)).Add(ReportScope.All, Today.AddDays(-day), TallyNames.Ces(4));
        }
    }

    private sealed class CountingChanges : IReportingChanges
    {
        public int Lists { get; private set; }

        public Task MarkChangedAsync(DateOnly day, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ChangedDay>> ListAsync(CancellationToken cancellationToken)
        {
            Lists++;
            return Task.FromResult<IReadOnlyList<ChangedDay>>([]);
        }

        public Task<bool> ClearAsync(ChangedDay day, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class NoTotalsStore : IReportTotalsStore
    {
        public Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ReplaceDayAsync(DateOnly day, ScopedTallies counts, CancellationToken cancellationToken, bool rewriteAll = false) => throw new NotSupportedException();

        public Task<ScopedTallies> ReadDayAsync(DateOnly day, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
