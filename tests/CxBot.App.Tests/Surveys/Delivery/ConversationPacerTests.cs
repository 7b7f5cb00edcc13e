using System.Diagnostics;
using CxBot.App.Surveys;
using CxBot.App.Surveys.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.App.Tests.Surveys.Delivery;

public sealed class ConversationPacerTests
{
    [Fact]
    public async Task TwoMessagesToOneChatAreSpacedByTheGapWhileOtherChatsGoOn()
    {
        var time = new FakeTimeProvider();
        using var pacer = new ConversationPacer(Options.Create(new SurveyOptions { PerConversationSeconds = 1.1, MessagesPerSecond = 50 }), time);
        await pacer.WaitAsync("chat-a", default);

        var second = pacer.WaitAsync("chat-a", default);
        await pacer.WaitAsync("chat-b", default).WaitAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SendsAcrossChatsStayWithinTheRate()
    {
        using var pacer = new ConversationPacer(Options.Create(new SurveyOptions { PerConversationSeconds = 0, MessagesPerSecond = 2 }), TimeProvider.System);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => pacer.WaitAsync("chat-" + i, default)));

        // Two tokens at once, the third after the one-second replenishment.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"Three sends took {clock.Elapsed}.");
    }
}
