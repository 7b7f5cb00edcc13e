using System.Globalization;
using System.Text.RegularExpressions;
using CxBot.App.FollowUps.Cards;
using CxBot.App.Insights.Digests;
using CxBot.App.Insights.Export;
using CxBot.App.Insights.Maintenance;
using CxBot.App.Insights.MyFeedback;
using CxBot.App.Insights.Summary;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;

namespace CxBot.App.Tests.Cards;

public sealed partial class ResourceParityTests
{
    private static readonly CultureInfo Neutral = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    private static readonly LocalizedStrings[] All =
    [
        SurveyCard.Strings, FollowUpCard.Strings, SummaryFormat.Strings, TeamDigestContent.Strings, MyFeedbackCard.Strings,
        ExportModule.Strings, ReportMaintenanceModule.Strings, CxBot.App.Learnings.LearningCard.Strings, App.Actions.Cards.ActionCard.Strings,
    ];

    public static TheoryData<string> BaseNames => [.. All.Select(s => s.BaseName)];

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
        All.Single(s => s.BaseName == baseName);

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
