using CxBot.App.Insights;
using CxBot.App.Insights.Rollup;
using CxBot.App.Tests.Support;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Insights;

/// <summary><c>reporting rebuild</c> / <c>reporting check</c> (<c>rapportage herbouwen</c> / <c>controleren</c>) through the app, on Azurite.</summary>
[Collection(AppAzurite.Name)]
public sealed class ReportMaintenanceCommandTests(AzuriteProcess azurite) : IDisposable
{
    private const string AdminAad = "7b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Day = new(2026, 11, 19);
    private static readonly ReportPeriod Period = new(Day, Day);

    private readonly CxBotAppFactory _app = new(azurite, new Dictionary<string, string?> { ["Roles:Admins:0"] = AdminAad });

    private static TeamsUser Admin(string locale = "en-US") => new(AdminAad, "Ada Admin", locale);

    public void Dispose() => _app.Dispose();

    private T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    [Fact]
    public async Task Rebuild_FromAnAdmin_AfterTheTotalsAreDeleted_BringsTheSummaryFiguresBack()
    {
        var before = await SeedAsync();
        await DeleteTotalsAsync();
        Assert.Empty(await Get<IReportTotals>().ReadAsync(ReportScope.All, Day, Day, None));

        var text = await SendAsync(Admin(), "reporting rebuild 2026-11-19..2026-11-19");

        Assert.Contains("Rebuilt the report totals of 1 days (2026-11-19 to 2026-11-19)", text, StringComparison.Ordinal);
        var stored = Tally.Sum((await Get<IReportTotals>().ReadAsync(ReportScope.All, Day, Day, None)).Select(d => d.Counts));
        Assert.Equal(before.ToString(), stored.ToString());
        Assert.Equal(3, stored[TallyNames.Responses]);
        Assert.Equal(before.ToString(), (await Get<ReportReader>().ReadTotalAsync(ReportScope.All, Period, None)).ToString());
    }

    [Fact]
    public async Task Check_ReportsAnInjectedDifference_AndNoneAfterARebuild_InDutch()
    {
        await SeedAsync();
        var wrong = await Get<IReportTotalsStore>().ReadDayAsync(Day, None);
        wrong.Add([ReportScope.ForQueue("billing")], TallyNames.Csat(5), 7);
        await Get<IReportTotalsStore>().ReplaceDayAsync(Day, wrong, None);

        var found = await SendAsync(Admin("nl-NL"), "rapportage controleren 2026-11-19..2026-11-19");

        Assert.Contains("1 verschillen tussen de opgeslagen totalen en de gegevens (2026-11-19 t/m 2026-11-19)", found, StringComparison.Ordinal);
        Assert.Contains("2026-11-19 q~billing csat.5: opgeslagen 8, opnieuw geteld 1", found, StringComparison.Ordinal);

        await SendAsync(Admin("nl-NL"), "rapportage herbouwen 2026-11-19..2026-11-19");
        var after = await SendAsync(Admin(), "reporting check 2026-11-19..2026-11-19");

        Assert.Contains("The report totals match the records (2026-11-19 to 2026-11-19): no difference.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckWithoutAPeriod_CoversEveryRecordedDay()
    {
        await SeedAsync();

        var text = await SendAsync(Admin(), "reporting check");

        Assert.Contains("The report totals match the records (every day with records): no difference.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARebuildWithoutAPeriod_FindsTheDaysThatHaveOnlyFunnelRecords()
    {
        var skipDay = new DateOnly(2026, 11, 12);
        var ended = new DateTimeOffset(2026, 11, 12, 10, 0, 0, TimeSpan.Zero);
        await Get<ISurveySkips>().AddAsync(new SurveySkip("contact-skip", "Billing", "agent-7", "chat", SkipReason.OptedOut, ended, ended), None);
        await DeleteTotalsAsync();

        await SendAsync(Admin(), "reporting rebuild");

        var stored = await Get<IReportTotals>().ReadAsync(ReportScope.All, skipDay, skipDay, None);
        Assert.Equal(1, Assert.Single(stored).Counts[TallyNames.Skipped("opted-out")]);
        Assert.Equal(["FunnelFactSource", "ResponseFactSource", "SignalFactSource"],
            Get<IEnumerable<IRecordedDays>>().Select(s => s.GetType().Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("agent")]
    public async Task Rebuild_FromASupervisorOrAnAgent_IsRefused(string who)
    {
        await SeedAsync();
        await DeleteTotalsAsync();
        var user = who == "agent" ? TestPeople.Agent() : TestPeople.Supervisor();

        await _app.PostActivityAsync(user.Text("reporting rebuild 2026-11-19..2026-11-19"));
        await _app.PostActivityAsync(user.Text("reporting check"));

        Assert.DoesNotContain(_app.Connector.SentTo(user.PersonalConversationId), a => a.Attachments is { Count: > 0 });
        Assert.Empty(await Get<IReportTotals>().ReadAsync(ReportScope.All, Day, Day, None));
    }

    [Fact]
    public async Task AnUnreadablePeriod_IsNamedBack_AndNothingIsRebuilt()
    {
        await SeedAsync();
        await DeleteTotalsAsync();

        var text = await SendAsync(Admin(), "reporting rebuild 2026-11-30..2026-11-01");

        Assert.Contains("I could not read this period.", text, StringComparison.Ordinal);
        Assert.Empty(await Get<IReportTotals>().ReadAsync(ReportScope.All, Day, Day, None));
    }

    // Three answers on one day, rolled up and the marks cleared: the stored totals are then all the reader has.
    private async Task<Tally> SeedAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            var ended = new DateTimeOffset(2026, 11, 19, 9 + i, 0, 0, TimeSpan.Zero);
            var response = new SurveyResponse
            {
                SurveyId = "survey-" + Guid.NewGuid().ToString("N"),
                ContactId = "contact-" + Guid.NewGuid().ToString("N"),
                DefinitionId = "default",
                DefinitionVersion = 1,
                Agent = PersonRef.Agent("agent-7", "Sam"),
                Queue = "Billing",
                Channel = "chat",
                CustomerId = "c0ffee",
                Locale = "en-US",
                Answers = new SurveyAnswers { Csat = 1 + (2 * i), Raw = new Dictionary<string, string>() },
                ContactEndedAt = ended,
                SentAt = ended.AddMinutes(1),
                AnsweredAt = ended.AddMinutes(5),
            };
            Assert.True(await Get<ISurveyResponses>().TryAddAsync(Day, response, None));
        }

        await Get<IReportingChanges>().MarkChangedAsync(Day, None);
        await ActivatorUtilities.CreateInstance<ReportRollup>(_app.Services).RunPassAsync(None);
        foreach (var mark in await Get<IReportingChanges>().ListAsync(None))
        {
            await Get<IReportingChanges>().ClearAsync(mark, None);
        }

        return Tally.Sum((await Get<IReportTotals>().ReadAsync(ReportScope.All, Day, Day, None)).Select(d => d.Counts));
    }

    private async Task DeleteTotalsAsync()
    {
        var table = new Azure.Data.Tables.TableClient(azurite.ConnectionString, _app.TablePrefix + "ReportTotals");
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
    }

    private async Task<string> SendAsync(TeamsUser user, string text)
    {
        await _app.PostActivityAsync(user.Text(text));
        var sent = _app.Connector.SentTo(user.PersonalConversationId)[^1];
        return CardNodes.VisibleText(sent.Attachments![0].Content!.AsObject());
    }
}
