using System.Globalization;
using Azure.Data.Tables;
using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Surveys;

[Collection(StorageCollection.Name)]
public sealed class TableSurveyResponsesTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Day = new(2025, 3, 14);

    private async Task<ISurveyResponses> ResponsesAsync() => (await azurite.ForClassAsync<TableSurveyResponsesTests>()).Get<ISurveyResponses>();

    [Fact]
    public async Task TryAdd_ThenGet_ReturnsEveryFieldAndEveryRawAnswerAsReceived_ButTheRawComment()
    {
        var responses = await ResponsesAsync();
        var response = TestData.Response();

        Assert.True(await responses.TryAddAsync(Day, response, None));
        var stored = await responses.GetAsync(Day, response.SurveyId, None);

        AssertSame(response with { Answers = response.Answers with { Raw = response.Answers.Raw.Where(a => a.Key != SurveyInputIds.Comment).ToDictionary() } }, stored);
        Assert.Equal(response.Answers.Comment, stored!.Answers.Comment);
    }

    [Fact]
    public async Task TheComment_IsStoredOnce_InTheWholeTable()
    {
        var responses = await ResponsesAsync();
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        var response = TestData.Response() with
        {
            Answers = TestData.Response().Answers with
            {
                Csat = 1,
                Comment = "Waited " + marker,
                Raw = new Dictionary<string, string> { [SurveyInputIds.Csat] = "1", [SurveyInputIds.Comment] = " Waited " + marker + " " },
            },
        };

        Assert.True(await responses.TryAddAsync(Day, response, None));

        var storage = await azurite.ForClassAsync<TableSurveyResponsesTests>();
        var table = storage.Clients.Tables.GetTableClient(storage.Names.SurveyResponses);
        var copies = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: None))
        {
            copies += row.Select(p => p.Value).OfType<string>().Count(v => v.Contains(marker, StringComparison.Ordinal));
        }

        Assert.Equal(1, copies);
    }

    [Fact]
    public async Task TryAdd_UnaskedQuestions_ComeBackNull()
    {
        var responses = await ResponsesAsync();
        var response = TestData.Response() with
        {
            Answers = new SurveyAnswers { Csat = 5, Raw = new Dictionary<string, string> { ["csat"] = "5" } },
            FollowUpId = null,
        };

        await responses.TryAddAsync(Day, response, None);
        var stored = await responses.GetAsync(Day, response.SurveyId, None);

        AssertSame(response, stored);
        Assert.Null(stored!.Answers.Expectation);
        Assert.Null(stored.Answers.Ces);
        Assert.Null(stored.Answers.ContactConsent);
    }

    [Fact]
    public async Task Get_UnknownSurveyOrOtherDay_ReturnsNull()
    {
        var responses = await ResponsesAsync();
        var response = TestData.Response();
        await responses.TryAddAsync(Day, response, None);

        Assert.Null(await responses.GetAsync(Day, TestData.NewId("survey"), None));
        Assert.Null(await responses.GetAsync(Day.AddDays(1), response.SurveyId, None));
    }

    [Fact]
    public async Task TryAdd_SecondResponseToTheSurvey_ReturnsFalseAndKeepsTheFirstAndItsPointerOnly()
    {
        await using var storage = await azurite.IsolatedAsync("ResponsesSecond");
        var responses = storage.Get<ISurveyResponses>();
        var first = TestData.Response(csat: 1);
        var second = first with { AnsweredAt = first.AnsweredAt.AddMinutes(3), Answers = first.Answers with { Csat = 2 } };

        Assert.True(await responses.TryAddAsync(Day, first, None));
        Assert.False(await responses.TryAddAsync(Day, second, None));

        Assert.Equal(1, (await responses.GetAsync(Day, first.SurveyId, None))!.Answers.Csat);
        var rows = await RowKeysAsync(storage);
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, k => k.StartsWith("low|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TryAdd_RacingSubmitsOfOneSurvey_StoreOneResponse()
    {
        await using var storage = await azurite.IsolatedAsync("ResponsesRace");
        var responses = storage.Get<ISurveyResponses>();
        var response = TestData.Response();

        var results = await Concurrently.RunAsync(6, i => responses.TryAddAsync(Day, response with { AnsweredAt = response.AnsweredAt.AddSeconds(i) }, None));

        Assert.Single(results, added => added);
        Assert.Single(await RowKeysAsync(storage), k => k.StartsWith("r|", StringComparison.Ordinal));
        Assert.Single(await RowKeysAsync(storage), k => k.StartsWith("low|", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, "comment", true)]
    [InlineData(2, "comment", true)]
    [InlineData(3, "comment", false)]
    [InlineData(1, "  ", false)]
    [InlineData(1, null, false)]
    public async Task TryAdd_LowScorePointer_OnlyForCsatOneOrTwoWithAComment(int csat, string? comment, bool expected)
    {
        await using var storage = await azurite.IsolatedAsync("ResponsesLow");
        var responses = storage.Get<ISurveyResponses>();
        var response = TestData.Response(csat: csat);
        response = response with { Answers = response.Answers with { Comment = comment } };

        await responses.TryAddAsync(Day, response, None);

        Assert.Equal(expected, (await RowKeysAsync(storage)).Any(k => k.StartsWith("low|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TryAdd_StoresAPseudonymNeverTheCustomerKeyColumn()
    {
        await using var storage = await azurite.IsolatedAsync("ResponsesPseudonym");
        var response = TestData.Response();
        await storage.Get<ISurveyResponses>().TryAddAsync(Day, response, None);

        var row = Assert.Single(await storage.Clients.Tables.GetTableClient(storage.Names.SurveyResponses)
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {"r|"} and RowKey lt {"r}"}")).ToListAsync());

        Assert.False(row.ContainsKey("CustomerKey"));
        Assert.Equal(response.CustomerId, row.GetString("CustomerId"));
        Assert.Equal("20250314", row.PartitionKey);
    }

    [Fact]
    public async Task TryAdd_RawAnswersBeyondAStringColumn_IsRefusedNotCut()
    {
        var responses = await ResponsesAsync();
        var response = TestData.Response();
        response = response with
        {
            Answers = response.Answers with { Raw = new Dictionary<string, string> { ["driver"] = new('x', 40_000) } },
        };

        await Assert.ThrowsAsync<ArgumentException>(() => responses.TryAddAsync(Day, response, None));
        Assert.Null(await responses.GetAsync(Day, response.SurveyId, None));
    }

    [Fact]
    public async Task TryAdd_ContactEndedAt_ComesBackInItsOffset()
    {
        var responses = await ResponsesAsync();
        const string EndedAt = "2026-11-20T00:30:00.0000000+01:00";
        var response = TestData.Response() with { ContactEndedAt = DateTimeOffset.Parse(EndedAt, CultureInfo.InvariantCulture) };

        await responses.TryAddAsync(Day, response, None);
        var stored = (await responses.GetAsync(Day, response.SurveyId, None))!;

        Assert.Equal(EndedAt, stored.ContactEndedAt.ToString("O", CultureInfo.InvariantCulture));
    }

    private static async Task<List<string>> RowKeysAsync(TestStorage storage) =>
        (await storage.Clients.Tables.GetTableClient(storage.Names.SurveyResponses).QueryAsync<TableEntity>(select: ["RowKey"]).ToListAsync())
        .Select(r => r.RowKey).ToList();

    private static void AssertSame(SurveyResponse expected, SurveyResponse? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Answers = null! }, actual with { Answers = null! });
        Assert.Equal(expected.ContactEndedAt.Offset, actual.ContactEndedAt.Offset);
        Assert.Equal(expected.Answers with { Raw = null! }, actual.Answers with { Raw = null! });
        Assert.Equal(expected.Answers.Raw.ToList(), actual.Answers.Raw.ToList());
    }
}
