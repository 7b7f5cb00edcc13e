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
}
