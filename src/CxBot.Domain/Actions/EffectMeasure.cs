using CxBot.Domain.Insights;

namespace CxBot.Domain.Actions;

/// <summary>One measurement of an effect figure: the period, the value (null when nothing was there to compute it) and the n behind it.</summary>
/// <param name="Period">The reporting days measured.</param>
/// <param name="Value">The figure's value.</param>
/// <param name="N">The answers (or signals) it is computed from.</param>
public sealed record EffectMeasure(ReportPeriod Period, double? Value, long N);

/// <summary>The effect check's outcome: the baseline before, the same figure after, and whether the expected change came.</summary>
/// <param name="Baseline">Before (stored when the action was agreed).</param>
/// <param name="After">The equal period after the settling time.</param>
/// <param name="Expected">The change that was expected.</param>
public sealed record EffectResult(EffectMeasure Baseline, EffectMeasure After, double Expected)
{
    /// <summary>After minus before, when both have a value.</summary>
    public double? Change => After.Value is { } after && Baseline.Value is { } before ? after - before : null;

    /// <summary>Whether the figure moved at least as far as expected, in the expected direction; null when either side has no value.</summary>
    public bool? Met => Change is { } change ? (Expected > 0 ? change >= Expected : change <= Expected) : null;
}

/// <summary>
/// Computes an effect figure from a period's counts, with the same definitions as the summary (<see cref="SummaryFigures"/>),
/// and the periods an effect check compares: the baseline is the <c>days</c> reporting days before the day the action was
/// agreed; the after-period starts <c>settlingDays</c> after the day it was done and is as long as the baseline.
/// </summary>
public static class EffectMeasurement
{
    /// <summary>The figure's value and n in <paramref name="counts"/>; <paramref name="topicKeys"/> are the topic and the topics merged into it.</summary>
    public static (double? Value, long N) Of(ExpectedEffect effect, Tally counts, IReadOnlyCollection<string>? topicKeys = null)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(counts);
        var figures = SummaryFigures.Of(counts);
        switch (effect.Figure)
        {
            case EffectFigure.CsatMean:
                return (figures.CsatMean.Value, figures.CsatMean.N);
            case EffectFigure.Fcr:
                return (figures.Fcr.Value, figures.Fcr.N);
            case EffectFigure.DriverCsatMean:
                var driver = figures.Drivers.FirstOrDefault(d => d.Driver == effect.Driver);
                return driver is null ? (null, 0) : (driver.MeanCsat.Value, driver.MeanCsat.N);
            case EffectFigure.TopicCount:
                var keys = topicKeys ?? [effect.TopicKey!];
                var count = figures.Signals.SelectMany(s => s.ByTopic).Where(t => keys.Contains(t.Key)).Sum(t => t.Value);
                return (count, count);
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect.Figure, "Unknown effect figure.");
        }
    }

    /// <summary>The baseline period of an action agreed on <paramref name="agreedDay"/>.</summary>
    public static ReportPeriod BaselinePeriod(DateOnly agreedDay, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new ReportPeriod(agreedDay.AddDays(-days), agreedDay.AddDays(-1));
    }

    /// <summary>The after-period of an action done on <paramref name="doneDay"/>, as long as <paramref name="baseline"/>.</summary>
    public static ReportPeriod AfterPeriod(DateOnly doneDay, int settlingDays, ReportPeriod baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentOutOfRangeException.ThrowIfNegative(settlingDays);
        var from = doneDay.AddDays(settlingDays + 1);
        return new ReportPeriod(from, from.AddDays(baseline.Days - 1));
    }
}
