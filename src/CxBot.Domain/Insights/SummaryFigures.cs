using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.Domain.Insights;

/// <summary>
/// One figure of a summary: its value in the period (null when there is nothing to compute it from), the number of
/// answers (or surveys, or signals) behind it, and its value in the previous period of equal length.
/// </summary>
/// <param name="Value">The value: a count, a mean, a percentage (0-100) or a score (NPS, net gap, -100 to 100).</param>
/// <param name="N">How many answers, surveys or signals it is computed from.</param>
/// <param name="Previous">The same figure in the previous period, or null when there was nothing to compute it from.</param>
public sealed record Figure(double? Value, long N, double? Previous = null)
{
    /// <summary>Value minus previous value, when both exist.</summary>
    public double? Change => Value is { } value && Previous is { } previous ? value - previous : null;

    /// <summary>A count: its own n, never null.</summary>
    public static Figure Count(long count) => new(count, count);

    /// <summary><paramref name="part"/> of <paramref name="whole"/> as a percentage; null when the whole is 0.</summary>
    public static Figure Share(long part, long whole) => new(whole == 0 ? null : 100.0 * part / whole, whole);

    /// <summary>With the previous period's value.</summary>
    public Figure Against(Figure previous) => this with { Previous = previous?.Value };
}

/// <summary>How customers who named one driver as what mattered most scored.</summary>
/// <param name="Driver">The driver key (<see cref="QualityDriver"/>).</param>
/// <param name="Named">Answers naming it.</param>
/// <param name="Satisfied">Of those, CSAT 4-5, as a share of the answers naming it that gave a CSAT.</param>
/// <param name="Dissatisfied">Of those, CSAT 1-2, as a share of the answers naming it that gave a CSAT.</param>
/// <param name="MeanCsat">Mean CSAT of the answers naming it.</param>
/// <param name="SatisfiedCount">Answers naming it with CSAT 4-5.</param>
/// <param name="DissatisfiedCount">Answers naming it with CSAT 1-2.</param>
public sealed record DriverFigures(string Driver, Figure Named, Figure Satisfied, Figure Dissatisfied, Figure MeanCsat, Figure SatisfiedCount, Figure DissatisfiedCount);

/// <summary>Signals of one kind, in all and by driver and by stored topic key.</summary>
/// <param name="Kind">The kind key (<see cref="SignalKinds"/>).</param>
/// <param name="Count">Signals of the kind.</param>
/// <param name="ByDriver">Per driver key (<c>none</c> when not named), non-zero ones only, in driver order.</param>
/// <param name="ByTopic">Per stored topic key (merges not resolved), non-zero ones only, most first.</param>
public sealed record SignalKindFigures(string Kind, Figure Count, IReadOnlyList<KeyValuePair<string, Figure>> ByDriver, IReadOnlyList<KeyValuePair<string, long>> ByTopic);

/// <summary>
/// Every figure of a summary, exactly as ../shared/domain.md defines them, computed from the counts of a period
/// (<see cref="Tally"/>) and compared with the previous period's. Percentages are 0-100; nothing is rounded here.
/// </summary>
public sealed record SummaryFigures
{
    /// <summary>Surveys whose send was attempted.</summary>
    public required Figure Sent { get; init; }
    /// <summary>Surveys posted to the customer.</summary>
    public required Figure Delivered { get; init; }
    /// <summary>Surveys that could not be delivered (every reason).</summary>
    public required Figure Failed { get; init; }
    /// <summary>Surveys answered.</summary>
    public required Figure Answered { get; init; }
    /// <summary>Answered / delivered, n = delivered.</summary>
    public required Figure ResponseRate { get; init; }
    /// <summary>Mean CSAT (1-5).</summary>
    public required Figure CsatMean { get; init; }
    /// <summary>Share of CSAT 4-5.</summary>
    public required Figure CsatPercent { get; init; }
    /// <summary>CSAT 1-2 answers.</summary>
    public required Figure LowScores { get; init; }
    /// <summary>%promoters (9-10) - %detractors (0-6); null value when not asked.</summary>
    public required Figure Nps { get; init; }
    /// <summary>Mean CES (1-5); null value when not asked.</summary>
    public required Figure CesMean { get; init; }
    /// <summary>Share of CES 4-5.</summary>
    public required Figure CesEasyPercent { get; init; }
    /// <summary>Share of "yes, resolved" among resolution answers.</summary>
    public required Figure Fcr { get; init; }
    /// <summary>Share of "worse than expected".</summary>
    public required Figure ExpectationWorse { get; init; }
    /// <summary>Share of "as expected".</summary>
    public required Figure ExpectationAsExpected { get; init; }
    /// <summary>Share of "better than expected".</summary>
    public required Figure ExpectationBetter { get; init; }
    /// <summary>%better - %worse.</summary>
    public required Figure ExpectationNet { get; init; }
    /// <summary>Drivers named at least once in either period, in driver order.</summary>
    public required IReadOnlyList<DriverFigures> Drivers { get; init; }
    /// <summary>Signal kinds logged at least once in either period, in kind order.</summary>
    public required IReadOnlyList<SignalKindFigures> Signals { get; init; }

