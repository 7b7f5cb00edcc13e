using CxBot.Domain.Settings;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Settings;

[Collection(StorageCollection.Name)]
public sealed class TableAlertChannelsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Get_NothingSet_ReturnsNull()
    {
        await using var storage = await azurite.IsolatedAsync("AlertsEmpty");
        var channels = storage.Get<IAlertChannels>();

        Assert.Null(await channels.GetAsync("tenant-a", None));
        Assert.Null(await channels.GetAsync(null, None));
    }

    [Fact]
    public async Task Set_PerTenant_ReplacesThatTenantsChannel_AndNullReadsTheLatest()
    {
        await using var storage = await azurite.IsolatedAsync("AlertsSet");
        var channels = storage.Get<IAlertChannels>();
        var first = new AlertChannel("Tenant-A", "team-1", "19:general@thread.tacv2", """{"conversation":{"id":"19:general"}}""", "Anna", TestData.Time);
        var replacement = first with { ChannelConversationId = "19:alerts@thread.tacv2", SetBy = "Bram", SetAt = TestData.Time.AddDays(1) };
        var other = new AlertChannel("tenant-b", null, "19:b@thread.tacv2", "{}", "Cor", TestData.Time.AddDays(2));

        await channels.SetAsync(first, None);
        await channels.SetAsync(replacement, None);
        await channels.SetAsync(other, None);

        Assert.Equal(replacement, await channels.GetAsync("tenant-a", None));
        Assert.Equal(other, await channels.GetAsync("TENANT-B", None));
        Assert.Equal(other, await channels.GetAsync(null, None));
        Assert.Null(await channels.GetAsync("tenant-c", None));
    }
}
