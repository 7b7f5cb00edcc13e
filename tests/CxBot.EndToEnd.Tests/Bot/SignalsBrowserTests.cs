using CxBot.Domain.Signals;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>Signals in the real Playground page (headless Chromium), the page's user being an agent; screenshots are kept in artifacts/screenshots.</summary>
public sealed class SignalsBrowserTests(SignalsBot bot) : IClassFixture<SignalsBot>
{
    [Fact]
    public async Task PlaygroundPage_LogAsCustomerSignalFromAMessagesMenu_OpensThePrefilledFormAndStoresTheSignal()
    {
        var screenshot = BrowserRunner.ScreenshotPath("signal-message-action.png");
        File.Delete(screenshot);
        var message = "Customer says the monthly fee doubled " + Guid.NewGuid().ToString("N")[..8];

        var result = await BrowserRunner.RunAsync("signal-message-action", bot.Playground.BaseUri, screenshot, new Dictionary<string, string?>
        {
            ["READY_TEXT"] = "Welcome to CxBot",
            ["MESSAGE"] = message,
            ["COMMAND_ID"] = App.Signals.SignalCaptureHandler.MessageActionCommandId,
            ["TOPIC"] = "Billing",
            ["EXPECT_TEXT"] = "Signal logged: Complaint, Billing.",
        }, timeout: TimeSpan.FromSeconds(150));

        Assert.True(result.Succeeded, result.Output);
        Assert.True(new FileInfo(screenshot).Length > 0);
        Assert.True(new FileInfo(screenshot.Replace(".png", "-form.png", StringComparison.Ordinal)).Length > 0);
        var stored = await bot.WaitForSignalAsync(s => s.Description.Contains(message, StringComparison.Ordinal));
        Assert.Equal((SignalCapture.MessageAction, SignalKind.Complaint, "billing"), (stored.Capture, stored.Kind, stored.TopicKey));
    }

    [Fact]
    public async Task PlaygroundPage_SignalFormIsFilledAndSent_ThenASupervisorsListCardShowsTheRowWithItsActions()
    {
        var screenshot = BrowserRunner.ScreenshotPath("signal-form-and-list.png");
        File.Delete(screenshot);
        var description = "Paper invoice asked for three times " + Guid.NewGuid().ToString("N")[..8];

        var result = await BrowserRunner.RunAsync("signal-form-and-list", bot.Playground.BaseUri, screenshot, new Dictionary<string, string?>
        {
            ["READY_TEXT"] = "Welcome to CxBot",
            ["DESCRIPTION"] = description,
            ["TOPIC"] = "Billing",
            ["SUPERVISOR_JSON"] = bot.Client.Account(SignalsBot.Supervisor).ToJsonString(),
        }, timeout: TimeSpan.FromSeconds(150));

        Assert.True(result.Succeeded, result.Output);
        foreach (var part in new[] { "", "-form", "-list" })
        {
            Assert.True(new FileInfo(screenshot.Replace(".png", part + ".png", StringComparison.Ordinal)).Length > 0, part);
        }

        var stored = await bot.WaitForSignalAsync(s => s.Description == description);
        Assert.Equal((SignalCapture.Form, SignalSeverity.High, "billing", SignalStatus.New), (stored.Capture, stored.Severity, stored.TopicKey, stored.Status));
    }
}