    /// <summary>The figures of <paramref name="current"/>, each compared with the same figure of <paramref name="previous"/>.</summary>
    public static SummaryFigures Compute(Tally current, Tally previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var now = Of(current);
        var before = Of(previous);
        return new SummaryFigures
        {
            Sent = now.Sent.Against(before.Sent),
            Delivered = now.Delivered.Against(before.Delivered),
            Failed = now.Failed.Against(before.Failed),
            Answered = now.Answered.Against(before.Answered),
            ResponseRate = now.ResponseRate.Against(before.ResponseRate),
            CsatMean = now.CsatMean.Against(before.CsatMean),
            CsatPercent = now.CsatPercent.Against(before.CsatPercent),
            LowScores = now.LowScores.Against(before.LowScores),
            Nps = now.Nps.Against(before.Nps),
            CesMean = now.CesMean.Against(before.CesMean),
            CesEasyPercent = now.CesEasyPercent.Against(before.CesEasyPercent),
            Fcr = now.Fcr.Against(before.Fcr),
            ExpectationWorse = now.ExpectationWorse.Against(before.ExpectationWorse),
            ExpectationAsExpected = now.ExpectationAsExpected.Against(before.ExpectationAsExpected),
            ExpectationBetter = now.ExpectationBetter.Against(before.ExpectationBetter),
            ExpectationNet = now.ExpectationNet.Against(before.ExpectationNet),
            Drivers = [.. QualityDriver.All
                .Select(d => (Now: Driver(current, d), Before: Driver(previous, d)))
                .Where(p => p.Now.Named.N > 0 || p.Before.Named.N > 0)
                .Select(p => p.Now with
                {
                    Named = p.Now.Named.Against(p.Before.Named),
                    Satisfied = p.Now.Satisfied.Against(p.Before.Satisfied),
                    Dissatisfied = p.Now.Dissatisfied.Against(p.Before.Dissatisfied),
                    MeanCsat = p.Now.MeanCsat.Against(p.Before.MeanCsat),
                    SatisfiedCount = p.Now.SatisfiedCount.Against(p.Before.SatisfiedCount),
                    DissatisfiedCount = p.Now.DissatisfiedCount.Against(p.Before.DissatisfiedCount),
                })],
            Signals = [.. SignalKinds.All
                .Where(k => current[TallyNames.Signals(k.Key)] > 0 || previous[TallyNames.Signals(k.Key)] > 0)
                .Select(k => KindFigures(current, previous, k.Key))],
        };
    }

