using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CxBot.App.FollowUps;
using CxBot.App.Localization;
using CxBot.App.Messaging;
using CxBot.App.Surveys.Cards;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.FollowUps;

/// <summary>Low scores open a follow-up whose card is queued for the follow-ups channel; the customer's thank-you promises only what was created.</summary>
[Collection(AppAzurite.Name)]
public sealed class ServiceRecoveryTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite, new Dictionary<string, string?> { ["FollowUps:DueHours"] = "6" });

    private SurveyFlow Flow => new(_app);

    private IFollowUps FollowUps => _app.Services.GetRequiredService<IFollowUps>();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ALowScoreWithConsentOpensACallBackQueuesItsCardAndPromisesTheCallBack()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var answeredAt = _app.Time.GetUtcNow();

        var thanks = CardNodes.CardIn(await Flow.ExecuteAsync(customer, survey.Answer(("csat", "2"), ("consent", "true"), ("comment", "Nobody listened."))));

        CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.CallBack, BotCulture.English, callBackWithinHours: 6), thanks);
        Assert.Contains("will contact you within 6 hours", CardNodes.VisibleText(thanks), StringComparison.Ordinal);
        var followUp = (await FollowUps.GetAsync(survey.SurveyId, default))!;
        Assert.True(followUp.CallBack);
        Assert.Equal(FollowUpReasons.LowCsat, followUp.Reasons);
        Assert.Equal(answeredAt.AddHours(6), followUp.DueAt);
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
        Assert.Equal((survey.ContactId, SurveyFlow.AgentId, SurveyFlow.Queue, 2, customer.Name, TeamsUser.TenantId),
            (followUp.ContactId, followUp.Agent.AgentId, followUp.Queue, followUp.Csat, followUp.CustomerName, followUp.TenantId));
        var storedSurvey = (await _app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, default))!;
        Assert.Equal(FollowUpSource.SurveyResponse(survey.SurveyId, _app.Services.GetRequiredService<ReportingCalendar>().DayOf(storedSurvey.ContactEndedAt)),
            followUp.Source);
        Assert.Null(followUp.Card);

        var queued = Assert.Single(CardPosts());
        Assert.Equal(new ProactiveMessage("followup-card|" + survey.SurveyId, new ToChannel(TeamsUser.TenantId, ChannelPurpose.FollowUps, SurveyFlow.Queue),
            ContentKind: "followup-card", SubjectId: survey.SurveyId), queued);
        Assert.DoesNotContain(_app.Connector.CallsOf(ConnectorOperation.Send), c => c.ConversationId == TeamsUser.TeamId);

        var sent = Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services));
        var stored = (await FollowUps.GetAsync(survey.SurveyId, default))!;
        Assert.Equal(sent.Posted, stored.Card);
        var expected = await _app.Services.GetRequiredService<FollowUpCardFactory>().BuildAsync(stored, BotCulture.English, banner: null, default);
        Assert.True(JsonNode.DeepEquals(expected, sent.Content.Card), sent.Content.Card?.ToJsonString());
        Assert.Contains("Customer: \n" + customer.Name, CardNodes.VisibleText(sent.Content.Card!), StringComparison.Ordinal);
        Assert.Contains("Nobody listened.", CardNodes.VisibleText(sent.Content.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCustomersCommentIsStoredOnceAndTheFollowUpCardReadsItFromTheResponse()
    {
        const string comment = "Promised a refund twice, nothing happened (unique 7f3e).";
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        await Flow.ExecuteAsync(customer, survey.Answer(("csat", "1"), ("consent", "true"), ("comment", comment)));
        var sent = Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services));

        Assert.Contains(comment, CardNodes.VisibleText(sent.Content.Card!), StringComparison.Ordinal);
        // A follow-up stored before it kept the response's day finds the response through its survey.
        var followUp = (await FollowUps.GetAsync(survey.SurveyId, default))!;
        var older = new FollowUp
        {
            FollowUpId = followUp.FollowUpId, Source = FollowUpSource.SurveyResponse(survey.SurveyId), ContactId = followUp.ContactId,
            Agent = followUp.Agent, Queue = followUp.Queue, Reasons = followUp.Reasons, CallBack = followUp.CallBack, CreatedAt = followUp.CreatedAt,
            DueAt = followUp.DueAt,
        };
        Assert.Equal(comment, await _app.Services.GetRequiredService<FollowUpComments>().OfAsync(older, default));

        // One row holds it: the response's (its Comment, and the raw inputs it was parsed from).
        var (table, columns) = Assert.Single(await RowsHoldingAsync(comment));
        Assert.Equal(_app.Services.GetRequiredService<StorageNames>().SurveyResponses, table);
        Assert.Contains("Comment", columns);
    }

    // Every row, in every table the app uses, with a string column holding the text: its table and those columns.
    private async Task<List<(string Table, List<string> Columns)>> RowsHoldingAsync(string text)
    {
        var clients = _app.Services.GetRequiredService<StorageClients>();
        var found = new List<(string, List<string>)>();
        foreach (var table in _app.Services.GetRequiredService<StorageNames>().AllTables)
        {
            await foreach (var row in clients.Tables.GetTableClient(table).QueryAsync<TableEntity>())
            {
                var columns = row.Where(c => c.Value is string v && v.Contains(text, StringComparison.Ordinal)).Select(c => c.Key).ToList();
                if (columns.Count > 0)
                {
                    found.Add((table, columns));
                }
            }
        }

        return found;
    }

    [Theory]
    [InlineData("expectation", "worse", FollowUpReasons.WorseThanExpected)]
    [InlineData("resolution", "no", FollowUpReasons.NotResolved)]
    public async Task AGoodScoreWithABadAnswerOpensAFollowUpWithoutCallBackAndPromisesNoContact(string input, string value, FollowUpReasons reason)
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);

        var thanks = CardNodes.CardIn(await Flow.ExecuteAsync(customer, survey.Answer(("csat", "4"), (input, value))));

        CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.ReviewWithoutContact, BotCulture.English), thanks);
        var text = CardNodes.VisibleText(thanks);
        Assert.Contains("Our team will look into what went wrong", text, StringComparison.Ordinal);
        Assert.DoesNotContain("will contact you", text, StringComparison.Ordinal);
        var followUp = (await FollowUps.GetAsync(survey.SurveyId, default))!;
        Assert.False(followUp.CallBack);
        Assert.Equal(reason, followUp.Reasons);
        Assert.Single(CardPosts());
    }

    [Fact]
    public async Task ASatisfiedCustomerGetsAPlainThankYouAndNoFollowUp()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);

        var thanks = CardNodes.CardIn(await Flow.ExecuteAsync(customer, survey.Answer(("csat", "5"), ("consent", "true"))));

        CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.None, BotCulture.English), thanks);
        Assert.Null(await FollowUps.GetAsync(survey.SurveyId, default));
        Assert.Empty(_app.ProactiveMessages.Enqueued);
    }

    [Fact]
    public async Task ALowScoreFromWebChatOpensAFollowUpForTheTenantTheContactNames()
    {
        var userId = "dl_" + Guid.NewGuid().ToString("N");
        var conversationId = await Flow.OpenWebChatAsync(userId);
        // A web chat customer has no Teams tenant: the contact names the owning tenant (or Bot:TenantId does).
        var contact = Flow.WebChatContact(userId);
        contact["tenantId"] = TeamsUser.TenantId;
        var survey = await Flow.SendWebChatAsync(contact);

        await Flow.SubmitInWebChatAsync(userId, conversationId, survey, survey.Answer(("csat", "1"), ("consent", "true")));

        var followUp = (await FollowUps.GetAsync(survey.SurveyId, default))!;
        Assert.True(followUp.CallBack);
        Assert.Equal(TeamsUser.TenantId, followUp.TenantId);
        Assert.Single(CardPosts());
        var edit = Assert.Single(_app.Connector.CallsOf(ConnectorOperation.Update));
        CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.CallBack, BotCulture.English, callBackWithinHours: 6), SurveyFlow.CardOf(edit));
    }

    [Fact]
    public async Task TheFollowUpCardIsQueuedOnceEvenWhenTheAnswerIsSentTwice()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);

        await Task.WhenAll(
            Flow.ExecuteAsync(customer, survey.Answer(("csat", "1"), ("consent", "true"))),
            Flow.ExecuteAsync(customer, survey.Answer(("csat", "1"), ("consent", "true"))));

        Assert.Single(CardPosts());
        Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("5", false)]
    public async Task TheStoredResponseNamesItsFollowUp(string csat, bool followedUp)
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);

        await Flow.ExecuteAsync(customer, survey.Answer(("csat", csat)));

        var response = await _app.Services.GetRequiredService<CxBot.App.Surveys.SurveyResponseLookup>().FindByContactAsync(survey.ContactId, default);
        Assert.Equal(followedUp ? survey.SurveyId : null, response!.FollowUpId);
        Assert.Equal(followedUp, await FollowUps.GetAsync(survey.SurveyId, default) is not null);
    }

    private IEnumerable<ProactiveMessage> CardPosts() =>
        _app.ProactiveMessages.Enqueued.Where(m => m.ContentKind == FollowUpService.CardKind && m.Target is ToChannel);
}
