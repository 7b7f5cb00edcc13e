using System.Globalization;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>
/// The summary of "last 7 days" worked out by hand from what the test seeded (../shared/domain.md's definitions, plain
/// arithmetic over the answers), in the words and number format of <paramref name="culture"/> (English or Dutch).
/// Each figure row is [label, value, change against the 7 days before, n].
/// </summary>
public sealed class ExpectedSummary(SummarySeed seed, CultureInfo culture)
{
    private const string None = "–";

    private bool Dutch => culture.TwoLetterISOLanguageName == "nl";

    private IReadOnlyList<SeededContact> Current => In(seed.Period);

    private IReadOnlyList<SeededContact> Previous => In(seed.PreviousPeriod);

    public string Title => Dutch ? "Samenvatting: alle wachtrijen en kanalen" : "Summary: all queues and channels";

    public string PeriodLine => string.Format(culture, Dutch ? "{0} t/m {1} ({2} dagen), vergeleken met {3} t/m {4}" : "{0} to {1} ({2} days), compared with {3} to {4}",
        Day(seed.Period.From), Day(seed.Period.To), 7, Day(seed.PreviousPeriod.From), Day(seed.PreviousPeriod.To));

    /// <summary>The funnel's and the scores' rows, in card order.</summary>
    public IReadOnlyList<string[]> FigureRows =>
    [
        CountRow(Dutch ? "Verstuurd" : "Sent", c => c.Count),
        CountRow(Dutch ? "Afgeleverd" : "Delivered", c => c.Count),
        CountRow(Dutch ? "Mislukt" : "Failed", _ => 0),
        CountRow(Dutch ? "Beantwoord" : "Answered", c => Answers(c).Count),
        ShareRow(Dutch ? "Respons" : "Response rate", c => (Answers(c).Count, c.Count)),
        MeanRow(Dutch ? "CSAT (gemiddeld, 1-5)" : "CSAT (mean, 1-5)"),
        ShareRow("CSAT % (4-5)", c => (Answers(c).Count(a => a.Csat >= 4), Answers(c).Count)),
        [Dutch ? "Lage scores (CSAT 1-2)" : "Low scores (CSAT 1-2)", Count(Low(Current)), SignedCount(Low(Current) - Low(Previous)), Count(Answers(Current).Count)],
        ShareRow(Dutch ? "In één keer opgelost (FCR)" : "Resolved first time (FCR)", c => (Answers(c).Count(a => a.Resolution == "yes"), Answers(c).Count)),
        ShareRow(Dutch ? "Slechter dan verwacht" : "Worse than expected", c => Expectation(c, "worse")),
        ShareRow(Dutch ? "Zoals verwacht" : "As expected", c => Expectation(c, "as-expected")),
        ShareRow(Dutch ? "Beter dan verwacht" : "Better than expected", c => Expectation(c, "better")),
        NetRow(Dutch ? "Verwachting netto (beter - slechter)" : "Expectation net (better - worse)"),
    ];

    /// <summary>[driver, named, satisfied (share), dissatisfied (share), mean CSAT (change)] for each driver named in either period.</summary>
    public IReadOnlyList<string[]> DriverRows =>
    [
        .. QualityDriver.All.Where(d => Named(Current, d).Any() || Named(Previous, d).Any()).Select(d =>
        {
            var now = Named(Current, d).ToList();
            var satisfied = now.Count(a => a.Csat >= 4);
            var dissatisfied = now.Count(a => a.Csat <= 2);
            var mean = MeanOf(now);
            return new[]
            {
                DriverName(d), Count(now.Count), $"{Count(satisfied)} ({Percent(Share(satisfied, now.Count))})",
                $"{Count(dissatisfied)} ({Percent(Share(dissatisfied, now.Count))})",
                $"{Mean(mean)} ({Change(mean, MeanOf(Named(Previous, d).ToList()), "0.00", "")})",
            };
        }),
    ];

    /// <summary>[kind, count, change, by driver]: every seeded signal is from today and names no driver.</summary>
    public IReadOnlyList<string[]> SignalRows =>
    [
        .. SignalKinds.All.Where(k => seed.Signals.Any(s => s.Kind == k.Key)).Select(k =>
        {
            var count = seed.Signals.Count(s => s.Kind == k.Key);
            return new[] { Dutch ? k.Dutch : k.English, Count(count), SignedCount(count), $"{(Dutch ? "geen drijfveer genoemd" : "no driver named")} {Count(count)}" };
        }),
    ];

    /// <summary>The one topic signalled: [label, count].</summary>
    public string[] TopicRow => [Dutch ? "Facturatie" : "Billing", Count(seed.Signals.Count)];

    /// <summary>
    /// Follow-ups still open: every answer (either period) with a CSAT of 1-2, worse than expected or not resolved asks
    /// for one, and none is a day old yet.
    /// </summary>
    public string FollowUpsLine
    {
        get
        {
            var open = seed.Contacts.Select(c => c.Answer).OfType<SeededAnswer>().Count(a => a.Csat <= 2 || a.Expectation == "worse" || a.Resolution == "no");
            return string.Format(culture, Dutch ? "{0} open, waarvan 0 te laat" : "{0} open, of which 0 overdue", open);
        }
    }

