using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Storage.Tests.Insights;

/// <summary>
/// The day mark of an answer to a recent day lives in the response's own transaction (row <c>m|changed</c> of the day's
/// <c>SurveyResponses</c> partition), is listed by point reads and cleared by its ETag; older days use <c>ReportDays</c>.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class ResponseDayMarkTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private Task<TestStorage> StorageAsync(string name) =>
        azurite.IsolatedAsync(name, services => services.AddSingleton<TimeProvider>(new FixedTime(Now)));

    [Fact]
    public async Task TryAdd_RecentDay_WritesTheResponseAndTheMarkInOneTransaction_AndNoDayMark()
    {
        await using var storage = await StorageAsync("MarkBeside");
        var day = Today.AddDays(-3);

        Assert.True(await storage.Get<ISurveyResponses>().TryAddAsync(day, TestData.Response(), None));

        var rows = await RowKeysAsync(storage, storage.Names.SurveyResponses, ReportingCalendar.Key(day));
        Assert.Contains("m|changed", rows);
        Assert.Contains(rows, r => r.StartsWith("r|", StringComparison.Ordinal));
        Assert.Empty(await RowKeysAsync(storage, storage.Names.ReportDays, "changed"));
        var mark = Assert.Single(await storage.Get<IReportingChanges>().ListAsync(None));
        Assert.Equal(day, mark.Day);
        Assert.NotNull(mark.MarkedAt);
    }

    [Fact]
    public async Task TryAdd_SecondResponseToTheSurvey_WritesNoMark_BecauseTheMarkIsPartOfTheFailedTransaction()
    {
        await using var storage = await StorageAsync("MarkAtomic");
        var responses = storage.Get<ISurveyResponses>();
        var changes = storage.Get<IReportingChanges>();
        var day = Today.AddDays(-1);
        var response = TestData.Response();
        Assert.True(await responses.TryAddAsync(day, response, None));
        Assert.True(await changes.ClearAsync(Assert.Single(await changes.ListAsync(None)), None));

        Assert.False(await responses.TryAddAsync(day, response with { AnsweredAt = response.AnsweredAt.AddSeconds(1) }, None));

        Assert.Empty(await changes.ListAsync(None));
        Assert.DoesNotContain("m|changed", await RowKeysAsync(storage, storage.Names.SurveyResponses, ReportingCalendar.Key(day)));
    }

    [Fact]
    public async Task Clear_AfterTheDayWasMarkedAgain_KeepsTheMark()
    {
        await using var storage = await StorageAsync("MarkAgain");
        var responses = storage.Get<ISurveyResponses>();
        var changes = storage.Get<IReportingChanges>();
        var day = Today;
        Assert.True(await responses.TryAddAsync(day, TestData.Response(), None));
        var read = Assert.Single(await changes.ListAsync(None));

        Assert.True(await responses.TryAddAsync(day, TestData.Response(), None));

        Assert.False(await changes.ClearAsync(read, None));
        var again = Assert.Single(await changes.ListAsync(None));
        Assert.Equal(day, again.Day);
        Assert.True(await changes.ClearAsync(again, None));
        Assert.Empty(await changes.ListAsync(None));
    }

    [Fact]
    public async Task TryAdd_DayOlderThanTheWindow_MarksTheDayInReportDays()
    {
        await using var storage = await StorageAsync("MarkOld");
        var day = Today.AddDays(-storage.Get<ResponseMarkWindow>().WrittenDays - 1);

        Assert.True(await storage.Get<ISurveyResponses>().TryAddAsync(day, TestData.Response(), None));

        Assert.DoesNotContain("m|changed", await RowKeysAsync(storage, storage.Names.SurveyResponses, ReportingCalendar.Key(day)));
        Assert.Equal([ReportingCalendar.Key(day)], await RowKeysAsync(storage, storage.Names.ReportDays, "changed"));
        var mark = Assert.Single(await storage.Get<IReportingChanges>().ListAsync(None));
        Assert.Equal(day, mark.Day);
        Assert.True(await storage.Get<IReportingChanges>().ClearAsync(mark, None));
        Assert.Empty(await storage.Get<IReportingChanges>().ListAsync(None));
    }

    [Fact]
    public async Task List_MarksOfBothPlaces_OldestFirst()
    {
        await using var storage = await StorageAsync("MarkBoth");
        var changes = storage.Get<IReportingChanges>();
        await changes.MarkChangedAsync(Today.AddDays(-2), None);
        Assert.True(await storage.Get<ISurveyResponses>().TryAddAsync(Today.AddDays(-5), TestData.Response(), None));
        Assert.True(await storage.Get<ISurveyResponses>().TryAddAsync(Today.AddDays(-2), TestData.Response(), None));

        var marks = await changes.ListAsync(None);

        Assert.Equal([Today.AddDays(-5), Today.AddDays(-2), Today.AddDays(-2)], marks.Select(m => m.Day));
        Assert.Equal(3, marks.Select(m => m.Version).Distinct().Count());
    }

    private static async Task<List<string>> RowKeysAsync(TestStorage storage, string table, string partition)
    {
        var keys = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in storage.Clients.Tables.GetTableClient(table).QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: None))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
