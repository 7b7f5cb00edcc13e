using System.Text;
using Azure.Storage.Queues;
using CxBot.Domain.Channels;
using CxBot.Domain.Messaging;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Messaging;

/// <summary>The outbox queue, its log, the held messages and the shared throttle on Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class OutboxStoresTests(StorageFixture azurite) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private TestStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await azurite.IsolatedAsync("Outbox");

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task AQueuedBodyComesBackAsSent_IsBase64OnTheWire_AndIsGoneOnceDeleted()
    {
        var queue = _storage.Get<IOutboxQueue>();
        const string Body = """{"kind":"message","id":"m/1","data":{"text":"héllo"}}""";

        await queue.EnqueueAsync(Body, TimeSpan.Zero, None);
        var peeked = (await new QueueClient(azurite.ConnectionString, _storage.Names.OutboxQueue).PeekMessageAsync()).Value;
        var received = Assert.Single(await queue.ReceiveAsync(4, TimeSpan.FromMinutes(1), None));
        await queue.DeleteAsync(received, None);

        Assert.Equal(Body, Encoding.UTF8.GetString(Convert.FromBase64String(peeked.Body.ToString())));
        Assert.Equal((Body, 1L), (received.Body, received.DequeueCount));
        Assert.Empty(await queue.ReceiveAsync(4, TimeSpan.FromMinutes(1), None));
    }

    [Fact]
    public async Task AReleasedMessageComesBackAtOnce()
    {
        var queue = _storage.Get<IOutboxQueue>();
        await queue.EnqueueAsync("{}", TimeSpan.Zero, None);
        var first = Assert.Single(await queue.ReceiveAsync(4, TimeSpan.FromMinutes(5), None));

        await queue.ReleaseAsync(first, TimeSpan.Zero, None);

        Assert.Equal(2L, Assert.Single(await queue.ReceiveAsync(4, TimeSpan.FromMinutes(5), None)).DequeueCount);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefused()
    {
        var queue = _storage.Get<IOutboxQueue>();

        await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync(new string('x', IOutboxQueue.MaxBodyBytes + 1), TimeSpan.Zero, None));
    }

    [Fact]
    public async Task TheLogCountsAttemptsAndKeepsWhereTheMessageLanded()
    {
        var log = _storage.Get<IOutboxLog>();
        var id = TestData.NewId("message");
        var posted = new PostedMessage("msteams", "https://smba.example/teams/", "19:channel@thread.tacv2", "1700000000000", "tenant-1");

        Assert.Null(await log.GetAsync(id, None));
        Assert.Equal(1, await log.MarkSendingAsync(id, None));
        Assert.Equal(OutboxStatus.Sending, (await log.GetAsync(id, None))!.Status);
        Assert.Equal(2, await log.MarkSendingAsync(id, None));
        await log.MarkSentAsync(id, posted, None);

        var entry = (await log.GetAsync(id, None))!;
        Assert.Equal((OutboxStatus.Sent, 2, posted), (entry.Status, entry.Attempts, entry.Posted));
    }

    [Fact]
    public async Task TheLogKeepsAnUnconfirmedPostWithItsConversationAndReason()
    {
        var log = _storage.Get<IOutboxLog>();
        var id = TestData.NewId("message");
        var where = new PostedMessage("msteams", "https://smba.example/teams/", "19:channel@thread.tacv2", null, "tenant-1");

        await log.MarkSendingAsync(id, None);
        await log.MarkUnconfirmedAsync(id, where, "No certain answer: 502", None);

        var entry = (await log.GetAsync(id, None))!;
        Assert.Equal((OutboxStatus.Unconfirmed, 1, where, "No certain answer: 502"), (entry.Status, entry.Attempts, entry.Posted, entry.Reason));
    }

    [Fact]
    public async Task HeldMessagesAreKeptPerTenantAndPurpose_OncePerId_OldestFirst()
    {
        var held = _storage.Get<IHeldMessages>();
        var at = DateTimeOffset.UtcNow;
        await held.HoldAsync(new HeldMessage("Tenant-A", ChannelPurpose.FollowUps, "m2", "{\"n\":2}", at.AddSeconds(1)), None);
        await held.HoldAsync(new HeldMessage("tenant-a", ChannelPurpose.FollowUps, "m1", "{\"n\":1}", at), None);
        await held.HoldAsync(new HeldMessage("tenant-a", ChannelPurpose.FollowUps, "m1", "{\"n\":1}", at), None);
        await held.HoldAsync(new HeldMessage("tenant-a", ChannelPurpose.Signals, "m3", "{}", at), None);
        await held.HoldAsync(new HeldMessage("tenant-b", ChannelPurpose.FollowUps, "m4", "{}", at), None);

        var list = await held.ListAsync("TENANT-A", ChannelPurpose.FollowUps, None);
        await held.RemoveAsync(list[0], None);

        Assert.Equal(["m1", "m2"], list.Select(m => m.MessageId));
        Assert.Equal("{\"n\":1}", list[0].Body);
        Assert.Equal(["m2"], (await held.ListAsync("tenant-a", ChannelPurpose.FollowUps, None)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task TheThrottleOnlyMovesLater()
    {
        var throttle = _storage.Get<ISendThrottle>();
        var now = DateTimeOffset.UtcNow;

        Assert.Null(await throttle.GetBlockedUntilAsync(None));
        await throttle.BlockUntilAsync(now.AddSeconds(30), None);
        await throttle.BlockUntilAsync(now.AddSeconds(5), None);
        Assert.Equal(now.AddSeconds(30), await throttle.GetBlockedUntilAsync(None));
        await throttle.BlockUntilAsync(now.AddSeconds(60), None);
        Assert.Equal(now.AddSeconds(60), await throttle.GetBlockedUntilAsync(None));
    }
}