    public string ChartTitle => Dutch ? "CSAT per dag" : "CSAT per day";

    /// <summary>The trend: one point per day of the period with CSAT answers, oldest first.</summary>
    public IReadOnlyList<TrendPoint> Trend =>
    [
        .. Current.Where(c => c.Answer is not null).GroupBy(c => c.Day).OrderBy(g => g.Key).Select(g =>
        {
            var mean = MeanOf(Answers(g.ToList()))!.Value;
            return new TrendPoint(g.Key.ToString("d MMM", culture), Math.Round(mean, 2), Day(g.Key), Mean(mean), Count(g.Count(c => c.Answer is not null)));
        }),
    ];

    /// <summary>The trend's table (the chart's fallback): its header and one row per point.</summary>
    public IReadOnlyList<string[]> TrendTableRows =>
    [
        [Dutch ? "Dag" : "Day", Dutch ? "CSAT (gemiddeld, 1-5)" : "CSAT (mean, 1-5)", "n"],
        .. Trend.Select(p => new[] { p.DayText, p.MeanText, p.N }),
    ];

    private IReadOnlyList<SeededContact> In((DateOnly From, DateOnly To) period) =>
        [.. seed.Contacts.Where(c => c.Day >= period.From && c.Day <= period.To)];

    private static List<SeededAnswer> Answers(IReadOnlyList<SeededContact> contacts) => [.. contacts.Select(c => c.Answer).OfType<SeededAnswer>()];

    private static int Low(IReadOnlyList<SeededContact> contacts) => Answers(contacts).Count(a => a.Csat <= 2);

    private static IEnumerable<SeededAnswer> Named(IReadOnlyList<SeededContact> contacts, string driver) => Answers(contacts).Where(a => a.Driver == driver);

    private static (int Part, int Whole) Expectation(IReadOnlyList<SeededContact> contacts, string answer) =>
        (Answers(contacts).Count(a => a.Expectation == answer), Answers(contacts).Count);

    private static double? MeanOf(List<SeededAnswer> answers) => answers.Count == 0 ? null : (double)answers.Sum(a => a.Csat) / answers.Count;

    private static double? Share(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;

    private string[] CountRow(string label, Func<IReadOnlyList<SeededContact>, int> count) =>
        [label, Count(count(Current)), SignedCount(count(Current) - count(Previous)), Count(count(Current))];

    private string[] ShareRow(string label, Func<IReadOnlyList<SeededContact>, (int Part, int Whole)> share)
    {
        var (part, whole) = share(Current);
        var (previousPart, previousWhole) = share(Previous);
        return [label, Percent(Share(part, whole)), Change(Share(part, whole), Share(previousPart, previousWhole), "0.0", "%"), Count(whole)];
    }

    private string[] MeanRow(string label)
    {
        var now = MeanOf(Answers(Current));
        return [label, Mean(now), Change(now, MeanOf(Answers(Previous)), "0.00", ""), Count(Answers(Current).Count)];
    }

    private string[] NetRow(string label)
    {
        double? Net(IReadOnlyList<SeededContact> c) => Share(Expectation(c, "better").Part, Answers(c).Count) - Share(Expectation(c, "worse").Part, Answers(c).Count);
        var now = Net(Current);
        return [label, Signed(now!.Value, "0.0", ""), Change(now, Net(Previous), "0.0", ""), Count(Answers(Current).Count)];
    }

    private string Day(DateOnly day) => day.ToString("d MMM yyyy", culture);

    private string Count(int n) => n.ToString("#,0", culture);

    private string SignedCount(int n) => Signed(n, "#,0", "");

    private string Mean(double? mean) => mean is { } value ? value.ToString("0.00", culture) : None;

    private string Percent(double? share) => share is { } value ? value.ToString("0.0", culture) + "%" : None;

    private string Change(double? now, double? before, string format, string suffix) => now is { } a && before is { } b ? Signed(a - b, format, suffix) : None;

    // A sign only when the rounded number is not zero.
    private string Signed(double value, string format, string suffix)
    {
        var text = Math.Abs(value).ToString(format, culture);
        var sign = text.Any(c => c is >= '1' and <= '9') ? (value < 0 ? "-" : "+") : "";
        return sign + text + suffix;
    }

    private string DriverName(string driver) => (driver, Dutch) switch
    {
        ("reliability", false) => "Reliability",
        ("reliability", true) => "Betrouwbaarheid",
        ("empathy", false) => "Empathy",
        ("empathy", true) => "Empathie",
        ("waiting-time", false) => "Waiting time",
        ("waiting-time", true) => "Wachttijd",
        _ => throw new ArgumentOutOfRangeException(nameof(driver), driver, "Not a driver the seed names."),
    };
}

/// <summary>A point of the CSAT trend: the chart's x label and y value, and the fallback table's day, mean and n.</summary>
public sealed record TrendPoint(string X, double Y, string DayText, string MeanText, string N);
