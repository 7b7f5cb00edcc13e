using System.Globalization;
using CxBot.Cards;
using CxBot.Domain.Channels;

namespace CxBot.App.Channels;

/// <summary>
/// The tenant's designations for <c>channels</c>: per purpose, the channel for all queues first, then per queue.
/// Queue, team, channel and people's names come from users and Teams, so they are rendered inert.
/// </summary>
public static class ChannelListCard
{
    /// <summary>Builds the card.</summary>
    public static AdaptiveCard Build(IReadOnlyList<ChannelDesignation> designations, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(designations);
        var strings = ChannelsModule.Strings;
        string Text(string key) => strings.Get(key, culture);

        var body = new List<CardElement>
        {
            new TextBlock { Text = Text("List.Title"), Size = "medium", Weight = "bolder", Style = "heading" },
        };

        if (designations.Count == 0)
        {
            body.Add(new TextBlock { Text = Text("List.Empty") });
        }

        foreach (var d in designations.OrderBy(d => d.Purpose).ThenBy(d => d.Queue is not null).ThenBy(d => ChannelResolution.NormalizeQueue(d.Queue), StringComparer.Ordinal))
        {
            var channel = d.ChannelName ?? (d.ChannelConversationId == d.TeamId ? Text("List.General") : d.ChannelConversationId);
            var items = new List<CardElement>
            {
                new TextBlock { Text = Text("Purpose." + d.Purpose + ".Title"), Weight = "bolder" },
                d.Queue is null
                    ? new TextBlock { Text = Text("Label.Queue") + ": " + Text("List.AllQueues"), Spacing = "small" }
                    : RichTextBlock.Labelled(Text("Label.Queue"), d.Queue) with { Spacing = "small" },
                RichTextBlock.Labelled(Text("Label.Channel"), d.TeamName is null ? channel : channel + " (" + d.TeamName + ")") with { Spacing = "small" },
                RichTextBlock.Labelled(Text("Label.SetBy"), string.Format(culture, Text("List.SetByAt"), d.SetBy.DisplayName,
                    d.SetAt.UtcDateTime.ToString("g", culture) + " UTC")) with { Spacing = "small" },
            };
            if (d.StaleSince is { } staleSince)
            {
                // The channel refused a post: its messages wait, so the supervisor sees why nothing arrives there.
                items.Add(new TextBlock
                {
                    Text = string.Format(culture, Text("List.Stale"), staleSince.UtcDateTime.ToString("g", culture) + " UTC"),
                    Color = "attention",
                    Spacing = "small",
                });
            }

            body.Add(new Container { Separator = true, Spacing = "medium", Items = items });
        }

        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = Text("List.Title"),
            Body = body,
        };
    }
}
