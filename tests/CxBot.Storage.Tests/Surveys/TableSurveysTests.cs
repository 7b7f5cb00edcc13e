using System.Globalization;
using Azure.Data.Tables;
using CxBot.Domain;
using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;
using CxBot.Domain.People;

namespace CxBot.Storage.Tests.Surveys;

[Collection(StorageCollection.Name)]
public sealed class TableSurveysTests(StorageFixture azurite)
{
    private async Task<ISurveys> SurveysAsync() => (await azurite.ForClassAsync<TableSurveysTests>()).Get<ISurveys>();

    [Fact]
    public async Task TryAdd_ThenGet_ReturnsEveryFieldAndAnETag()
    {
        var surveys = await SurveysAsync();
        var survey = TestData.Survey();

        Assert.True(await surveys.TryAddAsync(survey, CancellationToken.None));
        var stored = await surveys.GetAsync(survey.SurveyId, CancellationToken.None);

        Assert.NotNull(survey.ETag);
        AssertSame(survey, stored);
        Assert.Equal(SurveyStatus.Scheduled, stored!.Status);
        Assert.Equal([SurveyQuestion.Csat, SurveyQuestion.Nps, SurveyQuestion.Consent], stored.Questions);
    }

    [Fact]
    public async Task TryAdd_WithoutRecordedQuestions_ReadsBackNone()
    {
        var surveys = await SurveysAsync();
        var survey = TestData.Survey();
        var older = new Survey
        {
            SurveyId = survey.SurveyId, ContactId = survey.ContactId, Customer = survey.Customer, Agent = survey.Agent,
            Queue = survey.Queue, Channel = survey.Channel, ContactEndedAt = survey.ContactEndedAt, DefinitionId = "default",
            DefinitionVersion = 1, ScheduledAt = survey.ScheduledAt,
        };

        await surveys.TryAddAsync(older, CancellationToken.None);

        var stored = (await surveys.GetAsync(older.SurveyId, CancellationToken.None))!;
        Assert.Null(stored.Questions);
        Assert.Null(stored.TenantId);
    }

