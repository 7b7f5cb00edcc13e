using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>The learnings search in the real Playground page (headless Chromium); screenshots are kept in artifacts/screenshots.</summary>
public sealed class LearningsBrowserTests(SignalsBot bot) : IClassFixture<SignalsBot>
{
    [Fact]
    public async Task PlaygroundPage_SearchCommand_ListsTheLearning_AndChoosingItPutsItsCardInTheComposeBox()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..6];
        var problem = $"Parcel {marker} marked delivered but not received";
        await LearningPublishing.PublishAsync(bot, problem, "Ask the carrier for the proof of delivery; after 48 hours start a claim.");
        var screenshot = BrowserRunner.ScreenshotPath("learnings-search.png");
        File.Delete(screenshot);

        var result = await BrowserRunner.RunAsync("learnings-search", bot.Playground.BaseUri, screenshot, new Dictionary<string, string?>
        {
            ["READY_TEXT"] = "Welcome to CxBot",
            ["QUERY"] = $"parcels {marker} delivered",
            ["TITLE"] = problem,
            ["PROBLEM"] = problem,
        }, timeout: TimeSpan.FromSeconds(150));

        Assert.True(result.Succeeded, result.Output);
        Assert.True(new FileInfo(screenshot).Length > 0);
        Assert.True(new FileInfo(screenshot.Replace(".png", "-results.png", StringComparison.Ordinal)).Length > 0);
    }
}
