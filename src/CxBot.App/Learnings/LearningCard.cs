using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Domain.Learnings;
using CxBot.Domain.Signals;

namespace CxBot.App.Learnings;

/// <summary>
/// A learning as agents see it in search results, in the learnings channel and in the compose box: the problem, the
/// answer, driver and topic, who published it, the helpfulness counts, and "did this help?" yes/no. Everything people
/// typed is shown inert.
/// </summary>
public static class LearningCard
{
    internal static readonly LocalizedStrings Strings = new(typeof(LearningCard), "CxBot.App.Learnings.LearningStrings");

    /// <summary>Builds the card; <paramref name="heading"/> (bold, above) and <paramref name="banner"/> (a notice) are optional.</summary>
    public static JsonObject Build(Learning learning, TopicCatalog topics, CultureInfo culture, string? heading = null, string? banner = null)
    {
        ArgumentNullException.ThrowIfNull(learning);
        ArgumentNullException.ThrowIfNull(topics);
        string Text(string key) => Strings.Get(key, culture);
        var body = new List<CardElement>();
        if (heading is not null)
        {
            body.Add(new TextBlock { Text = heading, Weight = "bolder", Color = "accent" });
        }

        if (banner is not null)
        {
            body.Add(new Container { Style = "good", Items = [RichTextBlock.Inert(banner)] });
        }

        body.Add(new RichTextBlock { Inlines = [TextRun.Inert(learning.Problem) with { Weight = "bolder" }] });
        body.Add(new TextBlock { Text = Text("Card.Answer"), Weight = "bolder", Spacing = "medium" });
        body.Add(RichTextBlock.Inert(learning.Answer) with { Spacing = "small" });
        body.Add(RichTextBlock.Labelled(Text("Card.Driver"), SurveyCard.DriverName(learning.Driver, culture)) with { Separator = true });
        body.Add(RichTextBlock.Labelled(Text("Card.Topic"), topics.LabelOf(learning.TopicKey, IsDutch(culture))));
        body.Add(new RichTextBlock
        {
            Inlines = [TextRun.Inert(Strings.Format("Card.Published", culture, learning.PublishedBy.DisplayName, Day(learning.PublishedAt, culture)))],
            Spacing = "small",
        });
        body.Add(new TextBlock { Text = Counts(learning.Counts, culture), IsSubtle = true, Spacing = "small" });
        body.Add(new TextBlock { Text = Text("Card.Question"), Weight = "bolder", Spacing = "medium" });

        return CardJson.ToJsonObject(new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = Strings.Format("Card.FallbackText", culture, learning.Problem),
            Body = body,
            Actions =
            [
                Execute(Text("Card.Yes"), new LearningHelpfulAction(learning.LearningId, Helpful: true)),
                Execute(Text("Card.No"), new LearningHelpfulAction(learning.LearningId, Helpful: false)),
            ],
        });
    }

    /// <summary>The short preview a message-extension result shows under the search box (a thumbnail card).</summary>
    public static JsonObject Preview(Learning learning, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(learning);
        return new JsonObject
        {
            ["title"] = Plain(Shorten(learning.Problem, 80)),
            ["text"] = Plain(Shorten(learning.Answer, 120)) + " · " + Strings.Format("Preview.Counts", culture, learning.Counts.Helped),
        };
    }

    /// <summary>"Helped 3 · did not help 1".</summary>
    public static string Counts(LearningCounts counts, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Strings.Format("Card.Counts", culture, counts.Helped, counts.NotHelped);
    }

    internal static bool IsDutch(CultureInfo culture) => culture.TwoLetterISOLanguageName == "nl";

    private static ExecuteAction Execute(string title, LearningHelpfulAction action) =>
        ExecuteAction.WithSubmitFallback(title, LearningHelpfulAction.Verb, action.ToData());

    private static string Day(DateTimeOffset at, CultureInfo culture) => at.UtcDateTime.ToString("d MMM yyyy", culture);

    // Thumbnail cards may format HTML in some clients: no tag survives, and control characters go as in a card.
    private static string Plain(string text) => TextRun.Inert(text).Text.Replace('<', '‹').Replace('>', '›');

    // A thumbnail's text is plain for the client; cut on a whole character, never inside a surrogate pair.
    private static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = char.IsHighSurrogate(flat[max - 2]) ? max - 2 : max - 1;
        return flat[..cut] + "…";
    }
}
