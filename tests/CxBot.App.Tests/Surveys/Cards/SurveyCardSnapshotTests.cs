using CxBot.App.Tests.Cards;

namespace CxBot.App.Tests.Surveys.Cards;

public sealed class SurveyCardSnapshotTests
{
    public static TheoryData<string> Names => [.. SurveyCardSamples.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void CardMatchesItsApprovedSnapshot(string name) =>
        CardSnapshot.Verify(SurveyCardSamples.All().Single(c => c.Name == name).Card, name);
}
