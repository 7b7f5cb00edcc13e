using System.Text.Json.Nodes;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>The Web Chat path: the Playground started as channel <c>webchat</c>, where cards answer with Action.Submit.</summary>
public sealed class WebChatEndToEndTests(WebChatBot bot) : IClassFixture<WebChatBot>
{
    [Fact]
    public async Task WebChatCustomer_AnswersTheSurveyWithActionSubmit_AndTheCardBecomesTheThankYou()
    {
        var client = bot.Client;
        await client.InstallAsync();
        await client.WaitForMessageAsync(m => RealBot.CardContains(m, "Welcome to CxBot"));
        var contactId = "webchat-" + Guid.NewGuid().ToString("N")[..8];

        var decision = await bot.PostContactAsync(new JsonObject { ["channelId"] = "webchat", ["userId"] = client.Config.CurrentUser.Id }, contactId);
        Assert.Equal("scheduled", (string?)decision["status"]);

        var survey = await client.WaitForMessageAsync(m => RealBot.CardContains(m, "How did we do?"), TimeSpan.FromSeconds(20));
        var send = survey.AdaptiveCard["actions"]!.AsArray().OfType<JsonObject>().Single();
        Assert.Equal("Action.Submit", (string?)send["fallback"]!["type"]);
        await client.SubmitAsync(survey.ConversationId, survey.MessageId!, RealBot.Answer(survey.AdaptiveCard, ("csat", "5"), ("resolution", "yes")));

        var thanks = await client.WaitForMessageAsync(m => m.Action == PlaygroundMessageAction.Update && m.MessageId == survey.MessageId, TimeSpan.FromSeconds(10));
        Assert.True(RealBot.CardContains(thanks, "Thank you!"), thanks.ToString());
        var stored = await bot.StoredResponseAsync(contactId);
        Assert.Equal(5, stored!.Answers.Csat);
    }
}
