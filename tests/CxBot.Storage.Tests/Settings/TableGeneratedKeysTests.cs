using System.Security.Cryptography;
using CxBot.Domain.Settings;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Settings;

[Collection(StorageCollection.Name)]
public sealed class TableGeneratedKeysTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<IGeneratedKeys> KeysAsync() => (await azurite.ForClassAsync<TableGeneratedKeysTests>()).Get<IGeneratedKeys>();

    [Fact]
    public async Task GetOrCreate_FirstCallCreates_LaterCallsReturnTheStoredKeyWithoutCreating()
    {
        var keys = await KeysAsync();
        var name = TestData.NewId("survey-token");
        var created = RandomNumberGenerator.GetBytes(32);

        var first = await keys.GetOrCreateAsync(name, () => created, None);
        var second = await keys.GetOrCreateAsync(name, () => throw new InvalidOperationException("must not create again"), None);

        Assert.Equal(created, first);
        Assert.Equal(created, second);
    }

    [Fact]
    public async Task GetOrCreate_RacingInstances_AllUseTheOneKeyThatWon()
    {
        var keys = await KeysAsync();
        var name = TestData.NewId("survey-token");
        var results = await Concurrently.RunAsync(8, _ => keys.GetOrCreateAsync(name, () => RandomNumberGenerator.GetBytes(32), None));

        Assert.All(results, key => Assert.Equal(results[0], key));
        Assert.Equal(results[0], await keys.GetOrCreateAsync(name, () => [], None));
    }
}
