using System.Globalization;
using CxBot.Cards;

namespace CxBot.App.Surveys.Cards;

/// <summary>A survey that was answered before: shown on a second submit.</summary>
public static class AlreadyAnsweredCard
{
    /// <summary>Builds the card.</summary>
    public static AdaptiveCard Build(CultureInfo culture) => SurveyMessageCard.Build("AlreadyAnswered", culture);
}
