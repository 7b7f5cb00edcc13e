using CxBot.Domain.Surveys;

namespace CxBot.Domain.Tests.Surveys;

public sealed class SamplingTests
{
    private static readonly string[] ContactIds = [.. Enumerable.Range(0, 10_000).Select(i => $"contact-{i}")];

    [Fact]
    public void IsSampled_RateOneThird_SamplesRoughlyThatShare()
    {
        var share = ContactIds.Count(id => Sampling.IsSampled(id, 0.3)) / (double)ContactIds.Length;

        Assert.InRange(share, 0.27, 0.33);
    }

    [Fact]
    public void IsSampled_RateOne_SamplesEveryContact()
    {
        Assert.All(ContactIds, id => Assert.True(Sampling.IsSampled(id, 1)));
    }

    [Fact]
    public void IsSampled_RateZero_SamplesNoContact()
    {
        Assert.All(ContactIds, id => Assert.False(Sampling.IsSampled(id, 0)));
    }

    [Fact]
    public void IsSampled_SameContactAndRate_GivesSameAnswerEveryTime()
    {
        var first = ContactIds.Select(id => Sampling.IsSampled(id, 0.5)).ToArray();
        var second = ContactIds.Select(id => Sampling.IsSampled(id, 0.5)).ToArray();

        Assert.Equal(first, second);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    [Fact]
    public void IsSampled_HigherRate_KeepsEveryContactSampledAtLowerRate()
    {
        var atLow = ContactIds.Where(id => Sampling.IsSampled(id, 0.2)).ToList();

        Assert.NotEmpty(atLow);
        Assert.All(atLow, id => Assert.True(Sampling.IsSampled(id, 0.6)));
    }

    [Fact]
    public void IsSampled_DoesNotFollowTheSurveyIdHash()
    {
        // Sampling hashes with its own prefix: a contact's survey id must not predict whether it is sampled.
        var sampled = ContactIds.Where(id => Sampling.IsSampled(id, 0.5)).ToList();
        var lowSurveyIds = sampled.Count(id => SurveyIds.For(id)[0] < '8') / (double)sampled.Count;

        Assert.InRange(lowSurveyIds, 0.45, 0.55);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void IsSampled_RateOutsideZeroToOne_Throws(double rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.IsSampled("contact-1", rate));
        Assert.Equal("rate", error.ParamName);
    }
}
