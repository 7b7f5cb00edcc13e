using CxBot.App.Messaging;
using CxBot.App.Tests.Surveys.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.App.Tests.Messaging;

public sealed class MessagePacerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    private MessagePacer Pacer(double perConversationSeconds = 1, double perTenantPerSecond = 4) =>
        new(new FixedOptionsMonitor<MessagingOptions>(new MessagingOptions
        {
            PerConversationSeconds = perConversationSeconds, PerTenantPerSecond = perTenantPerSecond,
        }), _time);

    [Fact]
    public void TwoMessagesToOneConversationAreAtLeastTheConversationGapApart()
    {
        var pacer = Pacer(perConversationSeconds: 1, perTenantPerSecond: 50);

        Assert.Equal(TimeSpan.Zero, pacer.TryTake("tenant-a", "chat-1"));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.TryTake("tenant-a", "chat-1"));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(TimeSpan.FromMilliseconds(1), pacer.TryTake("tenant-a", "chat-1"));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("tenant-a", "chat-1"));
    }

    [Fact]
    public void SendsToOneTenantAreEvenlySpaced_SoNoSecondHoldsMoreThanTheRate()
    {
        var pacer = Pacer(perConversationSeconds: 0, perTenantPerSecond: 4);
        var start = _time.GetUtcNow();
        var taken = new List<TimeSpan>();

        for (var i = 0; i < 9; i++)
        {
            while (pacer.TryTake("tenant-a", $"chat-{i}") is var wait && wait > TimeSpan.Zero)
            {
                _time.Advance(wait);
            }

            taken.Add(_time.GetUtcNow() - start);
        }

        Assert.Equal(Enumerable.Range(0, 9).Select(i => TimeSpan.FromMilliseconds(250 * i)), taken);
        // Any window of one second, wherever it starts, holds at most four of these sends.
        Assert.All(taken, first => Assert.True(taken.Count(t => t >= first && t < first + TimeSpan.FromSeconds(1)) <= 4));
    }

    [Fact]
    public void TenantsArePacedApart()
    {
        var pacer = Pacer(perConversationSeconds: 1, perTenantPerSecond: 1);

        Assert.Equal(TimeSpan.Zero, pacer.TryTake("tenant-a", "chat-a"));
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("tenant-b", "chat-b"));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.TryTake("TENANT-A", "chat-a2"));
    }

    [Fact]
    public void TheConversationGapAndTheTenantSpacingBothHold()
    {
        var pacer = Pacer(perConversationSeconds: 1, perTenantPerSecond: 4);

        pacer.TryTake("tenant-a", "chat-1");
        Assert.Equal(TimeSpan.FromMilliseconds(250), pacer.TryTake("tenant-a", "chat-2"));
        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("tenant-a", "chat-2"));
        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(TimeSpan.FromMilliseconds(500), pacer.TryTake("tenant-a", "chat-1"));
    }

    [Fact]
    public void ASlotIsBookedFromWhenItIsTaken_NotFromWhenItWasFree()
    {
        var pacer = Pacer(perConversationSeconds: 0, perTenantPerSecond: 4);
        pacer.TryTake("tenant-a", "chat-1");

        // The next send only gets to it 400 ms later (a slow storage read between the wait and the post).
        _time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("tenant-a", "chat-2"));

        Assert.Equal(TimeSpan.FromMilliseconds(250), pacer.TryTake("tenant-a", "chat-3"));
    }

    [Fact]
    public async Task WaitingTakesTheSlotWhenItIsFree()
    {
        var pacer = Pacer(perConversationSeconds: 1, perTenantPerSecond: 50);
        await pacer.WaitAsync("tenant-a", "chat-1", CancellationToken.None);

        var second = pacer.WaitAsync("tenant-a", "chat-1", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.TryTake("tenant-a", "chat-1"));
    }

    [Fact]
    public void AfterAQuietStartNothingGoesForOnePacingWindow()
    {
        var pacer = Pacer(perConversationSeconds: 1.5, perTenantPerSecond: 4);
        pacer.TryTake("tenant-a", "chat-1");
        _time.Advance(TimeSpan.FromSeconds(10));

        pacer.QuietStart();

        Assert.Equal(TimeSpan.FromSeconds(1.5), pacer.TryTake("tenant-b", "chat-9"));
    }

    [Fact]
    public void SlotsStillAhead_NeverOutgrowTheBound_ANewcomerWaitsForTheFirstToPass()
    {
        var pacer = Pacer(perConversationSeconds: 60, perTenantPerSecond: 1);
        for (var i = 0; i < MessagePacer.MaxTracked; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.TryTake($"tenant-{i}", $"chat-{i}"));
        }

        // Every tenant and chat holds a slot ahead: the newcomer waits until the tenants' slots pass...
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.TryTake("tenant-new", "chat-new"));
        _time.Advance(TimeSpan.FromSeconds(1));
        // ...and then until the chats' slots pass, instead of adding to a full table.
        Assert.Equal(TimeSpan.FromSeconds(59), pacer.TryTake("tenant-new", "chat-new"));
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(TimeSpan.Zero, pacer.TryTake("tenant-new", "chat-new"));
    }
}
