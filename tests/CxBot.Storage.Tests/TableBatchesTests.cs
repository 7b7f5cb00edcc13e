using Azure.Data.Tables;

namespace CxBot.Storage.Tests;

public sealed class TableBatchesTests
{
    private static TableTransactionAction Add(string partition, int row) =>
        new(TableTransactionActionType.Add, new TableEntity(partition, "r" + row));

    [Fact]
    public void Check_OnePartitionUpToAHundred_Passes()
    {
        TableBatches.Check([.. Enumerable.Range(0, 100).Select(i => Add("20261120", i))]);
    }

    [Fact]
    public void Check_MixedPartitions_IsRefusedBeforeSending()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TableBatches.Check([Add("20261120", 1), Add("20261121", 2)]));

        Assert.Contains("20261121", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MoreThanAHundredOperations_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => TableBatches.Check([.. Enumerable.Range(0, 101).Select(i => Add("p", i))]));
    }

    [Fact]
    public void Check_NoOperations_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => TableBatches.Check([]));
    }

    [Fact]
    public async Task SubmitChecked_MixedPartitions_ThrowsWithoutCallingTheService()
    {
        // An unreachable endpoint: a request would fail with a connection error, not the guard's exception.
        var table = new TableClient(new Uri("http://127.0.0.1:9/devstoreaccount1/Nothing"), "Nothing",
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[32])));

        await Assert.ThrowsAsync<InvalidOperationException>(() => table.SubmitCheckedAsync([Add("a", 1), Add("b", 2)], CancellationToken.None));
    }
}
