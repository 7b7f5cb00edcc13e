using System.Globalization;
using CxBot.Cards;

namespace CxBot.App.Surveys.Cards;

/// <summary>The shape every card that replaces the survey shares: a heading and one short paragraph, no actions.</summary>
internal static class SurveyMessageCard
{
    /// <summary>A card from the resource pair <c>{prefix}.Title</c> and <c>{prefix}.Text</c>.</summary>
    public static AdaptiveCard Build(string prefix, CultureInfo culture) =>
        Build(SurveyCard.Strings.Get(prefix + ".Title", culture), SurveyCard.Strings.Get(prefix + ".Text", culture), culture);

    /// <summary>A card from a resolved title and text.</summary>
    public static AdaptiveCard Build(string title, string text, CultureInfo culture) => new()
    {
        Lang = culture.TwoLetterISOLanguageName,
        FallbackText = title,
        Body =
        [
            new TextBlock { Text = title, Size = "medium", Weight = "bolder", Style = "heading" },
            new TextBlock { Text = text },
        ],
    };
}