    [Fact]
    public async Task TryAdd_ExistingId_ReturnsFalseAndChangesNothing()
    {
        var surveys = await SurveysAsync();
        var survey = TestData.Survey();
        await surveys.TryAddAsync(survey, CancellationToken.None);

        var duplicate = TestData.Survey(survey.SurveyId);
        duplicate.BeginSend();

        Assert.False(await surveys.TryAddAsync(duplicate, CancellationToken.None));
        Assert.Equal(SurveyStatus.Scheduled, (await surveys.GetAsync(survey.SurveyId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Update_FromTheCurrentETag_StoresTheStateAndANewETag()
    {
        var surveys = await SurveysAsync();
        var survey = TestData.Survey();
        await surveys.TryAddAsync(survey, CancellationToken.None);
        var read = (await surveys.GetAsync(survey.SurveyId, CancellationToken.None))!;
        var readETag = read.ETag;

        read.BeginSend();
        read.MarkSent(TestData.Time.AddMinutes(2), "msteams", "a:conversation/1", "1795386688860", TimeSpan.FromDays(7));
        read.MarkReminded(TestData.Time.AddDays(1));
        read.MarkAnswered(TestData.Time.AddDays(2));
        await surveys.UpdateAsync(read, CancellationToken.None);
        var stored = await surveys.GetAsync(survey.SurveyId, CancellationToken.None);

        Assert.NotEqual(readETag, read.ETag);
        AssertSame(read, stored);
        Assert.Equal(SurveyStatus.Answered, stored!.Status);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task Update_TwoReadersOfOneSurvey_TheSecondWriterGetsAConcurrencyConflict()
    {
        var surveys = await SurveysAsync();
        var survey = TestData.Survey();
        await surveys.TryAddAsync(survey, CancellationToken.None);
        var first = (await surveys.GetAsync(survey.SurveyId, CancellationToken.None))!;
        var second = (await surveys.GetAsync(survey.SurveyId, CancellationToken.None))!;

        first.BeginSend();
        await surveys.UpdateAsync(first, CancellationToken.None);
        second.BeginSend();
        second.MarkSendFailed(SurveyFailureReason.Interrupted, "a stale dispatcher", maxAttempts: 1, permanent: true);
        var conflict = await Assert.ThrowsAsync<DomainConflictException>(() => surveys.UpdateAsync(second, CancellationToken.None));

        Assert.Equal(ConflictReason.Concurrency, conflict.Reason);
        var stored = (await surveys.GetAsync(survey.SurveyId, CancellationToken.None))!;
        Assert.Equal(SurveyStatus.Sending, stored.Status);
        Assert.Null(stored.LastError);
    }

    [Fact]
    public async Task Update_WebChatCustomerUndeliverable_RoundTripsTheCustomerAndTheError()
    {
        var surveys = await SurveysAsync();
        var survey = new Survey
        {
            SurveyId = TestData.NewId("survey"),
            ContactId = TestData.NewId("contact"),
            Customer = CustomerAddress.OnChannel("webchat", "User|1"),
            Agent = PersonRef.Agent("a", "A"),
            Queue = "q",
            Channel = "email",
            ContactEndedAt = TestData.Time,
            DefinitionId = "short",
            DefinitionVersion = 1,
            ScheduledAt = TestData.Time,
        };
        await surveys.TryAddAsync(survey, CancellationToken.None);

        survey.BeginSend();
        survey.MarkSendFailed(SurveyFailureReason.Blocked, "403 Forbidden: the bot is not installed", maxAttempts: 5, permanent: true);
        await surveys.UpdateAsync(survey, CancellationToken.None);
        var stored = await surveys.GetAsync(survey.SurveyId, CancellationToken.None);

        AssertSame(survey, stored);
        Assert.Null(stored!.Locale);
        Assert.Equal("webchat|User|1", stored.Customer.Key);
    }

    [Fact]
    public async Task Update_NeverReadSurvey_IsRefused()
    {
        var surveys = await SurveysAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => surveys.UpdateAsync(TestData.Survey(), CancellationToken.None));
    }

    [Theory]
    [InlineData("2026-11-20T00:30:00.0000000+01:00")]
    [InlineData("2026-11-19T20:15:00.0000000-03:30")]
    [InlineData("2026-11-20T05:45:00.0000000+05:45")]
    [InlineData("2026-11-20T00:30:00.0000000+14:00")]
    [InlineData("2026-11-19T23:30:00.0000000+00:00")]
    public async Task TryAddAndUpdate_ContactEndedAt_ComesBackInTheOffsetItWasGiven(string endedAt)
    {
        var surveys = await SurveysAsync();
        var survey = TestData.Survey(contactEndedAt: DateTimeOffset.Parse(endedAt, CultureInfo.InvariantCulture));

        await surveys.TryAddAsync(survey, CancellationToken.None);
        var added = (await surveys.GetAsync(survey.SurveyId, CancellationToken.None))!;
        added.BeginSend();
        await surveys.UpdateAsync(added, CancellationToken.None);
        var updated = (await surveys.GetAsync(survey.SurveyId, CancellationToken.None))!;

        Assert.Equal(endedAt, added.ContactEndedAt.ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(endedAt, updated.ContactEndedAt.ToString("O", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Get_RowWrittenBeforeTheOffsetColumn_ReturnsTheContactEndInUtc()
    {
        var storage = await azurite.ForClassAsync<TableSurveysTests>();
        var surveys = storage.Get<ISurveys>();
        var survey = TestData.Survey(contactEndedAt: new DateTimeOffset(2026, 11, 20, 0, 30, 0, TimeSpan.FromHours(1)));
        await surveys.TryAddAsync(survey, CancellationToken.None);
        var table = storage.Clients.Tables.GetTableClient(storage.Names.Surveys);
        var row = (await table.GetEntityAsync<TableEntity>(TableKeys.Escape(survey.SurveyId), "survey")).Value;
        Assert.True(row.Remove("ContactEndedOffsetMinutes"));
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var stored = (await surveys.GetAsync(survey.SurveyId, CancellationToken.None))!;

        Assert.Equal(survey.ContactEndedAt, stored.ContactEndedAt);
        Assert.Equal(TimeSpan.Zero, stored.ContactEndedAt.Offset);
    }

    private static void AssertSame(Survey expected, Survey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.SurveyId, actual.SurveyId);
        Assert.Equal(expected.ContactId, actual.ContactId);
        Assert.Equal(expected.Customer, actual.Customer);
        Assert.Equal(expected.Agent, actual.Agent);
        Assert.Equal(expected.Queue, actual.Queue);
        Assert.Equal(expected.TenantId, actual.TenantId);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.ContactEndedAt, actual.ContactEndedAt);
        Assert.Equal(expected.ContactEndedAt.Offset, actual.ContactEndedAt.Offset);
        Assert.Equal(expected.Locale, actual.Locale);
        Assert.Equal(expected.DefinitionId, actual.DefinitionId);
        Assert.Equal(expected.DefinitionVersion, actual.DefinitionVersion);
        Assert.Equal(expected.ScheduledAt, actual.ScheduledAt);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Attempts, actual.Attempts);
        Assert.Equal(expected.LastError, actual.LastError);
        Assert.Equal(expected.SentAt, actual.SentAt);
        Assert.Equal(expected.SentChannelId, actual.SentChannelId);
        Assert.Equal(expected.SentConversationId, actual.SentConversationId);
        Assert.Equal(expected.CardActivityId, actual.CardActivityId);
        Assert.Equal(expected.ExpiresAt, actual.ExpiresAt);
        Assert.Equal(expected.RemindedAt, actual.RemindedAt);
        Assert.Equal(expected.AnsweredAt, actual.AnsweredAt);
        Assert.Equal(expected.ETag, actual.ETag);
    }
}
