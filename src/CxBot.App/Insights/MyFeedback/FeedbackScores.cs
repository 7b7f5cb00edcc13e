using CxBot.Domain.Insights;

namespace CxBot.App.Insights.MyFeedback;

/// <summary>An agent's figures from their counts, as ../shared/domain.md defines them; a figure with no answers behind it is null.</summary>
public sealed record FeedbackScores
{
    /// <summary>Answered surveys.</summary>
    public long Answers { get; init; }
    /// <summary>CSAT answers.</summary>
    public long CsatCount { get; init; }
    /// <summary>Mean CSAT (1-5).</summary>
    public double? CsatMean { get; init; }
    /// <summary>Share of CSAT 4-5, 0-100.</summary>
    public double? CsatPercent { get; init; }
    /// <summary>NPS answers.</summary>
    public long NpsCount { get; init; }
    /// <summary>%promoters - %detractors.</summary>
    public double? Nps { get; init; }
    /// <summary>CES answers.</summary>
    public long CesCount { get; init; }
    /// <summary>Mean CES (1-5).</summary>
    public double? CesMean { get; init; }
    /// <summary>Share of CES 4-5, 0-100.</summary>
    public double? CesEasyPercent { get; init; }
    /// <summary>Resolution answers.</summary>
    public long ResolutionCount { get; init; }
    /// <summary>Share of "yes, resolved", 0-100.</summary>
    public double? FcrPercent { get; init; }

    /// <summary>The figures of <paramref name="counts"/>.</summary>
    public static FeedbackScores From(Tally counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var csat = Histogram(counts, TallyNames.Csat, 1, 5);
        var nps = Histogram(counts, TallyNames.Nps, 0, 10);
        var ces = Histogram(counts, TallyNames.Ces, 1, 5);
        var resolution = counts[TallyNames.Resolution("yes")] + counts[TallyNames.Resolution("partly")] + counts[TallyNames.Resolution("no")];
        return new FeedbackScores
        {
            Answers = counts[TallyNames.Responses],
            CsatCount = csat.Total,
            CsatMean = csat.Mean,
            CsatPercent = Share(csat.From(4), csat.Total),
            NpsCount = nps.Total,
            Nps = nps.Total == 0 ? null : Share(nps.From(9), nps.Total) - Share(nps.Total - nps.From(7), nps.Total),
            CesCount = ces.Total,
            CesMean = ces.Mean,
            CesEasyPercent = Share(ces.From(4), ces.Total),
            ResolutionCount = resolution,
            FcrPercent = Share(counts[TallyNames.Resolution("yes")], resolution),
        };
    }

    private static double? Share(long part, long total) => total == 0 ? null : 100.0 * part / total;

    private static Values Histogram(Tally counts, Func<int, string> name, int min, int max)
    {
        var byValue = Enumerable.Range(min, max - min + 1).ToDictionary(v => v, v => counts[name(v)]);
        return new Values(byValue);
    }

    private sealed record Values(Dictionary<int, long> ByValue)
    {
        public long Total => ByValue.Values.Sum();

        public double? Mean => Total == 0 ? null : (double)ByValue.Sum(v => v.Key * v.Value) / Total;

        public long From(int value) => ByValue.Where(v => v.Key >= value).Sum(v => v.Value);
    }
}
