using CxBot.EndToEnd.Tests.Fakes;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Processes;

public sealed class BrowserRunnerTests(FakeBotPlayground fixture) : IClassFixture<FakeBotPlayground>
{
    [Fact]
    public async Task SendAndExpect_TypingHelp_ShowsTheBotsReplyAndSavesAScreenshot()
    {
        var screenshot = BrowserRunner.ScreenshotPath("fake-bot-help.png");
        File.Delete(screenshot);

        var result = await BrowserRunner.RunAsync(
            "send-and-expect",
            fixture.Playground.BaseUri,
            screenshot,
            new Dictionary<string, string?>
            {
                ["READY_TEXT"] = FakeBot.WelcomeText,
                ["MESSAGE"] = "help",
                ["EXPECT_TEXT"] = "pong: help",
            });

        Assert.True(result.Succeeded, result.Output);
        Assert.True(File.Exists(screenshot));
        await fixture.Bot.Activities.WaitForAsync(a => (string?)a["text"] == "help", TimeSpan.FromSeconds(1));
    }
}
