using CxBot.Domain.Actions;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;

namespace CxBot.Domain.Tests.Actions;

/// <summary>Each effect figure against a value worked out by hand, and the periods the check compares.</summary>
public sealed class EffectMeasurementTests
{
    private static readonly Tally Counts = Tally.From(new Dictionary<string, long>
    {
        // CSAT 1, 2, 4, 4, 5: mean 3.2, n 5.
        [TallyNames.Csat(1)] = 1, [TallyNames.Csat(2)] = 1, [TallyNames.Csat(4)] = 2, [TallyNames.Csat(5)] = 1,
        [TallyNames.Resolution("yes")] = 3, [TallyNames.Resolution("no")] = 1,
        // Reliability named 4 times with a CSAT, CSATs summing to 10: mean 2.5.
        [TallyNames.Driver("reliability", "dissatisfied")] = 2, [TallyNames.Driver("reliability", "satisfied")] = 2,
        [TallyNames.DriverCsatCount("reliability")] = 4, [TallyNames.DriverCsatSum("reliability")] = 10,
        [TallyNames.Signals("complaint")] = 6, [TallyNames.SignalsByTopic("complaint", "billing")] = 4, [TallyNames.SignalsByTopic("complaint", "invoices")] = 2,
        [TallyNames.Signals("contact-reason")] = 3, [TallyNames.SignalsByTopic("contact-reason", "billing")] = 3,
    });

    [Fact]
    public void CsatMean_Fcr_DriverMean_AndTopicCountAcrossKindsAndMergedTopics()
    {
        Assert.Equal((3.2, 5L), Round(EffectMeasurement.Of(new ExpectedEffect(EffectFigure.CsatMean, ReportScope.All, 0.3), Counts)));
        Assert.Equal((75.0, 4L), Round(EffectMeasurement.Of(new ExpectedEffect(EffectFigure.Fcr, ReportScope.All, 5), Counts)));
        Assert.Equal((2.5, 4L), Round(EffectMeasurement.Of(new ExpectedEffect(EffectFigure.DriverCsatMean, ReportScope.All, 0.5, Driver: QualityDriver.Reliability), Counts)));
        Assert.Equal((7.0, 7L), Round(EffectMeasurement.Of(new ExpectedEffect(EffectFigure.TopicCount, ReportScope.All, -3, TopicKey: "billing"), Counts)));
        Assert.Equal((9.0, 9L), Round(EffectMeasurement.Of(new ExpectedEffect(EffectFigure.TopicCount, ReportScope.All, -3, TopicKey: "billing"), Counts, ["billing", "invoices"])));
    }

    [Fact]
    public void AFigureWithNothingBehindIt_HasNoValue()
    {
        Assert.Equal((null, 0L), EffectMeasurement.Of(new ExpectedEffect(EffectFigure.CsatMean, ReportScope.All, 0.3), Tally.From(new Dictionary<string, long>())));
        Assert.Equal((null, 0L), EffectMeasurement.Of(new ExpectedEffect(EffectFigure.DriverCsatMean, ReportScope.All, 0.3, Driver: QualityDriver.Empathy), Counts));
    }

    [Fact]
    public void Periods_BaselineBeforeTheAgreedDay_AfterPeriodPastTheSettlingTime_EqualLength()
    {
        var baseline = EffectMeasurement.BaselinePeriod(new DateOnly(2026, 11, 10), 28);
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 10, 13), new DateOnly(2026, 11, 9)), baseline);

        var after = EffectMeasurement.AfterPeriod(new DateOnly(2026, 11, 20), 14, baseline);
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 12, 5), new DateOnly(2027, 1, 1)), after);
        Assert.Equal(baseline.Days, after.Days);
    }

    [Theory]
    [InlineData(3.4, 3.8, 0.3, true)]
    [InlineData(3.4, 3.6, 0.3, false)]
    [InlineData(20, 12, -5, true)]
    [InlineData(20, 18, -5, false)]
    public void Result_MetOnlyWhenTheFigureMovedAsFarAsExpected_InTheExpectedDirection(double before, double after, double expected, bool met)
    {
        var period = new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 28));
        var result = new EffectResult(new EffectMeasure(period, before, 50), new EffectMeasure(period, after, 50), expected);

        Assert.Equal(met, result.Met);
        Assert.Equal(after - before, result.Change!.Value, 10);
    }

    [Fact]
    public void Result_WithoutAValueOnEitherSide_IsUndecided()
    {
        var period = new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 28));
        Assert.Null(new EffectResult(new EffectMeasure(period, null, 0), new EffectMeasure(period, 3.9, 10), 0.3).Met);
    }

    private static (double? Value, long N) Round((double? Value, long N) m) => (m.Value is { } v ? Math.Round(v, 10) : null, m.N);
}
