using System.Text.Json.Nodes;
using CxBot.App.FollowUps.Cards;

namespace CxBot.App.Tests.FollowUps.Cards;

public sealed class FollowUpActionTests
{
    [Theory]
    [InlineData("followup.claim", true)]
    [InlineData("followup.resolve", false)]
    [InlineData("followup.release", false)]
    [InlineData("followup.reassign", false)]
    public void DataRoundTripsWithItsVerb(string verb, bool isClaim)
    {
        var action = verb switch
        {
            FollowUpAction.ClaimVerb => FollowUpAction.Claim("fu-1"),
            FollowUpAction.ResolveVerb => FollowUpAction.Resolve("fu-1"),
            FollowUpAction.ReleaseVerb => FollowUpAction.Release("fu-1"),
            _ => FollowUpAction.Reassign("fu-1"),
        };
        var data = action.ToData();

        Assert.Equal(verb, (string?)data["verb"]);
        Assert.Equal("fu-1", (string?)data["followUpId"]);
        Assert.True(FollowUpAction.TryRead(data, out var read));
        Assert.Equal((verb, "fu-1", isClaim), (read.Verb, read.FollowUpId, read.IsClaim));
    }

    [Theory]
    [InlineData("""{"verb":"survey.answer","followUpId":"fu-1"}""")]
    [InlineData("""{"verb":"followup.claim"}""")]
    [InlineData("""{"followUpId":"fu-1"}""")]
    public void OtherOrIncompleteDataIsNotRead(string json)
    {
        Assert.False(FollowUpAction.TryRead(JsonNode.Parse(json)!.AsObject(), out _));
    }
}
