using CxBot.Domain.Insights;

namespace CxBot.Domain.Tests.Insights;

/// <summary>Every figure against a value worked out by hand from the counts below.</summary>
public sealed class SummaryFiguresTests
{
    private static Tally Current() => Tally.From(new Dictionary<string, long>
    {
        // CSAT 1,2,3,3,4,4,4,5,5,5: n 10, sum 36.
        [TallyNames.Csat(1)] = 1, [TallyNames.Csat(2)] = 1, [TallyNames.Csat(3)] = 2, [TallyNames.Csat(4)] = 3, [TallyNames.Csat(5)] = 3,
        // NPS: promoters 10,10,10,9 (4), passive 8, detractors 6,6,0 (3): n 8.
        [TallyNames.Nps(10)] = 3, [TallyNames.Nps(9)] = 1, [TallyNames.Nps(8)] = 1, [TallyNames.Nps(6)] = 2, [TallyNames.Nps(0)] = 1,
        // CES 5,5,4,2: n 4, sum 16.
        [TallyNames.Ces(5)] = 2, [TallyNames.Ces(4)] = 1, [TallyNames.Ces(2)] = 1,
        [TallyNames.Resolution("yes")] = 6, [TallyNames.Resolution("partly")] = 2, [TallyNames.Resolution("no")] = 2,
        [TallyNames.Expectation("worse")] = 2, [TallyNames.Expectation("as-expected")] = 5, [TallyNames.Expectation("better")] = 3,
        [TallyNames.Sent] = 20, [TallyNames.Delivered] = 18, [TallyNames.Failed("conversation-gone")] = 1, [TallyNames.Failed("blocked")] = 1,
        [TallyNames.Answered] = 12, [TallyNames.Skipped("opted-out")] = 4,
        // Reliability: 3 satisfied (5, 5, 4), 1 neutral (3), 1 dissatisfied (1), 1 without CSAT.
        [TallyNames.Driver("reliability", "satisfied")] = 3, [TallyNames.Driver("reliability", "neutral")] = 1,
        [TallyNames.Driver("reliability", "dissatisfied")] = 1, [TallyNames.Driver("reliability", "unrated")] = 1,
        [TallyNames.DriverCsatCount("reliability")] = 5, [TallyNames.DriverCsatSum("reliability")] = 18,
        [TallyNames.Signals("complaint")] = 4, [TallyNames.SignalsByDriver("complaint", "reliability")] = 3, [TallyNames.SignalsByDriver("complaint", null)] = 1,
        [TallyNames.SignalsByTopic("complaint", "billing")] = 3, [TallyNames.SignalsByTopic("complaint", "delivery")] = 1,
        [TallyNames.Signals("idea")] = 1,
    });

    private static Tally Previous() => Tally.From(new Dictionary<string, long>
    {
        [TallyNames.Csat(3)] = 2,
        [TallyNames.Delivered] = 10, [TallyNames.Answered] = 5, [TallyNames.Sent] = 10,
        [TallyNames.Signals("complaint")] = 1,
        [TallyNames.Driver("empathy", "satisfied")] = 1,
    });

    [Fact]
    public void TheFunnel_AndTheResponseRateOfDeliveredSurveys()
    {
        var f = SummaryFigures.Compute(Current(), Previous());

        Assert.Equal(new Figure(20, 20, 10), f.Sent);
        Assert.Equal(new Figure(18, 18, 10), f.Delivered);
        Assert.Equal(new Figure(2, 2, 0), f.Failed);
        Assert.Equal(new Figure(12, 12, 5), f.Answered);
        Assert.Equal(100.0 * 12 / 18, f.ResponseRate.Value!.Value, 10);
        Assert.Equal(18, f.ResponseRate.N);
        Assert.Equal(100.0 * 12 / 18 - 50, f.ResponseRate.Change!.Value, 10);
    }

