using CxBot.Domain.Conversations;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests;

/// <summary>Keys are escaped reversibly, and one longer than the Table service takes is refused before any storage call.</summary>
[Collection(StorageCollection.Name)]
public sealed class TableKeysTests(StorageFixture azurite)
{
    [Fact]
    public void Join_EscapesTheSeparatorInsideAPart_AndCountsItTowardsTheLimit()
    {
        Assert.Equal("aad|a%7Cb%2Fc", TableKeys.Join("aad", "a|b/c"));
        Assert.Equal(9, TableKeys.PartLength("a|b/c"));
    }

    [Fact]
    public void AKeyAtTheLimit_IsBuilt_AndOneCharacterMore_IsRefused()
    {
        Assert.Equal(TableKeys.MaxKeyLength, TableKeys.Escape(new string('k', TableKeys.MaxKeyLength)).Length);
        Assert.Equal(TableKeys.MaxKeyLength, TableKeys.Join("p", new string('k', TableKeys.MaxKeyLength - 2)).Length);

        var escaped = Assert.Throws<TableKeyTooLongException>(() => TableKeys.Escape(new string('/', 171)));
        Assert.Equal(513, escaped.Length);
        // Each part is short, but the '|' inside the tenant id triples when joined: 4 + 768.
        var joined = Assert.Throws<TableKeyTooLongException>(() => TableKeys.Join("aad", new string('|', 256)));
        Assert.Equal(772, joined.Length);
    }

    [Fact]
    public async Task AnAdapterGivenIdsThatMakeAnOverlongKey_RefusesBeforeAnyStorageCall()
    {
        var records = (await azurite.ForClassAsync<TableKeysTests>()).Get<IConversationRecords>();
        var record = new ConversationRecord
        {
            ChannelId = "msteams",
            ConversationId = "19:channel@thread.tacv2",
            ConversationType = "channel",
            TeamId = new string('/', 170),
            Reference = "{}",
            LastSeen = TestData.Time,
        };

        await Assert.ThrowsAsync<TableKeyTooLongException>(() => records.UpsertAsync(record, default));
        Assert.Null(await records.FindConversationAsync("msteams", record.ConversationId, default));
    }
}
