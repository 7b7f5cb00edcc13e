using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;

namespace CxBot.Domain.Tests.Insights;

public sealed class TallyKeysTests
{
    [Fact]
    public void Of_IsTheLowerCaseKebabOfTheName()
    {
        Assert.Equal("opted-out", TallyKeys.Of(SkipReason.OptedOut));
        Assert.Equal("conversation-gone", TallyKeys.Of(SurveyFailureReason.ConversationGone));
        Assert.Equal("as-expected", TallyKeys.Of(ExpectationAnswer.AsExpected));
        Assert.Equal("blocked", TallyKeys.Of(SurveyFailureReason.Blocked));
    }

    [Fact]
    public void OfOrUnknown_AbsentValue_IsUnknown()
    {
        Assert.Equal("unknown", TallyKeys.OfOrUnknown<SkipReason>(null));
        Assert.Equal("not-sampled", TallyKeys.OfOrUnknown<SkipReason>(SkipReason.NotSampled));
    }
}