    [Fact]
    public void Csat_MeanAndShareOfFourAndFive_WithChangeAndN()
    {
        var f = SummaryFigures.Compute(Current(), Previous());

        Assert.Equal(3.6, f.CsatMean.Value!.Value, 10);
        Assert.Equal(10, f.CsatMean.N);
        Assert.Equal(0.6, f.CsatMean.Change!.Value, 10);
        Assert.Equal(60, f.CsatPercent.Value!.Value, 10);
        Assert.Equal(60, f.CsatPercent.Change!.Value, 10);
        Assert.Equal(new Figure(2, 10, 0), f.LowScores);
    }

    [Fact]
    public void NpsCesAndFcr_WhereAsked()
    {
        var f = SummaryFigures.Compute(Current(), Previous());

        Assert.Equal(12.5, f.Nps.Value!.Value, 10);
        Assert.Equal(8, f.Nps.N);
        Assert.Null(f.Nps.Previous);
        Assert.Null(f.Nps.Change);
        Assert.Equal(4.0, f.CesMean.Value!.Value, 10);
        Assert.Equal(75, f.CesEasyPercent.Value!.Value, 10);
        Assert.Equal(4, f.CesEasyPercent.N);
        Assert.Equal(60, f.Fcr.Value!.Value, 10);
        Assert.Equal(10, f.Fcr.N);
    }

    [Fact]
    public void NotAsked_HasNoValue()
    {
        var f = SummaryFigures.Of(Previous());

        Assert.Null(f.Nps.Value);
        Assert.Null(f.CesMean.Value);
        Assert.Null(f.Fcr.Value);
        Assert.Null(f.ExpectationNet.Value);
        Assert.Equal(0, f.Nps.N);
    }

    [Fact]
    public void ExpectationShares_AndNetBetterMinusWorse()
    {
        var f = SummaryFigures.Compute(Current(), Previous());

        Assert.Equal(20, f.ExpectationWorse.Value!.Value, 10);
        Assert.Equal(50, f.ExpectationAsExpected.Value!.Value, 10);
        Assert.Equal(30, f.ExpectationBetter.Value!.Value, 10);
        Assert.Equal(10, f.ExpectationNet.Value!.Value, 10);
        Assert.Equal(10, f.ExpectationNet.N);
    }

    [Fact]
    public void Drivers_SplitBySatisfiedAndDissatisfied_WithTheirMeanCsat()
    {
        var f = SummaryFigures.Compute(Current(), Previous());

        Assert.Equal(["reliability", "empathy"], f.Drivers.Select(d => d.Driver));
        var reliability = f.Drivers[0];
        Assert.Equal(6, reliability.Named.N);
        Assert.Equal(60, reliability.Satisfied.Value!.Value, 10);
        Assert.Equal(20, reliability.Dissatisfied.Value!.Value, 10);
        Assert.Equal(3, reliability.SatisfiedCount.N);
        Assert.Equal(1, reliability.DissatisfiedCount.N);
        Assert.Equal(3.6, reliability.MeanCsat.Value!.Value, 10);
        Assert.Equal(5, reliability.MeanCsat.N);
        var empathy = f.Drivers[1];
        Assert.Equal(0, empathy.Named.N);
        Assert.Equal(1, empathy.Named.Previous);
    }

    [Fact]
    public void Signals_PerKindAndDriver_WithTopicsMostFirst()
    {
        var f = SummaryFigures.Compute(Current(), Previous());

        Assert.Equal(["complaint", "idea"], f.Signals.Select(s => s.Kind));
        var complaint = f.Signals[0];
        Assert.Equal(new Figure(4, 4, 1), complaint.Count);
        Assert.Equal(3, complaint.Count.Change);
        Assert.Equal([("reliability", 3L), ("none", 1L)], complaint.ByDriver.Select(d => (d.Key, d.Value.N)));
        Assert.Equal([("billing", 3L), ("delivery", 1L)], complaint.ByTopic.Select(t => (t.Key, t.Value)));
    }
}
