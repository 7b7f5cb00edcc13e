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

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("tenant-a", "chat-1"));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Reserve("tenant-a", "chat-1"));
        Assert.Equal(TimeSpan.FromSeconds(2), pacer.Reserve("tenant-a", "chat-1"));
    }

    [Fact]
    public void SendsToOneTenantAreEvenlySpaced_SoNoSecondHoldsMoreThanTheRate()
    {
        var pacer = Pacer(perConversationSeconds: 0, perTenantPerSecond: 4);

        var waits = Enumerable.Range(0, 9).Select(i => pacer.Reserve("tenant-a", $"chat-{i}")).ToList();

        Assert.Equal(Enumerable.Range(0, 9).Select(i => TimeSpan.FromMilliseconds(250 * i)), waits);
        // Any window of one second, wherever it starts, holds at most four of these slots.
        Assert.All(waits, start => Assert.True(waits.Count(w => w >= start && w < start + TimeSpan.FromSeconds(1)) <= 4));
    }

    [Fact]
    public void TenantsArePacedApart()
    {
        var pacer = Pacer(perConversationSeconds: 1, perTenantPerSecond: 1);

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("tenant-a", "chat-a"));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("tenant-b", "chat-b"));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Reserve("TENANT-A", "chat-a2"));
    }

    [Fact]
    public void TheConversationGapAndTheTenantSpacingBothHold()
    {
        var pacer = Pacer(perConversationSeconds: 1, perTenantPerSecond: 4);

        pacer.Reserve("tenant-a", "chat-1");
        var other = pacer.Reserve("tenant-a", "chat-2");
        var same = pacer.Reserve("tenant-a", "chat-1");

        Assert.Equal(TimeSpan.FromMilliseconds(250), other);
        Assert.Equal(TimeSpan.FromSeconds(1), same);
    }

    [Fact]
    public void AfterAQuietStartNothingGoesForOnePacingWindow()
    {
        var pacer = Pacer(perConversationSeconds: 1.5, perTenantPerSecond: 4);
        pacer.Reserve("tenant-a", "chat-1");
        _time.Advance(TimeSpan.FromSeconds(10));

        pacer.QuietStart();

        Assert.Equal(TimeSpan.FromSeconds(1.5), pacer.Reserve("tenant-b", "chat-9"));
    }

    [Fact]
    public async Task WaitingTakesTheBookedTime()
    {
        var pacer = Pacer(perConversationSeconds: 1, perTenantPerSecond: 50);
        await pacer.WaitAsync("tenant-a", "chat-1", CancellationToken.None);

        var second = pacer.WaitAsync("tenant-a", "chat-1", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
