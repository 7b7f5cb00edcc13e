using System.Net;
using System.Text;
using CxBot.App.Tests.Support;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Insights.Export;

/// <summary><c>GET /api/export</c>: the Export key, its parameters, and the CSV it streams.</summary>
[Collection(AppAzurite.Name)]
public sealed class ExportApiTests(AzuriteProcess azurite)
{
    private const string November = "/api/export?from=2026-11-01&to=2026-11-30&kind=responses";

    [Fact]
    public async Task WithoutKey_Is401Problem()
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(1));

        var response = await ExportApp.GetAsync(app.CreateClient(), November, key: null);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WithAnotherScopesKey_Is403Problem()
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(1));

        var staff = await ExportApp.GetAsync(app.CreateClient(), November, ExportApp.StaffKey);
        var contacts = await ExportApp.GetAsync(app.CreateClient(), November, CxBotAppFactory.ApiKey);

        await staff.ReadProblemAsync(HttpStatusCode.Forbidden);
        await contacts.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Responses_AreACsvAttachment_OneRowPerResponse_WithTheDocumentedColumns()
    {
        var responses = new InMemoryResponses(2, i => InMemoryResponses.Response($"s-{i}",
            comment: i == 0 ? "=HYPERLINK(\"http://evil\")\nTweede regel, met één komma" : null));
        using var app = ExportApp.Create(azurite, responses);

        var response = await ExportApp.GetAsync(app.CreateClient(), November);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("cxbot-responses-2026-11-01-to-2026-11-30.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = CsvText.Parse(Encoding.UTF8.GetString(bytes));
        Assert.Equal(
            ["survey_id", "contact_id", "reporting_day", "answered_at", "queue", "agent_id", "channel", "csat", "nps", "ces", "expectation",
                "resolution", "driver", "comment", "consent", "locale", "customer_pseudonym"],
            records[0]);
        // Ended 23:30 UTC on the 18th: the 19th in Amsterdam, the contact center's day.
        Assert.Equal(
            ["s-0", "c-s-0", "2026-11-19", "2026-11-19T08:15:42Z", "Billing", "agent-17", "voice", "4", "9", "2", "as-expected", "partly",
                "reliability", "'=HYPERLINK(\"http://evil\")\nTweede regel, met één komma", "yes", "nl-NL", "cust-7f3a9c"],
            records[1]);
        Assert.Equal("", records[2][13]);
        Assert.Equal(3, records.Count);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), responses.Asked);
    }

    [Fact]
    public async Task Responses_OfAnotherTenant_AreLeftOut_AndThoseWithoutATenantBelongToTheDeployments()
    {
        var tenants = new[] { TeamsUser.TenantId, "other-tenant", null };
        using var app = ExportApp.Create(azurite, new InMemoryResponses(3, i => InMemoryResponses.Response($"s-{i}", tenantId: tenants[i])));

        var records = CsvText.Parse(await (await ExportApp.GetAsync(app.CreateClient(), November)).Content.ReadAsStringAsync());

        Assert.Equal(["s-0", "s-2"], records.Skip(1).Select(r => r[0]));
    }

    [Theory]
    [InlineData("from=2026-11-01&to=2026-11-30", "kind")]
    [InlineData("from=2026-11-01&to=2026-11-30&kind=everything", "kind")]
    [InlineData("to=2026-11-30&kind=responses", "from")]
    [InlineData("from=2026-13-01&to=2026-11-30&kind=responses", "from")]
    [InlineData("from=01-11-2026&to=2026-11-30&kind=responses", "from")]
    [InlineData("from=2026-11-01&to=2026-11-31&kind=signals", "to")]
    [InlineData("from=2026-11-30&to=2026-11-01&kind=responses", "to")]
    [InlineData("from=2025-11-01&to=2026-11-02&kind=responses", "to")]
    public async Task BadParameters_Are400Problems_NamingTheParameter(string query, string parameter)
    {
        var responses = new InMemoryResponses(1);
        using var app = ExportApp.Create(azurite, responses);

        var response = await ExportApp.GetAsync(app.CreateClient(), "/api/export?" + query);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]?[parameter]);
        Assert.Null(responses.Asked);
    }

    [Fact]
    public async Task LongestPeriod_IsExportMaxDays()
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(1), ("Export:MaxDays", "30"));

        var thirty = await ExportApp.GetAsync(app.CreateClient(), "/api/export?from=2026-11-01&to=2026-11-30&kind=responses");
        var thirtyOne = await ExportApp.GetAsync(app.CreateClient(), "/api/export?from=2026-11-01&to=2026-12-01&kind=responses");

        Assert.Equal(HttpStatusCode.OK, thirty.StatusCode);
        await thirtyOne.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TwoHundredThousandRows_AreStreamed_TheFirstPagesReachTheClientWhileTheSourceIsStillReading()
    {
        const int total = 200_000;
        const int heldAt = 3_500;
        var responses = new InMemoryResponses(total) { PauseAfter = heldAt };
        using var app = ExportApp.Create(azurite, responses);
        using var client = app.CreateClient();

        using var response = await ExportApp.GetAsync(client, November, completion: HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();

        // Everything written before the source stops arrives, though the source has 196,500 rows still to give.
        var lines = 0L;
        var buffer = new byte[16 * 1024];
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (lines < 1 + 3_000)
            {
                var read = await body.ReadAsync(buffer, timeout.Token);
                Assert.NotEqual(0, read);
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }

        // A writer that buffered the output would have sent nothing yet: the source cannot go past the held row.
        Assert.InRange(responses.Yielded, lines - 1, heldAt);
        responses.Resume();
        int n;
        while ((n = await body.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, n).Count((byte)'\n');
        }

        Assert.Equal(total, responses.Yielded);
        Assert.Equal(1 + total, lines);
    }

    [Fact]
    public async Task Signals_OfTheDays_InEveryStatus_WithTheDocumentedColumns_DescriptionsInert()
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(0));
        var store = app.Services.GetRequiredService<ISignalStore>();
        var reporter = new PersonRef("Alex Agent") { ObjectId = CxBotAppFactory.AgentAad, AgentId = "agent-17" };
        async Task<Signal> Log(string id, string? tenant, DateTimeOffset at, DateOnly day, string description)
        {
            var details = new SignalDetails { Kind = SignalKind.Complaint, TopicKey = "billing", Description = description, Driver = "reliability" };
            return (await store.AddOrGetAsync(Signal.Report(id, tenant, reporter, details, SignalCapture.OneLiner, at, day), CancellationToken.None)).Signal;
        }

        // Logged 23:30 UTC on 31 October: 1 November in Amsterdam, the day it counts for.
        await Log("sig-early", TeamsUser.TenantId, new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero), new DateOnly(2026, 11, 1), "@SUM(1+1)*cmd|' /C calc'!A0");
        var withdrawn = await Log("sig-mid", TeamsUser.TenantId, new DateTimeOffset(2026, 11, 15, 10, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 15), "Klant wacht al 3 weken\nop zijn terugbetaling");
        withdrawn.Withdraw(reporter, new DateTimeOffset(2026, 11, 15, 10, 5, 0, TimeSpan.Zero));
        await store.SaveAsync(withdrawn, CancellationToken.None);
        await Log("sig-before", TeamsUser.TenantId, new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero), new DateOnly(2026, 10, 31), "too early");
        await Log("sig-after", TeamsUser.TenantId, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), new DateOnly(2026, 12, 1), "too late");
        await Log("sig-other", "other-tenant", new DateTimeOffset(2026, 11, 15, 10, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 15), "another tenant");

        var response = await ExportApp.GetAsync(app.CreateClient(), "/api/export?from=2026-11-01&to=2026-11-30&kind=signals");

        Assert.Equal("cxbot-signals-2026-11-01-to-2026-11-30.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var records = CsvText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ["signal_id", "logged_at", "reporting_day", "kind", "voice", "driver", "topic", "gap", "status", "severity", "queue", "channel",
                "reporting_agent_id", "description"],
            records[0]);
        Assert.Equal(
            [
                ["sig-mid", "2026-11-15T10:00:00Z", "2026-11-15", "complaint", "customer", "reliability", "billing", "", "withdrawn", "medium", "", "",
                    "agent-17", "Klant wacht al 3 weken\nop zijn terugbetaling"],
                ["sig-early", "2026-10-31T23:30:00Z", "2026-11-01", "complaint", "customer", "reliability", "billing", "", "new", "medium", "", "",
                    "agent-17", "'@SUM(1+1)*cmd|' /C calc'!A0"],
            ],
            records.Skip(1));
    }
}
