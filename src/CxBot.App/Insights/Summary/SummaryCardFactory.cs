using System.Globalization;
using System.Text;
using CxBot.App.Channels;
using CxBot.Cards;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// Builds the summary card (<see cref="ISummaryCards"/>): reads the counts of the period and the previous period of equal
/// length and of every agent the viewer may see in one read (<see cref="SummaryCounts"/>), topics, recurring problems and
/// follow-ups beside it, then the latest low-score comments by point reads of the responses the counts point to
/// (<see cref="LowScoreComments"/>), and fits the card under the message size limit by paging the agent table and the
/// comments.
/// </summary>
public sealed class SummaryCardFactory(
    SummaryCounts counts,
    SummaryAudience audience,
    ISurveyResponses responses,
    ITopicStore topics,
    ISignalAlerts alerts,
    SummaryFollowUps followUps,
    ReportingCalendar calendar,
    TenantRule tenants,
    IOptionsMonitor<InsightsOptions> options) : ISummaryCards
{
    /// <summary>The most bytes of card JSON a summary may take: Teams refuses messages over about 28 KB, and the
    /// activity around the card needs some of that.</summary>
    public const int MaxCardBytes = 27 * 1024;

    /// <summary>Rows of the per-agent table on the summary card at most (the rest behind "More agents").</summary>
    public const int AgentRowsOnCard = 15;

    /// <summary>Low-score comments on the card at most.</summary>
    public const int CommentsOnCard = 5;

    /// <summary>Periods longer than this many days show a weekly trend.</summary>
    public const int DailyTrendMaxDays = 31;

    /// <summary>An agent's figures are hidden below this many answers.</summary>
    public int MinAnswersPerAgent => options.CurrentValue.MinAnswersPerAgent;

    /// <inheritdoc />
    public async Task<AdaptiveCard> BuildAsync(SummaryRequest request, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(culture);
        var scope = request.Scope;
        if (scope.Agent is not null && !audience.AgentReporting)
        {
            return SummaryCard.Message(SummaryFormat.Strings.Get("AgentReportingOff", culture), culture);
        }

        if (!audience.MaySee(request.Viewer, scope))
        {
            return SummaryCard.Message(SummaryFormat.Strings.Get("NotYourAgent", culture), culture);
        }

        var model = await ReadAsync(request, culture, cancellationToken).ConfigureAwait(false);
        return Fit(model, culture);
    }

    /// <summary>The bytes of a card's JSON as sent.</summary>
    public static int SizeOf(AdaptiveCard card) => Encoding.UTF8.GetByteCount(CardJson.ToJson(card));

    // Shrink the agent table to five rows, then the comments (they stay one click away), then the rest of the table.
    internal static AdaptiveCard Fit(SummaryModel model, CultureInfo culture)
    {
        var agentRows = Math.Min(model.Agents?.Count ?? 0, AgentRowsOnCard);
        var comments = Math.Min(model.Comments.Count, CommentsOnCard);
        var card = SummaryCard.Build(model, new SummaryLayout(agentRows, comments), culture);
        while (SizeOf(card) > MaxCardBytes && (agentRows > 0 || comments > 0))
        {
            if (agentRows > 5 || (agentRows > 0 && comments == 0))
            {
                agentRows = Math.Max(0, agentRows - 5);
            }
            else
            {
                comments--;
            }

            card = SummaryCard.Build(model, new SummaryLayout(agentRows, comments), culture);
        }

        return card;
    }

    private async Task<SummaryModel> ReadAsync(SummaryRequest request, CultureInfo culture, CancellationToken cancellationToken)
    {
        var period = request.Period;
        var previous = period.Previous;
        var scope = request.Scope;
        var tenantId = tenants.OwnerOf(request.TenantId);
        var agents = AgentsShown(request);
        var agentScopes = agents.Select(agent => AgentScope(scope, agent)).ToList();
        // The period's scope over both periods, the agent rows over the period only.
        var reads = agentScopes.ToDictionary(s => s, _ => period);
        reads[scope] = new ReportPeriod(previous.From, period.To);
        var countsTask = counts.ReadAsync(reads, cancellationToken);
        var catalogTask = topics.ListAsync(tenantId, cancellationToken);
        var recurringTask = alerts.ListRecurringAsync(tenantId, cancellationToken);
        var followUpsTask = followUps.CountAsync(scope, tenantId, counts.Expand(scope), cancellationToken);
        await Task.WhenAll(countsTask, catalogTask, recurringTask, followUpsTask).ConfigureAwait(false);

        var read = await countsTask.ConfigureAwait(false);
        var days = read[scope];
        var comments = await LatestCommentsAsync(days, period, cancellationToken).ConfigureAwait(false);
        var catalog = new TopicCatalog(await catalogTask.ConfigureAwait(false));
        var current = SummaryCounts.Within(days, period);
        var figures = SummaryFigures.Compute(current, SummaryCounts.Within(days, previous));
        var dutch = SummaryFormat.IsDutch(culture);
        var weekly = period.Days > DailyTrendMaxDays;
        return new SummaryModel
        {
            Filter = new SummaryFilter(period, scope),
            TenantId = request.TenantId,
            ScopeLabel = SummaryFormat.Scope(scope, audience.NameOf, culture),
            Figures = figures,
            Trend = Trend(days, period, weekly),
            WeeklyTrend = weekly,
            Topics = TopTopics(figures, catalog, dutch),
            Recurring = [.. (await recurringTask.ConfigureAwait(false)).Where(r => r.FalseSince is null)
                .Select(r => catalog.LabelOf(r.TopicKey, dutch)).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture)],
            FollowUps = await followUpsTask.ConfigureAwait(false),
            Comments = comments,
            Agents = request.Viewer is null || !ShowsAgentTable(request.Scope) ? null : AgentRows(agents, agentScopes, read, period),
            MinAnswersPerAgent = options.CurrentValue.MinAnswersPerAgent,
            SignalDrillDown = scope.Kind is ReportScopeKind.All or ReportScopeKind.Queue,
            DayOf = calendar.DayOf,
            KindLabel = key => SignalKinds.FromKey(key) is { } kind ? (dutch ? SignalKinds.Of(kind).Dutch : SignalKinds.Of(kind).English) : key,
        };
    }

    private static List<TrendPoint> Trend(IReadOnlyList<DayTally> days, ReportPeriod period, bool weekly)
    {
        var points = new List<TrendPoint>();
        for (var start = period.From; start <= period.To;)
        {
            var end = weekly ? Min(start.AddDays(6 - ((int)start.DayOfWeek + 6) % 7), period.To) : start;
            var tally = SummaryCounts.Within(days, new ReportPeriod(start, end));
            points.Add(new TrendPoint(start, end, SummaryFigures.Of(tally).CsatMean));
            start = end.AddDays(1);
        }

        return points;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static List<TopicCount> TopTopics(SummaryFigures figures, TopicCatalog catalog, bool dutch) =>
    [
        .. figures.Signals.SelectMany(s => s.ByTopic)
            .GroupBy(t => catalog.Resolve(t.Key)?.Key ?? t.Key, StringComparer.Ordinal)
            .Select(g => new TopicCount(catalog.LabelOf(g.Key, dutch), g.Sum(t => t.Value)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Label, StringComparer.CurrentCulture)
            .Take(5),
    ];

    // The pointers of the period's newest low-score comments are in the counts; each response is one point read.
    private async Task<IReadOnlyList<SurveyResponse>> LatestCommentsAsync(IReadOnlyList<DayTally> days, ReportPeriod period, CancellationToken cancellationToken)
    {
        var newest = LowScoreComments.Newest(days.Where(d => period.Contains(d.Day)), CommentsOnCard);
        var read = await Task.WhenAll(newest.Select(p => responses.GetAsync(p.Day, p.SurveyId, cancellationToken))).ConfigureAwait(false);
        return [.. read.OfType<SurveyResponse>()];
    }

    private bool ShowsAgentTable(ReportScope scope) => audience.AgentReporting && scope.Kind is ReportScopeKind.All or ReportScopeKind.Queue;

    private IReadOnlyList<Domain.People.StaffMember> AgentsShown(SummaryRequest request) =>
        request.Viewer is null || !ShowsAgentTable(request.Scope) ? [] : audience.AgentsFor(request.Viewer);

    // The person's scope: the counts behind it are the series of every one of their agent ids (SummaryCounts.Expand).
    private static ReportScope AgentScope(ReportScope scope, Domain.People.StaffMember agent) =>
        scope.Queue is { } queue ? ReportScope.ForQueueAgent(queue, agent.AgentIds[0]) : ReportScope.ForAgent(agent.AgentIds[0]);

    private static List<AgentRow> AgentRows(IReadOnlyList<Domain.People.StaffMember> agents, List<ReportScope> scopes,
        IReadOnlyDictionary<ReportScope, IReadOnlyList<DayTally>> read, ReportPeriod period) =>
    [
        .. agents.Select((agent, i) => new AgentRow(
            string.IsNullOrWhiteSpace(agent.DisplayName) ? agent.AgentIds[0] : agent.DisplayName,
            SummaryFigures.Of(SummaryCounts.Within(read[scopes[i]], period)))),
    ];

    /// <summary>The rows of the agents <paramref name="viewer"/> supervises, within <paramref name="scope"/> (all or a queue), by name.</summary>
    internal async Task<IReadOnlyList<AgentRow>> AgentRowsAsync(Domain.People.StaffMember viewer, ReportScope scope, ReportPeriod period, CancellationToken cancellationToken)
    {
        var agents = audience.AgentsFor(viewer);
        var scopes = agents.Select(agent => AgentScope(scope, agent)).ToList();
        var read = await counts.ReadAsync(scopes.ToDictionary(s => s, _ => period), cancellationToken).ConfigureAwait(false);
        return AgentRows(agents, scopes, read, period);
    }
}
