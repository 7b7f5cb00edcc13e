using Azure.Data.Tables;
using Azure.Storage.Queues;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Processes;

[Collection(SharedAzurite.Name)]
public sealed class AzuriteProcessTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task TableClient_UpsertThenGet_RoundTripsTheEntity()
    {
        var table = new TableClient(azurite.ConnectionString, "roundtrip");
        await table.CreateIfNotExistsAsync();

        await table.UpsertEntityAsync(new TableEntity("survey-1", "answer-1") { ["Score"] = 4, ["Comment"] = "Snel geholpen" });
        var stored = await table.GetEntityAsync<TableEntity>("survey-1", "answer-1");

        Assert.Equal(4, stored.Value.GetInt32("Score"));
        Assert.Equal("Snel geholpen", stored.Value.GetString("Comment"));
    }

    [Fact]
    public async Task QueueClient_SendThenReceive_ReturnsTheMessage()
    {
        var queue = new QueueClient(azurite.ConnectionString, "roundtrip");
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("follow-up 42");
        var received = await queue.ReceiveMessageAsync();

        Assert.Equal("follow-up 42", received.Value.MessageText);
    }

    [Fact]
    public void ConnectionString_NamesTheLoopbackEndpointsItListensOn()
    {
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{azurite.TablePort}/devstoreaccount1", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"QueueEndpoint=http://127.0.0.1:{azurite.QueuePort}/devstoreaccount1", azurite.ConnectionString, StringComparison.Ordinal);
        Assert.True(FreePort.IsListening(azurite.TablePort));
        Assert.True(FreePort.IsListening(azurite.QueuePort));
        Assert.True(FreePort.IsListening(azurite.BlobPort));
    }

    [Fact]
    public async Task DisposeAsync_StopsTheProcessAndFreesItsPorts()
    {
        var own = await AzuriteProcess.StartAsync();
        var pid = own.ProcessId;

        await own.DisposeAsync();

        Assert.False(IsRunning(pid));
        Assert.False(FreePort.IsListening(own.TablePort));
    }

    internal static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
