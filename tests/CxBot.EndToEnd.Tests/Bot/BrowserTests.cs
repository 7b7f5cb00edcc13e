using System.Text.Json.Nodes;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>The real Playground page in headless Chromium against the real bot; each test saves a screenshot.</summary>
public sealed class BrowserTests(TeamsBot bot) : IClassFixture<TeamsBot>
{
    [Fact]
    public async Task PlaygroundPage_TypingHelp_ShowsTheCommandList()
    {
        var screenshot = BrowserRunner.ScreenshotPath("bot-help.png");
        File.Delete(screenshot);

        var result = await BrowserRunner.RunAsync("send-and-expect", bot.Playground.BaseUri, screenshot, new Dictionary<string, string?>
        {
            ["READY_TEXT"] = "Welcome to CxBot",
            ["MESSAGE"] = "help",
            ["EXPECT_TEXT"] = "What you can do here",
        });

        Assert.True(result.Succeeded, result.Output);
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    [Fact]
    public async Task PlaygroundPage_AnsweringTheSurveyByClicking_ShowsTheThankYouCard()
    {
        var screenshot = BrowserRunner.ScreenshotPath("bot-survey-thank-you.png");
        File.Delete(screenshot);
        var contactId = "browser-" + Guid.NewGuid().ToString("N")[..8];
        var contact = Contact(contactId);

        var result = await BrowserRunner.RunAsync("answer-survey", bot.Playground.BaseUri, screenshot, new Dictionary<string, string?>
        {
            ["READY_TEXT"] = "Welcome to CxBot",
            ["CONTACT_URL"] = new Uri(bot.Bot.BaseUri, "api/contacts").ToString(),
            ["API_KEY"] = RealBot.ApiKey,
            ["CONTACT_JSON"] = contact.ToJsonString(),
            ["RATING"] = "4",
            ["EXPECT_TEXT"] = "Thank you!",
        }, timeout: TimeSpan.FromSeconds(90));

        Assert.True(result.Succeeded, result.Output);
        Assert.True(new FileInfo(screenshot).Length > 0);
        var stored = await bot.StoredResponseAsync(contactId);
        Assert.Equal(4, stored!.Answers.Csat);
    }

    [Fact]
    public async Task PlaygroundPage_SupervisorSetsTheFollowUpsChannel_AndClaimsTheFollowUpOfALowScore()
    {
        var screenshot = BrowserRunner.ScreenshotPath("bot-follow-up-claimed.png");
        File.Delete(screenshot);
        var contactId = "browser-low-" + Guid.NewGuid().ToString("N")[..8];

        var result = await BrowserRunner.RunAsync("supervisor-follow-up", bot.Playground.BaseUri, screenshot, new Dictionary<string, string?>
        {
            ["CONTACT_URL"] = new Uri(bot.Bot.BaseUri, "api/contacts").ToString(),
            ["API_KEY"] = RealBot.ApiKey,
            ["CONTACT_JSON"] = Contact(contactId).ToJsonString(),
        }, timeout: TimeSpan.FromSeconds(120));

        Assert.True(result.Succeeded, result.Output);
        var followUp = await bot.Storage<IFollowUps>().GetAsync(SurveyIds.For(contactId), CancellationToken.None);
        Assert.Equal(FollowUpStatus.Claimed, followUp!.Status);
        Assert.Equal("Alex Wilber", followUp.Owner!.DisplayName);
    }

    private static JsonObject Contact(string contactId) => new()
    {
        ["contactId"] = contactId,
        ["customer"] = RealBot.TeamsCustomer(),
        ["agent"] = new JsonObject { ["id"] = "agent-7", ["displayName"] = "Sam de Boer" },
        ["queue"] = "billing",
        ["channel"] = "chat",
        ["endedAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
    };
}
