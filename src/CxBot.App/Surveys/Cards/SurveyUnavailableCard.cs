using System.Globalization;
using CxBot.Cards;

namespace CxBot.App.Surveys.Cards;

/// <summary>A refused token (forged, altered or someone else's): neutral, without saying why.</summary>
public static class SurveyUnavailableCard
{
    /// <summary>Builds the card.</summary>
    public static AdaptiveCard Build(CultureInfo culture) => SurveyMessageCard.Build("Unavailable", culture);
}
