using CxBot.App.Channels;
using CxBot.App.Localization;
using CxBot.Cards;
using CxBot.Domain.Channels;
using CxBot.Domain.People;

namespace CxBot.App.Tests.Channels;

/// <summary>The <c>channels</c> card with fixed data, run through the renderer library.</summary>
internal static class ChannelListCardSamples
{
    private static readonly DateTimeOffset SetAt = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static IReadOnlyList<ChannelDesignation> Designations { get; } =
    [
        new("tenant-1", ChannelPurpose.FollowUps, null, "19:team", "19:team", "{}", PersonRef.Staff("aad-sam", "Sam Supervisor"), SetAt)
        {
            TeamName = "Contact centre",
        },
        new("tenant-1", ChannelPurpose.FollowUps, "VIP *gold* {{x}}", "19:team", "19:vip", "{}", PersonRef.Staff("aad-sam", "Sam Supervisor"), SetAt.AddDays(1))
        {
            TeamName = "Contact centre",
            ChannelName = "VIP",
        },
        new("tenant-1", ChannelPurpose.Signals, null, "19:team", "19:signals", "{}", new PersonRef("Anna"), SetAt),
    ];

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        yield return ("channels.en", ChannelListCard.Build(Designations, BotCulture.English));
        yield return ("channels.nl", ChannelListCard.Build(Designations, BotCulture.Dutch));
        yield return ("channels.empty", ChannelListCard.Build([], BotCulture.English));
    }
}
