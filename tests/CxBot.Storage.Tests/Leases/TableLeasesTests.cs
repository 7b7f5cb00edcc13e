using CxBot.Domain.Leases;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Leases;

/// <summary>The lease row on Azurite, with real time (expiry is judged by the reader's clock).</summary>
[Collection(StorageCollection.Name)]
public sealed class TableLeasesTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    private async Task<ILeases> LeasesAsync() => (await azurite.ForClassAsync<TableLeasesTests>()).Get<ILeases>();

    [Fact]
    public async Task AFreeLeaseIsTaken_ThenRefusedToOthers_AndTakenAgainByItsOwner()
    {
        var leases = await LeasesAsync();
        var name = TestData.NewId("lease");

        var held = await leases.TryAcquireAsync(name, "instance-a", Long, None);
        var other = await leases.TryAcquireAsync(name, "instance-b", Long, None);
        var again = await leases.TryAcquireAsync(name, "instance-a", Long, None);

        Assert.Equal(("instance-a", name), (held!.Owner, held.Name));
        Assert.Null(other);
        Assert.NotNull(again);
        Assert.NotEqual(held.ETag, again.ETag);
    }

    [Fact]
    public async Task OfManyInstancesRacingForAFreeLease_ExactlyOneGetsIt()
    {
        var leases = await LeasesAsync();
        var name = TestData.NewId("lease");

        var results = await Concurrently.RunAsync(8, i => leases.TryAcquireAsync(name, $"instance-{i}", Long, None));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task RenewalExtendsTheLease()
    {
        var leases = await LeasesAsync();
        var name = TestData.NewId("lease");
        var held = (await leases.TryAcquireAsync(name, "instance-a", TimeSpan.FromSeconds(2), None))!;

        var renewed = await leases.RenewAsync(held, Long, None);

        Assert.NotNull(renewed);
        Assert.True(renewed.ExpiresAt > held.ExpiresAt + TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Null(await leases.TryAcquireAsync(name, "instance-b", Long, None));
    }

    [Fact]
    public async Task AnExpiredLeaseIsTakenByAnother_AndTheOldHoldersRenewalFails()
    {
        var leases = await LeasesAsync();
        var name = TestData.NewId("lease");
        var stale = (await leases.TryAcquireAsync(name, "instance-a", TimeSpan.FromSeconds(1), None))!;

        Assert.Null(await leases.TryAcquireAsync(name, "instance-b", Long, None));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var taken = await leases.TryAcquireAsync(name, "instance-b", Long, None);

        Assert.Equal("instance-b", taken?.Owner);
        Assert.Null(await leases.RenewAsync(stale, Long, None));
        Assert.NotNull(await leases.RenewAsync(taken!, Long, None));
    }

    [Fact]
    public async Task AReleasedLeaseIsFreeAtOnce_AndReleasingALostLeaseLeavesTheNewHolder()
    {
        var leases = await LeasesAsync();
        var name = TestData.NewId("lease");
        var first = (await leases.TryAcquireAsync(name, "instance-a", Long, None))!;

        await leases.ReleaseAsync(first, None);
        var second = await leases.TryAcquireAsync(name, "instance-b", Long, None);
        await leases.ReleaseAsync(first, None);

        Assert.Equal("instance-b", second?.Owner);
        Assert.Null(await leases.TryAcquireAsync(name, "instance-a", Long, None));
        Assert.NotNull(await leases.RenewAsync(second!, Long, None));
    }
}
