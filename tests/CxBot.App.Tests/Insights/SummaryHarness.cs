using System.Globalization;
using CxBot.App.Channels;
using CxBot.App.Insights;
using CxBot.App.Insights.Summary;
using CxBot.App.People;
using CxBot.App.Tests.Surveys.Delivery;
using CxBot.Cards;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.App.Tests.Insights;

/// <summary>The summary card factory over in-memory counts, responses, staff, topics, alerts and follow-ups.</summary>
public sealed class SummaryHarness
{
    public static readonly DateOnly Today = new(2026, 11, 20);

    public InMemoryReportTotals Totals { get; } = new();
    public SummaryHarness() => Responses = new InMemoryResponseQueries(Totals);

    public InMemoryResponseQueries Responses { get; }
    public List<StaffMember> Staff { get; } = [];
    public List<Topic> Topics { get; } = [];
    public List<RecurringAlertState> Recurring { get; } = [];
    public List<FollowUp> FollowUps { get; } = [];
    /// <summary>When the follow-up counting pass counted <see cref="FollowUps"/>: null for the moment the card is read; <see cref="DateTimeOffset.MinValue"/> for never.</summary>
    public DateTimeOffset? FollowUpsCountedAt { get; set; }
    public InsightsOptions Insights { get; } = new();
    public PrivacyOptions Privacy { get; } = new();
    /// <summary>Where the factory reads its counts; straight from <see cref="Totals"/> unless set.</summary>
    public ISummaryData? Data { get; set; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    public static StaffMember Supervisor(string team, string id = "sup-1") =>
        new(id, "Sam Supervisor") { Roles = StaffRoles.Supervisor, Team = team, Source = StaffSource.Api };

    public static StaffMember Admin() => new("admin-1", "Ada Admin") { Roles = StaffRoles.Admin, Source = StaffSource.Api };

    public static StaffMember Agent(string name, string team, params string[] agentIds) =>
        new("aad-" + agentIds[0], name) { Roles = StaffRoles.Agent, Team = team, AgentIds = agentIds, Source = StaffSource.Api };

    public async Task<SummaryCardFactory> FactoryAsync()
    {
        var directory = new StaffDirectory(new ListStaffStore(Staff), new FixedOptionsMonitor<RolesOptions>(new RolesOptions()));
        await directory.RefreshAsync(CancellationToken.None);
        var audience = new SummaryAudience(directory, new FixedOptionsMonitor<PrivacyOptions>(Privacy));
        var tenants = new TenantRule(new FixedOptionsMonitor<BotOptions>(new BotOptions()));
        return new SummaryCardFactory(
            new SummaryCounts(Data ?? new TotalsOnly(Totals), audience),
            audience,
            Responses,
            new ListTopics(Topics),
            new ListAlerts(Recurring),
            new SummaryFollowUps(new CountedFollowUps(this, tenants), new ReportingCalendar(TimeZoneInfo.Utc), Time),
            new ReportingCalendar(TimeZoneInfo.Utc),
            tenants,
            new FixedOptionsMonitor<InsightsOptions>(Insights));
    }

    public async Task<AdaptiveCard> BuildAsync(StaffMember? viewer, ReportScope? scope = null, ReportPeriod? period = null, string culture = "en-US",
        string? tenantId = null)
    {
        var factory = await FactoryAsync();
        return await factory.BuildAsync(new SummaryRequest(period ?? ReportPeriodParser.LastDays(Today, 7), scope ?? ReportScope.All, viewer, tenantId),
            CultureInfo.GetCultureInfo(culture), CancellationToken.None);
    }

    private sealed class ListStaffStore(List<StaffMember> staff) : IStaffStore
    {
        public Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StaffMember>>([.. staff]);

        public Task<IReadOnlyList<StaffMember>> ListAsync(StaffSource source, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StaffMember>>([.. staff.Where(s => s.Source == source)]);

        public Task<StaffMember?> FindAsync(StaffSource source, string objectId, CancellationToken cancellationToken) =>
            Task.FromResult(staff.FirstOrDefault(s => s.Source == source && s.ObjectId == objectId));

        public Task<string?> FindObjectIdByAgentIdAsync(string agentId, CancellationToken cancellationToken) =>
            Task.FromResult(staff.FirstOrDefault(s => s.AgentIds.Contains(agentId))?.ObjectId);

        public Task UpsertAsync(StaffMember member, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> DeleteAsync(StaffSource source, string objectId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class ListTopics(List<Topic> topics) : ITopicStore
    {
        public Task<IReadOnlyList<Topic>> ListAsync(string? tenantId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Topic>>([.. topics]);

        public Task<Topic?> GetAsync(string? tenantId, string key, CancellationToken cancellationToken) => Task.FromResult(topics.FirstOrDefault(t => t.Key == key));

        public Task<bool> TryAddAsync(string? tenantId, Topic topic, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SaveAsync(string? tenantId, Topic topic, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class ListAlerts(List<RecurringAlertState> states) : ISignalAlerts
    {
        public Task<RecurringAlertState?> GetRecurringAsync(string? tenantId, string topicKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<RecurringAlertState>> ListRecurringAsync(string? tenantId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RecurringAlertState>>([.. states.Where(s => s.TenantId == tenantId)]);

        public Task<bool> TrySaveRecurringAsync(RecurringAlertState state, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryClaimDayAsync(string? tenantId, string purpose, DateOnly day, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task NoteTenantAsync(string? tenantId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string?>> ListTenantsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    // The counts the pass would store from the unresolved ones of FollowUps, counted at FollowUpsCountedAt.
    private sealed class CountedFollowUps(SummaryHarness harness, TenantRule tenants) : IFollowUpCounts
    {
        public Task ReplaceAsync(FollowUpCountsSnapshot snapshot, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<FollowUpCountsReading> ReadAsync(string? tenantId, IReadOnlyList<ReportScope> scopes, CancellationToken cancellationToken)
        {
            var passAt = harness.FollowUpsCountedAt ?? harness.Time.GetUtcNow();
            if (passAt == DateTimeOffset.MinValue)
            {
                return Task.FromResult(new FollowUpCountsReading(OpenFollowUpTally.Sum([], OpenFollowUpTally.HourOf(harness.Time.GetUtcNow())), null));
            }

            var snapshot = FollowUpCountsSnapshot.Count(harness.FollowUps.Where(f => f.Status != FollowUpStatus.Resolved).Select(OpenFollowUp.Of), passAt,
                tenants.OwnerOf);
            var tallies = scopes.Select(s => snapshot.Tallies.GetValueOrDefault(new FollowUpCountsKey(FollowUpCountsKey.TenantOf(tenantId), s))).OfType<OpenFollowUpTally>();
            return Task.FromResult(new FollowUpCountsReading(OpenFollowUpTally.Sum(tallies, OpenFollowUpTally.HourOf(passAt)), passAt));
        }
    }
}

/// <summary>The summary's counts straight from a totals fake (the live recount is the report reader's, tested with the store).</summary>
internal sealed class TotalsOnly(IReportTotals totals) : ISummaryData
{
    public async Task<IReadOnlyDictionary<ReportScope, IReadOnlyList<DayTally>>> ReadAsync(IReadOnlyDictionary<ReportScope, ReportPeriod> reads,
        CancellationToken cancellationToken)
    {
        var read = new Dictionary<ReportScope, IReadOnlyList<DayTally>>();
        foreach (var (scope, period) in reads)
        {
            read[scope] = await totals.ReadAsync(scope, period.From, period.To, cancellationToken);
        }

        return read;
    }
}