    /// <summary>The figures of one period, without comparison (a trend point, an agent's row).</summary>
    public static SummaryFigures Of(Tally counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var csat = Histogram(counts, TallyNames.Csat, 1, 5);
        var nps = Histogram(counts, TallyNames.Nps, 0, 10);
        var ces = Histogram(counts, TallyNames.Ces, 1, 5);
        var delivered = counts[TallyNames.Delivered];
        var answered = counts[TallyNames.Answered];
        var yes = counts[TallyNames.Resolution("yes")];
        var resolutions = yes + counts[TallyNames.Resolution("partly")] + counts[TallyNames.Resolution("no")];
        var worse = counts[TallyNames.Expectation("worse")];
        var asExpected = counts[TallyNames.Expectation("as-expected")];
        var better = counts[TallyNames.Expectation("better")];
        var expectations = worse + asExpected + better;
        var npsN = nps.Sum();
        var promoters = nps[9] + nps[10];
        var detractors = nps[..7].Sum();
        return new SummaryFigures
        {
            Sent = Figure.Count(counts[TallyNames.Sent]),
            Delivered = Figure.Count(delivered),
            Failed = Figure.Count(counts.SumOf(TallyNames.FailedPrefix)),
            Answered = Figure.Count(answered),
            ResponseRate = Figure.Share(answered, delivered),
            CsatMean = Mean(csat, 1),
            CsatPercent = Figure.Share(csat[3] + csat[4], csat.Sum()),
            LowScores = new Figure(csat[0] + csat[1], csat.Sum()),
            Nps = new Figure(npsN == 0 ? null : 100.0 * (promoters - detractors) / npsN, npsN),
            CesMean = Mean(ces, 1),
            CesEasyPercent = Figure.Share(ces[3] + ces[4], ces.Sum()),
            Fcr = Figure.Share(yes, resolutions),
            ExpectationWorse = Figure.Share(worse, expectations),
            ExpectationAsExpected = Figure.Share(asExpected, expectations),
            ExpectationBetter = Figure.Share(better, expectations),
            ExpectationNet = new Figure(expectations == 0 ? null : 100.0 * (better - worse) / expectations, expectations),
            Drivers = [.. QualityDriver.All.Select(d => Driver(counts, d)).Where(d => d.Named.N > 0)],
            Signals = [.. SignalKinds.All.Where(k => counts[TallyNames.Signals(k.Key)] > 0).Select(k => KindFigures(counts, new Tally(), k.Key))],
        };
    }

    private static DriverFigures Driver(Tally counts, string driver)
    {
        var satisfied = counts[TallyNames.Driver(driver, TallyNames.Bands.Satisfied)];
        var neutral = counts[TallyNames.Driver(driver, TallyNames.Bands.Neutral)];
        var dissatisfied = counts[TallyNames.Driver(driver, TallyNames.Bands.Dissatisfied)];
        var unrated = counts[TallyNames.Driver(driver, TallyNames.Bands.Unrated)];
        var rated = satisfied + neutral + dissatisfied;
        var csatCount = counts[TallyNames.DriverCsatCount(driver)];
        var csatSum = counts[TallyNames.DriverCsatSum(driver)];
        return new DriverFigures(
            driver,
            Figure.Count(rated + unrated),
            Figure.Share(satisfied, rated),
            Figure.Share(dissatisfied, rated),
            new Figure(csatCount == 0 ? null : (double)csatSum / csatCount, csatCount),
            Figure.Count(satisfied),
            Figure.Count(dissatisfied));
    }

    private static SignalKindFigures KindFigures(Tally current, Tally previous, string kind)
    {
        var drivers = QualityDriver.All.Append("none")
            .Select(d => new KeyValuePair<string, Figure>(d, Figure.Count(current[TallyNames.SignalsByDriver(kind, d)]).Against(Figure.Count(previous[TallyNames.SignalsByDriver(kind, d)]))))
            .Where(p => p.Value.N > 0 || p.Value.Previous > 0)
            .ToList();
        var topicPrefix = TallyNames.SignalsByTopic(kind, "");
        var topics = current.Counts
            .Where(c => c.Key.StartsWith(topicPrefix, StringComparison.Ordinal) && c.Value > 0)
            .Select(c => new KeyValuePair<string, long>(c.Key[topicPrefix.Length..], c.Value))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        var count = Figure.Count(current[TallyNames.Signals(kind)]).Against(Figure.Count(previous[TallyNames.Signals(kind)]));
        return new SignalKindFigures(kind, count, drivers, topics);
    }

    private static long[] Histogram(Tally counts, Func<int, string> name, int min, int max) =>
        [.. Enumerable.Range(min, max - min + 1).Select(v => counts[name(v)])];

    private static Figure Mean(long[] histogram, int min)
    {
        var n = histogram.Sum();
        var sum = histogram.Select((count, i) => count * (i + min)).Sum();
        return new Figure(n == 0 ? null : (double)sum / n, n);
    }
}
