using System.Globalization;
using System.Text.RegularExpressions;
using CxBot.App.FollowUps.Cards;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;

namespace CxBot.App.Tests.Cards;

public sealed partial class ResourceParityTests
{
    private static readonly CultureInfo Neutral = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    public static TheoryData<string> BaseNames => ["CxBot.App.Surveys.SurveyStrings", "CxBot.App.FollowUps.FollowUpStrings"];

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void EveryKeyExistsInEnglishAndDutch(string baseName)
    {
        var strings = Strings(baseName);

        var english = strings.Keys(Neutral);
        Assert.NotEmpty(english);
        Assert.Equal(english, strings.Keys(Dutch));
    }

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void DutchTextsUseTheSamePlaceholders(string baseName)
    {
        var strings = Strings(baseName);

        Assert.All(strings.Keys(Neutral), key =>
            Assert.Equal(Placeholders(strings.Get(key, Neutral)), Placeholders(strings.Get(key, Dutch))));
    }

    private static LocalizedStrings Strings(string baseName) =>
        new[] { SurveyCard.Strings, FollowUpCard.Strings }.Single(s => s.BaseName == baseName);

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
