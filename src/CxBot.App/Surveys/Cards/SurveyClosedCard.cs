using System.Globalization;
using CxBot.Cards;

namespace CxBot.App.Surveys.Cards;

/// <summary>A survey past its expiry: a polite note that it has closed, never an error.</summary>
public static class SurveyClosedCard
{
    /// <summary>Builds the card.</summary>
    public static AdaptiveCard Build(CultureInfo culture) => SurveyMessageCard.Build("Closed", culture);
}
