using CxBot.App.Insights;
using CxBot.App.Insights.Digests;
using CxBot.App.Messaging;
using CxBot.App.People;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Insights;

/// <summary>
/// The scheduled digests on two app instances sharing one Azurite: each digest queued once and posted once, late ones
/// sent once, a crash between claim and queue finished without a second post, nothing for a tenant without a digests
/// channel, and the optional personal weekly digest in the agent's chat.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class DigestTests : IDisposable
{
    // Channels are designated at the factory's start time: Friday 20 November 2026, 10:00 in Amsterdam.
    // Monday 23 November, 08:30 in Amsterdam.
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    private readonly string _prefix = "T" + Guid.NewGuid().ToString("N")[..12];
    private readonly FakeSummaryCards _summaries = new();
    private readonly AgentReportTotals _totals = new();
    private readonly AgentResponseQueries _responses = new();
    private readonly AzuriteProcess _azurite;
    private readonly CxBotAppFactory _one;
    private readonly CxBotAppFactory _two;

    public DigestTests(AzuriteProcess azurite)
    {
        _azurite = azurite;
        _one = NewApp(azurite);
        _two = NewApp(azurite);
    }

    public void Dispose()
    {
        _one.Dispose();
        _two.Dispose();
    }

    [Fact]
    public async Task TwoInstances_QueueAndPostEachDueDigestOnce_IncludingThoseMissedOverTheWeekend()
    {
        await DesignateAsync("digests");
        SetTime(MondayMorning);

        var queued = await Task.WhenAll(PassOf(_one).RunOnceAsync(default), PassOf(_two).RunOnceAsync(default));

        // Saturday's and Sunday's dailies were missed (no instance ran): sent late beside Monday's daily and weekly.
        Assert.Equal(4, queued.Sum());
        var bodies = DigestBodies();
        Assert.Equal(4, bodies.Count);
        Assert.Equal(4, bodies.Distinct().Count());
        Assert.Equal(0, (await Task.WhenAll(PassOf(_one).RunOnceAsync(default), PassOf(_two).RunOnceAsync(default))).Sum());

        await _one.DispatchAsync();
        await _two.DispatchAsync();

        var posts = _one.Connector.SentTo(TeamsUser.TeamId).Concat(_two.Connector.SentTo(TeamsUser.TeamId)).ToList();
        Assert.Equal(4, posts.Count);
        Assert.Equal(
            [Period(11, 16, 11, 22), Period(11, 20, 11, 20), Period(11, 21, 11, 21), Period(11, 22, 11, 22)],
            _summaries.Requests.Select(r => r.Period).OrderBy(p => p.From).ThenByDescending(p => p.Days));
        Assert.All(_summaries.Requests, r =>
        {
            Assert.Null(r.Viewer);
            Assert.Equal(ReportScope.All, r.Scope);
            Assert.Equal(TeamsUser.TenantId, r.TenantId);
        });
        var weekly = posts.Select(p => CardNodes.VisibleText(p.Card())).Single(t => t.Contains("Weekly digest", StringComparison.Ordinal));
        Assert.Contains("Summary all 2026-11-16..2026-11-22", weekly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunLeftClaimedByAStoppedInstance_IsFinishedOnce_AndAFreshClaimIsLeftToItsClaimant()
    {
        await DesignateAsync("digests");
        var saturday = new DateTimeOffset(2026, 11, 21, 7, 30, 0, TimeSpan.Zero);
        SetTime(saturday);
        var key = new DigestRunKey(TeamsUser.TenantId, "channel", DigestKind.Daily, Period(11, 20, 11, 20));
        // Another instance claimed the run a moment ago and queued its message, then stopped before marking it queued.
        await _one.Services.GetRequiredService<IDigestRuns>().ClaimAsync(key, saturday.AddSeconds(-30), default);
        await _one.Services.GetRequiredService<IProactiveMessages>().EnqueueAsync(new ProactiveMessage(DigestPass.MessageId(key),
            new ToChannel(TeamsUser.TenantId, ChannelPurpose.Digests), ContentKind: TeamDigestContent.ContentKind,
            SubjectId: TeamDigestContent.Subject(new DueDigest(DigestKind.Daily, key.Period, saturday), null)), TimeSpan.Zero, default);

        Assert.Equal(0, await PassOf(_two).RunOnceAsync(default));
        SetTime(saturday + DigestPass.ClaimGrace);
        Assert.Equal(1, await PassOf(_two).RunOnceAsync(default));
        Assert.Equal(0, await PassOf(_one).RunOnceAsync(default));

        Assert.Equal([DigestPass.MessageId(key), DigestPass.MessageId(key)], DigestBodies());
        await _one.DispatchAsync();
        Assert.Single(_one.Connector.SentTo(TeamsUser.TeamId));
    }

    [Fact]
    public async Task WithoutADigestsChannel_NothingIsClaimedOrHeld_AndALaterChannelGetsTheDigestsDueAfterIt()
    {
        await DesignateAsync("signals");
        SetTime(MondayMorning);

        Assert.Equal(0, await PassOf(_one).RunOnceAsync(default));
        Assert.Empty(DigestBodies());

        await DesignateAsync("digests");
        Assert.Equal(0, await PassOf(_one).RunOnceAsync(default));
        SetTime(MondayMorning.AddDays(1));
        Assert.Equal(1, await PassOf(_one).RunOnceAsync(default));
        Assert.Equal(["digest|" + TeamsUser.TenantId + "|channel|daily|20261123|20261123"], DigestBodies());
    }

    [Fact]
    public async Task ThePersonalWeeklyDigest_GoesToEachAgentsOwnChat_OnceAWeek()
    {
        using var app = NewApp(_azurite, personal: true);
        await app.Services.GetRequiredService<IStaffStore>().UpsertAsync(new StaffMember(CxBotAppFactory.AgentAad, "Alex Agent")
        {
            Roles = StaffRoles.Agent, AgentIds = ["agent-7"], Source = StaffSource.Api, TenantId = TeamsUser.TenantId,
        }, default);
        await app.Services.GetRequiredService<StaffDirectory>().RefreshAsync(default);
        await app.PostActivityAsync(TestPeople.Agent("nl-NL").Text("hallo"));
        _totals.Answer("agent-7", new DateOnly(2026, 11, 18), csat: 4).Answer("agent-9", new DateOnly(2026, 11, 18), csat: 1);
        app.Time.SetUtcNow(MondayMorning);

        Assert.Equal(1, await PassOf(app).RunOnceAsync(default));
        Assert.Equal(0, await PassOf(app).RunOnceAsync(default));
        await app.DispatchAsync();

        var card = app.Connector.SentTo(TestPeople.Agent().PersonalConversationId).Where(a => a.Attachments is { Count: > 0 }).Select(a => a.Card())
            .Single(c => CardNodes.VisibleText(c).Contains("Jouw feedback van vorige week", StringComparison.Ordinal));
        Assert.Equal("1", CardNodes.ById(card, "scores")!["facts"]![0]!["value"]!.GetValue<string>());
        Assert.Equal([ReportScope.ForAgent("agent-7")], _totals.Reads.Select(r => r.Scope).Distinct());
    }

    private CxBotAppFactory NewApp(AzuriteProcess azurite, bool personal = false) =>
        new(azurite, new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = _prefix,
            ["Reporting:TimeZone"] = "Europe/Amsterdam",
            ["Digests:PersonalWeekly"] = personal ? "true" : "false",
        })
        {
            RealProactiveMessages = true,
            ConfigureServices = services =>
            {
                services.AddSingleton<ISummaryCards>(_summaries);
                services.AddSingleton<IReportTotals>(_totals);
                services.AddSingleton<IResponseQueries>(_responses);
            },
        };

    private static DigestPass PassOf(CxBotAppFactory app) => app.Services.GetRequiredService<DigestPass>();

    private static ReportPeriod Period(int fromMonth, int fromDay, int toMonth, int toDay) =>
        new(new DateOnly(2026, fromMonth, fromDay), new DateOnly(2026, toMonth, toDay));

    private void SetTime(DateTimeOffset now)
    {
        _one.Time.SetUtcNow(now);
        _two.Time.SetUtcNow(now);
    }

    private async Task DesignateAsync(string purpose)
    {
        var supervisor = TestPeople.Supervisor();
        (await _one.PostActivityAsync(supervisor.InChannel(supervisor.Text("use this channel for " + purpose)))).EnsureSuccessStatusCode();
    }

    private List<string> DigestBodies() =>
        [.. _one.Outbox.Bodies.Concat(_two.Outbox.Bodies)
            .Select(b => Outbox.TryParse(b)?.Id).OfType<string>().Where(id => id.StartsWith("digest|", StringComparison.Ordinal))];
}
