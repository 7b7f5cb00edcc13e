using Azure.Data.Tables;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Setup;

[Collection(StorageCollection.Name)]
public sealed class StorageInitializerTests(StorageFixture azurite)
{
    [Fact]
    public async Task Initializer_CreatesEveryTableAndQueueUnderThePrefix()
    {
        await using var storage = await azurite.IsolatedAsync(nameof(StorageInitializerTests));

        var filter = TableClient.CreateQueryFilter($"TableName ge {storage.Prefix} and TableName lt {storage.Prefix + "~"}");
        var tables = new List<string>();
        await foreach (var table in storage.Clients.Tables.QueryAsync(filter))
        {
            tables.Add(table.Name);
        }

        Assert.Equal(storage.Names.AllTables.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.Equal(31, tables.Count);
        foreach (var queue in storage.Names.AllQueues)
        {
            Assert.True((await storage.Clients.Queues.GetQueueClient(queue).ExistsAsync()).Value, queue);
        }
    }
}
