using System.Net;
using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.App.Tests.Support;
using CxBot.Domain.Surveys;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Surveys;

/// <summary>The Web Chat path: the card goes into the chat the bot knows, the answer comes as an Action.Submit message, the card is edited.</summary>
[Collection(AppAzurite.Name)]
public sealed class WebChatSurveyTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);

    private SurveyFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AWebChatCustomerGetsTheCardInTheirChat()
    {
        var userId = "dl_" + Guid.NewGuid().ToString("N");
        var conversationId = await Flow.OpenWebChatAsync(userId);

        var survey = await SendAsync(userId);

        Assert.Equal(conversationId, survey.ConversationId);
        var send = Assert.Single(SurveyFlow.SurveyCardSends(_app.Connector));
        Assert.Equal(SurveyFlow.WebChatServiceUrl, send.ServiceUrl);
        Assert.Equal(userId, send.Activity!.Recipient?.Id);
        var stored = (await _app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, default))!;
        Assert.Equal((SurveyStatus.Sent, "webchat", conversationId, survey.CardActivityId),
            (stored.Status, stored.SentChannelId, stored.SentConversationId, stored.CardActivityId));
    }

    [Fact]
    public async Task AnActionSubmitAnswerEditsTheCardIntoTheThankYouCard()
    {
        var userId = "dl_" + Guid.NewGuid().ToString("N");
        var conversationId = await Flow.OpenWebChatAsync(userId);
        var survey = await SendAsync(userId);

        using var response = await _app.PostActivityAsync(Submit(userId, conversationId, survey.Answer(("csat", "5")), survey.CardActivityId!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = Assert.Single(_app.Connector.CallsOf(ConnectorOperation.Update));
        Assert.Equal((SurveyFlow.WebChatServiceUrl, conversationId, survey.CardActivityId), (update.ServiceUrl, update.ConversationId, update.ActivityId));
        CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.None, BotCulture.English), SurveyFlow.CardOf(update));
        var stored = (await _app.Services.GetRequiredService<CxBot.App.Surveys.SurveyResponseLookup>().FindByContactAsync(survey.ContactId, default))!;
        Assert.Equal(5, stored.Answers.Csat);
        Assert.Equal(await _app.Services.GetRequiredService<CxBot.App.Surveys.CustomerPseudonyms>().OfAsync("webchat|" + userId, default), stored.CustomerId);
        Assert.Equal(SurveyFlow.Channel, stored.Channel);
    }

    [Fact]
    public async Task AnotherWebChatUserSubmittingTheSameDataIsRefused()
    {
        var userId = "dl_" + Guid.NewGuid().ToString("N");
        var conversationId = await Flow.OpenWebChatAsync(userId);
        var survey = await SendAsync(userId);

        using var response = await _app.PostActivityAsync(Submit("dl_intruder", conversationId, survey.Answer(("csat", "1")), survey.CardActivityId!));

        var update = Assert.Single(_app.Connector.CallsOf(ConnectorOperation.Update));
        CardNodes.AssertSameCard(SurveyUnavailableCard.Build(BotCulture.English), SurveyFlow.CardOf(update));
        Assert.Null(await _app.Services.GetRequiredService<CxBot.App.Surveys.SurveyResponseLookup>().FindByContactAsync(survey.ContactId, default));
    }

    [Fact]
    public async Task AnInvalidSubmitEditsTheCardToShowTheMessage()
    {
        var userId = "dl_" + Guid.NewGuid().ToString("N");
        var conversationId = await Flow.OpenWebChatAsync(userId);
        var survey = await SendAsync(userId);

        await _app.PostActivityAsync(Submit(userId, conversationId, survey.Answer(("csat", "7")), survey.CardActivityId!));

        var card = SurveyFlow.CardOf(Assert.Single(_app.Connector.CallsOf(ConnectorOperation.Update)))!;
        Assert.Equal(SurveyFieldError.Invalid("csat", BotCulture.English).Message, CardNodes.ById(card, "csat-error")?["text"]?.GetValue<string>());
        Assert.Null(await _app.Services.GetRequiredService<CxBot.App.Surveys.SurveyResponseLookup>().FindByContactAsync(survey.ContactId, default));
    }

    [Fact]
    public async Task AWebChatCustomerWithoutAKnownChatIsUndeliverable()
    {
        var (_, surveyId) = await Flow.ScheduleAsync(Flow.WebChatContact("dl_never-seen"));

        await _app.DispatchAsync();

        var stored = (await _app.Services.GetRequiredService<ISurveys>().GetAsync(surveyId, default))!;
        Assert.Equal(SurveyStatus.Undeliverable, stored.Status);
        Assert.Contains("must have opened the chat first", stored.LastError, StringComparison.Ordinal);
        Assert.Empty(SurveyFlow.SurveyCardSends(_app.Connector));
    }

    private async Task<DeliveredSurvey> SendAsync(string userId)
    {
        var (contactId, surveyId) = await Flow.ScheduleAsync(Flow.WebChatContact(userId));
        await _app.DispatchAsync();
        return Flow.Delivered(surveyId, contactId);
    }

    private static JsonObject Submit(string userId, string conversationId, JsonObject value, string replyToId)
    {
        var message = SurveyFlow.WebChatActivity("message", userId, conversationId);
        message["replyToId"] = replyToId;
        message["value"] = value;
        return message;
    }
}
