using System.Net;
using System.Text.Json.Nodes;
using CxBot.App.Insights.Export;
using CxBot.App.Tests.Cards;
using CxBot.App.Tests.People;
using CxBot.App.Tests.Support;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Insights.Export;

/// <summary><c>export</c> / <c>exporteer</c>: the card with the signed link, and what the link does when it is used.</summary>
[Collection(AppAzurite.Name)]
public sealed class ExportCommandTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task Supervisor_GetsACardWithALink_ThatDownloadsTheLast30DaysOfResponses()
    {
        var responses = new InMemoryResponses(3);
        using var app = ExportApp.Create(azurite, responses);
        var supervisor = TestPeople.Supervisor();

        var url = await AskAsync(app, supervisor, "export");

        Assert.StartsWith(ExportApp.PublicBase + "/api/export/download?token=", url.AbsoluteUri, StringComparison.Ordinal);
        var download = await ExportApp.GetAsync(app.CreateClient(), url.PathAndQuery, key: null);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("cxbot-responses-2026-10-22-to-2026-11-20.csv", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(4, CsvText.Parse(await download.Content.ReadAsStringAsync()).Count);
        Assert.Equal((new DateOnly(2026, 10, 22), new DateOnly(2026, 11, 20)), responses.Asked);
    }

    [Fact]
    public async Task InDutch_WithAPeriodAndSignals_TheCardIsDutch_AndTheLinkIsForThoseDays()
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(0));
        var supervisor = TestPeople.Supervisor("nl-NL");

        var url = await AskAsync(app, supervisor, "exporteer afgelopen 7 dagen signalen");

        var card = Assert.Single(app.Connector.SentTo(supervisor.PersonalConversationId)).Card();
        var text = CardNodes.VisibleText(card);
        Assert.Contains("Je export staat klaar", text, StringComparison.Ordinal);
        Assert.Contains("Klantsignalen", text, StringComparison.Ordinal);
        var (status, link) = await CheckAsync(app, url);
        Assert.Equal(ExportLinkStatus.Valid, status);
        Assert.Equal((ExportKind.Signals, new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 20), TeamsUser.TenantId, CxBotAppFactory.SupervisorAad),
            (link!.Kind, link.From, link.To, link.TenantId, link.RequesterObjectId));
    }

    [Fact]
    public async Task DateRange_IsTheLinksPeriod()
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(0));

        var url = await AskAsync(app, TestPeople.Supervisor(), "export 2026-09-01..2026-09-30 responses");

        var (_, link) = await CheckAsync(app, url);
        Assert.Equal((ExportKind.Responses, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30)), (link!.Kind, link.From, link.To));
    }

    [Theory]
    [InlineData("exporteer vorige maand signalen", "2026-10-01", "2026-10-31", ExportKind.Signals)]
    [InlineData("export this week", "2026-11-16", "2026-11-20", ExportKind.Responses)]
    [InlineData("export 2026-09-01 .. 2026-09-30 signals", "2026-09-01", "2026-09-30", ExportKind.Signals)]
    public async Task EveryPeriodTheSummaryReads_IsTheLinksPeriod(string text, string from, string to, ExportKind kind)
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(0));

        var url = await AskAsync(app, TestPeople.Supervisor(), text);

        var (_, link) = await CheckAsync(app, url);
        Assert.Equal((kind, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)),
            (link!.Kind, link.From, link.To));
    }

    [Theory]
    [InlineData("export yesterday and today", "Write export")]
    [InlineData("export 2026-11-30..2026-11-01", "Write export")]
    [InlineData("export last 400 days", "at most 366 days")]
    public async Task UnreadablePeriodOrTooLong_AnswersWhatToWrite(string text, string answer)
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(0));
        var supervisor = TestPeople.Supervisor();

        await app.PostActivityAsync(supervisor.Text(text));

        Assert.Contains(answer, Assert.Single(app.Connector.SentTo(supervisor.PersonalConversationId)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPublicBaseUrl_SaysExportsAreNotSetUp()
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(0), ("Export:PublicBaseUrl", ""));
        var supervisor = TestPeople.Supervisor();

        await app.PostActivityAsync(supervisor.Text("export"));

        Assert.Contains("Export:PublicBaseUrl", Assert.Single(app.Connector.SentTo(supervisor.PersonalConversationId)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_GetsNoLink()
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(0));
        var agent = TestPeople.Agent();

        await app.PostActivityAsync(agent.Text("export"));

        Assert.DoesNotContain(app.Connector.SentTo(agent.PersonalConversationId),
            a => a.Attachments is { Count: > 0 } && AppHttp.Descendants(a.Card()).Any(o => CardQuery.Text(o, "type") == "Action.OpenUrl"));
    }

    [Fact]
    public async Task Link_AfterItsMinutes_Is410()
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(1), ("Export:LinkMinutes", "15"));
        var url = await AskAsync(app, TestPeople.Supervisor(), "export");

        app.Time.Advance(TimeSpan.FromMinutes(14));
        var inTime = await ExportApp.GetAsync(app.CreateClient(), url.PathAndQuery, key: null);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var late = await ExportApp.GetAsync(app.CreateClient(), url.PathAndQuery, key: null);

        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
        var problem = await late.ReadProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("Download link expired", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Link_Changed_Is403()
    {
        using var app = ExportApp.Create(azurite, new InMemoryResponses(1));
        var url = await AskAsync(app, TestPeople.Supervisor(), "export");
        var token = Uri.UnescapeDataString(url.Query["?token=".Length..]);
        var (payload, signature) = (token.Split('.')[0], token.Split('.')[1]);
        var changed = payload[..5] + (payload[5] == 'A' ? 'B' : 'A') + payload[6..] + "." + signature;

        var tampered = await ExportApp.GetAsync(app.CreateClient(), "/api/export/download?token=" + Uri.EscapeDataString(changed), key: null);
        var none = await ExportApp.GetAsync(app.CreateClient(), "/api/export/download", key: null);

        var problem = await tampered.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Invalid download link", problem["title"]!.GetValue<string>());
        await none.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Link_ForAnotherTenant_Is403()
    {
        var responses = new InMemoryResponses(1);
        using var app = ExportApp.Create(azurite, responses);
        var links = app.Services.GetRequiredService<ExportLinks>();
        var made = await links.CreateAsync(new ExportRequest(ExportKind.Responses, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "other-tenant"),
            CxBotAppFactory.SupervisorAad, CancellationToken.None);

        var response = await ExportApp.GetAsync(app.CreateClient(), made!.Value.Url.PathAndQuery, key: null);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Export no longer allowed", problem["title"]!.GetValue<string>());
        Assert.Null(responses.Asked);
    }

    [Fact]
    public async Task Link_OfASupervisorWhoLostTheRole_Is403()
    {
        var responses = new InMemoryResponses(1);
        using var app = ExportApp.Create(azurite, responses);
        using var client = app.CreateClient();
        var url = await AskAsync(app, TestPeople.Supervisor(), "export");

        var demoted = await StaffApi.PutAsync(client, CxBotAppFactory.SupervisorAad, StaffApi.Entry("Sam Supervisor", "agent"), ExportApp.StaffKey);
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        var response = await ExportApp.GetAsync(client, url.PathAndQuery, key: null);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Export no longer allowed", problem["title"]!.GetValue<string>());
        Assert.Null(responses.Asked);
    }

    private static async Task<Uri> AskAsync(CxBotAppFactory app, TeamsUser user, string text)
    {
        await app.PostActivityAsync(user.Text(text));
        var card = Assert.Single(app.Connector.SentTo(user.PersonalConversationId)).Card();
        var open = Assert.Single(AppHttp.Descendants(card), o => CardQuery.Text(o, "type") == "Action.OpenUrl");
        return new Uri(open["url"]!.GetValue<string>());
    }

    private static Task<(ExportLinkStatus, ExportLink?)> CheckAsync(CxBotAppFactory app, Uri url) =>
        app.Services.GetRequiredService<ExportLinks>().CheckAsync(Uri.UnescapeDataString(url.Query["?token=".Length..]), CancellationToken.None);
}
