using System.Net;
using System.Net.Sockets;
using CxBot.EndToEnd.Tests.Fakes;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Processes;

public sealed class PlaygroundProcessTests
{
    [Fact]
    public async Task StartAsync_WhenThePortIsBusy_ReportsThePortItFellBackToAndDisposeStopsIt()
    {
        await using var bot = await FakeBot.StartAsync();
        using var squatter = new TcpListener(IPAddress.Any, 0);
        squatter.Start();
        var busyPort = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var playground = await PlaygroundProcess.StartAsync(new PlaygroundOptions(bot.Endpoint) { Port = busyPort });
        var pid = playground.ProcessId;
        var port = playground.Port;
        using (var http = new HttpClient())
        {
            Assert.Equal("pong", await http.GetStringAsync(new Uri(playground.BaseUri, "_debug/ping")));
        }

        await playground.DisposeAsync();

        Assert.NotEqual(busyPort, port);
        Assert.Equal(new Uri($"http://localhost:{port}/_connector"), playground.ServiceUrl);
        Assert.False(AzuriteProcessTests.IsRunning(pid));
        Assert.False(FreePort.IsListening(port));
    }
}
