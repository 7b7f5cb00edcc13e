using System.Net;
using System.Net.Sockets;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Processes;

public sealed class BotProcessTests
{
    [Fact]
    public void DefaultAppPath_IsTheBuiltAppOfThisConfiguration()
    {
        Assert.True(File.Exists(BotProcess.DefaultAppPath), BotProcess.DefaultAppPath);
    }

    [Fact]
    public async Task StartAsync_WhenTheAppIsNotBuilt_SaysSo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "nowhere", "CxBot.App.dll");

        var failure = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            BotProcess.StartAsync(new BotProcessOptions { AppPath = missing }));

        Assert.Contains("not built", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WhenTheAppExitsAtStartup_FailsFastWithItsOutput()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var busy = $"http://127.0.0.1:{((IPEndPoint)squatter.LocalEndpoint).Port}";
        var options = new BotProcessOptions
        {
            Settings = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = busy, ["Bot__AllowUnauthenticated"] = "true" },
        };

        var failure = await Assert.ThrowsAsync<ProcessFixtureException>(() => BotProcess.StartAsync(options));

        Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("address already in use", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartAsync_WithoutAnIdentityOrTheDevelopmentSwitch_TheAppRefusesToStartAndSaysWhy()
    {
        var failure = await Assert.ThrowsAsync<ProcessFixtureException>(() => BotProcess.StartAsync(new BotProcessOptions()));

        Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:AppId", failure.Message, StringComparison.Ordinal);
    }
}
