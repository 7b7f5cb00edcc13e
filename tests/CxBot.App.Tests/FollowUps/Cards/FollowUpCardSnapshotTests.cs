using CxBot.App.Tests.Cards;

namespace CxBot.App.Tests.FollowUps.Cards;

public sealed class FollowUpCardSnapshotTests
{
    public static TheoryData<string> Names => [.. FollowUpCardSamples.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void CardMatchesItsApprovedSnapshot(string name) =>
        CardSnapshot.Verify(FollowUpCardSamples.All().Single(c => c.Name == name).Card, name);
}
