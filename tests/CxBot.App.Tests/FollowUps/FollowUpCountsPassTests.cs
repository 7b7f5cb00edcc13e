using CxBot.App.FollowUps;
using CxBot.App.Insights.Summary;
using CxBot.App.Leases;
using CxBot.App.Tests.Support;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.FollowUps;

/// <summary>The pass that counts open follow-ups per tenant and scope from the index, and what the summary reads of it.</summary>
[Collection(AppAzurite.Name)]
public sealed class FollowUpCountsPassTests(AzuriteProcess azurite) : IDisposable
{
    private static readonly PersonRef Supervisor = PersonRef.Staff("aad-sup", "Sam Supervisor");
    private static readonly string[] Tenants = ["tenant-1", "tenant-2"];
    private static readonly string[] Queues = ["Billing", "sales", "Returns "];
    private static readonly string[] AgentIds = ["agent-1", "Agent-2", "agent-3", "agent-4"];

    private readonly CxBotAppFactory _app = new(azurite);

    private IFollowUps FollowUps => _app.Services.GetRequiredService<IFollowUps>();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheCountsEqualACountOfTheFollowUps_AfterCreationsClaimsAndResolutions()
    {
        var now = _app.Time.GetUtcNow();
        var created = new List<FollowUp>();
        for (var i = 0; i < 36; i++)
        {
            // Due from two days ago to a day ahead, some within the current hour.
            var followUp = FollowUpOf(i, now.AddMinutes(-2880 + i * 127));
            await FollowUps.TryAddAsync(followUp, default);
            created.Add(followUp);
        }

        await AssertCountsAsync(created);

        for (var i = 0; i < created.Count; i += 3)
        {
            created[i].Claim(Supervisor, now);
            await FollowUps.UpdateAsync(created[i], default);
        }

        for (var i = 1; i < created.Count; i += 4)
        {
            created[i].Resolve(Supervisor, FollowUpResolution.Create(true, RecoveryOutcome.Yes, null, null, "Called back."), now);
            await FollowUps.UpdateAsync(created[i], default);
        }

        _app.Time.Advance(TimeSpan.FromMinutes(50));
        await AssertCountsAsync(created);
    }

    [Fact]
    public async Task TwoInstances_ThePassRunsOnTheOneHoldingTheLease()
    {
        await FollowUps.TryAddAsync(FollowUpOf(0, _app.Time.GetUtcNow()), default);
        var store = new CountingFollowUpCounts(_app.Services.GetRequiredService<IFollowUpCounts>());
        using var first = Instance(store);
        using var second = Instance(store);

        await first.StartAsync(default);
        await second.StartAsync(default);
        await Poll.UntilAsync(() => store.Replaced > 0, TimeSpan.FromSeconds(20), "a counting pass");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await first.StopAsync(default);
        await second.StopAsync(default);

        Assert.Equal(1, store.Replaced);
    }

    private FollowUpCountsPass Instance(IFollowUpCounts counts) =>
        ActivatorUtilities.CreateInstance<FollowUpCountsPass>(_app.Services, ActivatorUtilities.CreateInstance<LeaseKeeper>(_app.Services), counts);

    // The summary's figures for every tenant and scope after a pass, against a count of the follow-ups themselves.
    private async Task AssertCountsAsync(IReadOnlyList<FollowUp> followUps)
    {
        await ActivatorUtilities.CreateInstance<FollowUpCountsPass>(_app.Services).RunPassAsync(default);
        var summary = _app.Services.GetRequiredService<SummaryFollowUps>();
        var now = _app.Time.GetUtcNow();
        var scopes = new List<ReportScope> { ReportScope.All };
        scopes.AddRange(Queues.Select(ReportScope.ForQueue));
        scopes.AddRange(AgentIds.Select(ReportScope.ForAgent));
        scopes.AddRange(Queues.SelectMany(q => AgentIds.Select(a => ReportScope.ForQueueAgent(q, a))));
        foreach (var tenant in Tenants)
        {
            foreach (var scope in scopes)
            {
                var unresolved = followUps.Where(f => f.TenantId == tenant && f.Status != FollowUpStatus.Resolved && In(scope, f)).ToList();
                var expected = (unresolved.Count, unresolved.Count(f => OpenFollowUpTally.HourOf(f.DueAt).AddHours(1) <= now));

                var counts = (await summary.CountAsync(scope, tenant, [scope], default))!;

                Assert.Equal(expected, (counts.Open, counts.Overdue));
            }
        }

        // An agent known by two ids: the sum of both.
        var twoIds = followUps.Where(f => f.TenantId == Tenants[0] && f.Status != FollowUpStatus.Resolved
            && ReportScope.Normalize(f.Agent.AgentId) is "agent-1" or "agent-2").Count();
        Assert.Equal(twoIds, (await summary.CountAsync(ReportScope.ForAgent("agent-1"), Tenants[0],
            [ReportScope.ForAgent("agent-1"), ReportScope.ForAgent("agent-2")], default))!.Open);
    }

    private static bool In(ReportScope scope, FollowUp f) =>
        (scope.Queue is null || scope.Queue == ReportScope.Normalize(f.Queue)) && (scope.Agent is null || scope.Agent == ReportScope.Normalize(f.Agent.AgentId));

    private static FollowUp FollowUpOf(int i, DateTimeOffset due) => new()
    {
        FollowUpId = "count-" + Guid.NewGuid().ToString("N"),
        Source = FollowUpSource.SurveyResponse("survey-" + i),
        ContactId = "contact-" + i,
        TenantId = Tenants[i % Tenants.Length],
        Agent = PersonRef.Agent(AgentIds[i / 2 % AgentIds.Length], "Agent"),
        Queue = Queues[i % Queues.Length],
        Reasons = FollowUpReasons.LowCsat,
        CallBack = false,
        CreatedAt = due.AddHours(-24),
        DueAt = due,
    };

    private sealed class CountingFollowUpCounts(IFollowUpCounts inner) : IFollowUpCounts
    {
        private int _replaced;

        public int Replaced => Volatile.Read(ref _replaced);

        public async Task ReplaceAsync(FollowUpCountsSnapshot snapshot, CancellationToken cancellationToken)
        {
            await inner.ReplaceAsync(snapshot, cancellationToken);
            Interlocked.Increment(ref _replaced);
        }

        public Task<FollowUpCountsReading> ReadAsync(string? tenantId, IReadOnlyList<ReportScope> scopes, CancellationToken cancellationToken) =>
            inner.ReadAsync(tenantId, scopes, cancellationToken);
    }
}
