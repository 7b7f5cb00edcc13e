using System.Globalization;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>A customer's answer to the default survey, as the Send button submits it.</summary>
public sealed record SeededAnswer(int Csat, string Resolution, string Expectation, string? Driver = null, string? Comment = null)
{
    public (string Input, string Value)[] Inputs() =>
    [
        ("csat", Csat.ToString(CultureInfo.InvariantCulture)),
        ("resolution", Resolution),
        ("expectation", Expectation),
        .. Driver is null ? Array.Empty<(string, string)>() : [("driver", Driver)],
        .. Comment is null ? Array.Empty<(string, string)>() : [("comment", Comment)],
    ];
}

/// <summary>A contact reported to the contacts API on <see cref="Day"/> (its reporting day), answered or not.</summary>
public sealed record SeededContact(DateOnly Day, SeededAnswer? Answer, string ContactId = "");

/// <summary>A signal logged with the one-line signal command.</summary>
public sealed record SeededSignal(string Kind, string Topic, string Description);

/// <summary>What the summary tests seeded, all in queue billing, channel phone, agent Sam de Boer.</summary>
public sealed record SummarySeed(DateOnly Today, IReadOnlyList<SeededContact> Contacts, IReadOnlyList<SeededSignal> Signals)
{
    public const string LowScoreComment = "Nobody called back about my invoice";

    /// <summary>Two signals of one kind and one of another, all today, none naming a driver.</summary>
    public static readonly IReadOnlyList<SeededSignal> SignalPlan =
    [
        new("complaint", "billing", "Customer was charged twice"),
        new("complaint", "billing", "Invoice sent to the old address"),
        new("compliment", "billing", "Customer thanked us for the quick refund"),
    ];

    /// <summary>
    /// Contacts on three days of the last 7 (one left unanswered) and two on a day of the 7 before, so that every
    /// figure has a change against the previous period; days relative to <paramref name="today"/>.
    /// </summary>
    public static IReadOnlyList<SeededContact> Plan(DateOnly today) =>
    [
        new(today, new SeededAnswer(5, "yes", "better", "reliability")),
        new(today, new SeededAnswer(4, "yes", "as-expected", "empathy")),
        new(today, new SeededAnswer(2, "no", "worse", "reliability", LowScoreComment)),
        new(today.AddDays(-1), new SeededAnswer(4, "partly", "as-expected", "waiting-time")),
        new(today.AddDays(-3), new SeededAnswer(3, "yes", "worse")),
        new(today.AddDays(-3), null),
        new(today.AddDays(-9), new SeededAnswer(2, "no", "worse", "reliability")),
        new(today.AddDays(-9), new SeededAnswer(4, "yes", "as-expected", "empathy")),
    ];

    /// <summary>"last 7 days": today and the six days before.</summary>
    public (DateOnly From, DateOnly To) Period => (Today.AddDays(-6), Today);

    /// <summary>The 7 days before <see cref="Period"/>.</summary>
    public (DateOnly From, DateOnly To) PreviousPeriod => (Today.AddDays(-13), Today.AddDays(-7));
}
