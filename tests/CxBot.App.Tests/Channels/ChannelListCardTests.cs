using CxBot.App.Channels;
using CxBot.App.Localization;
using CxBot.App.Tests.Support;
using CxBot.Cards;

namespace CxBot.App.Tests.Channels;

public sealed class ChannelListCardTests
{
    [Fact]
    public void Designations_AreListedByPurpose_ThePurposeChannelBeforeThePerQueueOnes()
    {
        var reversed = ChannelListCardSamples.Designations.Reverse().ToList();

        var text = CardNodes.VisibleText(CardJson.ToJsonObject(ChannelListCard.Build(reversed, BotCulture.English)));

        var order = new[] { "Follow-ups", "all queues", "Contact centre", "VIP *gold*", "VIP (Contact centre)", "Signals", "Anna" }
            .Select(t => text.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void TheGeneralChannel_IsNamedGeneral_InTheReadersLanguage()
    {
        var text = CardNodes.VisibleText(CardJson.ToJsonObject(ChannelListCard.Build(ChannelListCardSamples.Designations, BotCulture.Dutch)));

        Assert.Contains("Algemeen (Contact centre)", text, StringComparison.Ordinal);
        Assert.Contains("alle wachtrijen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AStaleDesignation_SaysSinceWhenItsChannelIsUnreachable_InTheReadersLanguage()
    {
        var stale = ChannelListCardSamples.Designations[0] with { StaleSince = new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.Zero), StaleReason = "Blocked: x" };

        var english = CardNodes.VisibleText(CardJson.ToJsonObject(ChannelListCard.Build([stale], BotCulture.English)));
        var dutch = CardNodes.VisibleText(CardJson.ToJsonObject(ChannelListCard.Build([stale], BotCulture.Dutch)));
        var fresh = CardNodes.VisibleText(CardJson.ToJsonObject(ChannelListCard.Build([ChannelListCardSamples.Designations[0]], BotCulture.English)));

        Assert.Contains("Not reachable since", english, StringComparison.Ordinal);
        Assert.Contains("Niet bereikbaar sinds", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Not reachable", fresh, StringComparison.Ordinal);
    }
}
