using System.Globalization;
using Azure.Data.Tables;
using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Surveys;

[Collection(StorageCollection.Name)]
public sealed class TableSurveyResponsesTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<ISurveyResponses> ResponsesAsync() => (await azurite.ForClassAsync<TableSurveyResponsesTests>()).Get<ISurveyResponses>();

    [Fact]
    public async Task TryAdd_ThenGetByContact_ReturnsEveryFieldAndEveryRawAnswerAsReceived()
    {
        var responses = await ResponsesAsync();
        var response = TestData.Response();

        Assert.True(await responses.TryAddAsync(response, None));
        var stored = await responses.GetByContactAsync(response.ContactId, None);

        AssertSame(response, stored);
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

        await responses.TryAddAsync(response, None);
        var stored = await responses.GetByContactAsync(response.ContactId, None);

        AssertSame(response, stored);
        Assert.Null(stored!.Answers.Expectation);
        Assert.Null(stored.Answers.ContactConsent);
    }

    [Fact]
    public async Task GetByContact_UnknownContact_ReturnsNull()
    {
        var responses = await ResponsesAsync();

        Assert.Null(await responses.GetByContactAsync(TestData.NewId("contact"), None));
    }

    [Fact]
    public async Task TryAdd_SecondResponseToTheSurvey_ReturnsFalseAndKeepsTheFirstEverywhere()
    {
        await using var storage = await azurite.IsolatedAsync("ResponsesSecond");
        var responses = storage.Get<ISurveyResponses>();
        var first = TestData.Response(csat: 1);
        var second = first with { AnsweredAt = first.AnsweredAt.AddMinutes(3), Answers = first.Answers with { Csat = 5 } };

        Assert.True(await responses.TryAddAsync(first, None));
        Assert.False(await responses.TryAddAsync(second, None));

        Assert.Equal(1, (await responses.GetByContactAsync(first.ContactId, None))!.Answers.Csat);
        var listed = Assert.Single(await ListAsync(responses, first.AnsweredAt.AddDays(-1), first.AnsweredAt.AddDays(1)));
        AssertSame(first, listed);
    }

    [Fact]
    public async Task TryAdd_RacingSubmitsOfOneSurvey_StoreOneResponse()
    {
        await using var storage = await azurite.IsolatedAsync("ResponsesRace");
        var responses = storage.Get<ISurveyResponses>();
        var response = TestData.Response();

        var results = await Concurrently.RunAsync(6, i => responses.TryAddAsync(response with { AnsweredAt = response.AnsweredAt.AddSeconds(i) }, None));

        Assert.Single(results, added => added);
        Assert.Single(await ListAsync(responses, response.AnsweredAt.AddDays(-1), response.AnsweredAt.AddDays(1)));
    }

    [Fact]
    public async Task ListAnswered_ReturnsHalfOpenPeriodOldestFirstAcrossMonths()
    {
        await using var storage = await azurite.IsolatedAsync("ResponsesPeriod");
        var responses = storage.Get<ISurveyResponses>();
        var from = new DateTimeOffset(2025, 1, 31, 23, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var answered = new Dictionary<string, DateTimeOffset>
        {
            ["before"] = from.AddTicks(-1),
            ["at-from"] = from,
            ["january-end"] = new DateTimeOffset(2025, 2, 1, 0, 59, 59, TimeSpan.FromHours(1)).AddTicks(9_999_999), // 23:59:59.9999999 UTC
            ["february-start"] = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero),
            ["last-tick"] = to.AddTicks(-1),
            ["at-to"] = to,
            ["next-year"] = from.AddYears(1),
        };
        foreach (var (name, at) in answered.Reverse())
        {
            await responses.TryAddAsync(TestData.Response(contactId: name, answeredAt: at), None);
        }

        var listed = await ListAsync(responses, from, to);

        Assert.Equal(["at-from", "january-end", "february-start", "last-tick"], listed.Select(r => r.ContactId));
        Assert.Equal(listed.Select(r => answered[r.ContactId]), listed.Select(r => r.AnsweredAt));
        Assert.Empty(await ListAsync(responses, to, from));
        Assert.Equal(["at-to"], (await ListAsync(responses, to, to.AddTicks(1))).Select(r => r.ContactId));
    }

    [Fact]
    public async Task TryAdd_AfterACrashBetweenTheTwoWrites_RepairsThePeriodCopyFromTheFirstAnswer()
    {
        await using var storage = await azurite.IsolatedAsync("ResponsesRepair");
        var responses = storage.Get<ISurveyResponses>();
        var first = TestData.Response();
        await responses.TryAddAsync(first, None);
        await DeletePeriodCopiesAsync(storage);
        Assert.Empty(await ListAsync(responses, first.AnsweredAt.AddDays(-1), first.AnsweredAt.AddDays(1)));
        Assert.NotNull(await responses.GetByContactAsync(first.ContactId, None));

        var retried = first with { AnsweredAt = first.AnsweredAt.AddMinutes(1), Answers = first.Answers with { Csat = 4 } };
        Assert.False(await responses.TryAddAsync(retried, None));

        var repaired = Assert.Single(await ListAsync(responses, first.AnsweredAt.AddDays(-1), first.AnsweredAt.AddDays(1)));
        AssertSame(first, repaired);
    }

    [Fact]
    public async Task TryAdd_RawAnswersBeyondAStringColumn_IsRefusedNotCut()
    {
        var responses = await ResponsesAsync();
        var response = TestData.Response();
        response = response with
        {
            Answers = response.Answers with { Raw = new Dictionary<string, string> { ["comment"] = new('x', 40_000) } },
        };

        await Assert.ThrowsAsync<ArgumentException>(() => responses.TryAddAsync(response, None));
        Assert.Null(await responses.GetByContactAsync(response.ContactId, None));
    }

    [Fact]
    public async Task TryAdd_ContactEndedAt_ComesBackInItsOffsetByContactAndByPeriod()
    {
        await using var storage = await azurite.IsolatedAsync("ResponsesOffset");
        var responses = storage.Get<ISurveyResponses>();
        const string EndedAt = "2026-11-20T00:30:00.0000000+01:00";
        var response = TestData.Response() with { ContactEndedAt = DateTimeOffset.Parse(EndedAt, CultureInfo.InvariantCulture) };

        await responses.TryAddAsync(response, None);
        var byContact = (await responses.GetByContactAsync(response.ContactId, None))!;
        var byPeriod = Assert.Single(await ListAsync(responses, response.AnsweredAt.AddDays(-1), response.AnsweredAt.AddDays(1)));

        Assert.Equal(EndedAt, byContact.ContactEndedAt.ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(EndedAt, byPeriod.ContactEndedAt.ToString("O", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GetByContact_RowWrittenBeforeTheOffsetColumn_ReturnsTheContactEndInUtc()
    {
        await using var storage = await azurite.IsolatedAsync("ResponsesNoOffset");
        var responses = storage.Get<ISurveyResponses>();
        var response = TestData.Response();
        await responses.TryAddAsync(response, None);
        var table = storage.Clients.Tables.GetTableClient(storage.Names.ResponsesByContact);
        var row = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.True(row.Remove("ContactEndedOffsetMinutes"));
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var stored = (await responses.GetByContactAsync(response.ContactId, None))!;

        Assert.Equal(response.ContactEndedAt, stored.ContactEndedAt);
        Assert.Equal(TimeSpan.Zero, stored.ContactEndedAt.Offset);
    }

    private static async Task<List<SurveyResponse>> ListAsync(ISurveyResponses responses, DateTimeOffset from, DateTimeOffset to) =>
        await responses.ListAnsweredAsync(from, to, None).ToListAsync();

    private static async Task DeletePeriodCopiesAsync(TestStorage storage)
    {
        var table = storage.Clients.Tables.GetTableClient(storage.Names.Responses);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
    }

    private static void AssertSame(SurveyResponse expected, SurveyResponse? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Answers = null! }, actual with { Answers = null! });
        Assert.Equal(expected.ContactEndedAt.Offset, actual.ContactEndedAt.Offset);
        Assert.Equal(expected.Answers with { Raw = null! }, actual.Answers with { Raw = null! });
        Assert.Equal(expected.Answers.Raw.ToList(), actual.Answers.Raw.ToList());
    }
}
