using System.Globalization;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.Signals.Lists;

/// <summary>
/// The words after <c>signals</c>: a period (<c>today</c>, <c>week</c>, <c>month</c>, <c>14d</c>), a kind, a topic, a
/// driver, <c>queue X</c>, a status (<c>new</c>, <c>triaged</c>, <c>in action</c>, <c>closed</c>, <c>withdrawn</c>,
/// <c>open</c>, <c>all</c>) or a severity, in English or Dutch, in any order. Longer names win over shorter ones.
/// </summary>
public static class SignalListFilter
{
    private const int MaxWords = 5;

    private static readonly CultureInfo[] Languages = [BotCulture.English, BotCulture.Dutch];

    private static readonly (string Text, IReadOnlySet<SignalStatus> Statuses)[] StatusWords =
    [
        ("new", Set(SignalStatus.New)), ("nieuw", Set(SignalStatus.New)),
        ("triaged", Set(SignalStatus.Triaged)), ("getriageerd", Set(SignalStatus.Triaged)), ("beoordeeld", Set(SignalStatus.Triaged)),
        ("in action", Set(SignalStatus.InAction)), ("in actie", Set(SignalStatus.InAction)),
        ("closed", Set(SignalStatus.Closed)), ("gesloten", Set(SignalStatus.Closed)), ("afgesloten", Set(SignalStatus.Closed)),
        ("withdrawn", Set(SignalStatus.Withdrawn)), ("ingetrokken", Set(SignalStatus.Withdrawn)),
        ("open", SignalQuery.Open),
        ("all", Set(Enum.GetValues<SignalStatus>())), ("alle", Set(Enum.GetValues<SignalStatus>())), ("alles", Set(Enum.GetValues<SignalStatus>())),
    ];

    private static readonly (string Text, int Days)[] PeriodWords =
    [
        ("today", 0), ("vandaag", 0), ("week", 7), ("this week", 7), ("deze week", 7), ("month", 30), ("this month", 30), ("maand", 30), ("deze maand", 30),
    ];

    private static readonly (string Text, SignalSeverity Severity)[] SeverityWords =
    [
        ("high", SignalSeverity.High), ("hoog", SignalSeverity.High), ("medium", SignalSeverity.Medium), ("middel", SignalSeverity.Medium),
        ("low", SignalSeverity.Low), ("laag", SignalSeverity.Low),
    ];

    private static readonly string[] QueueWords = ["queue", "wachtrij"];

    /// <summary>The query the words ask for, or the first word not understood.</summary>
    public static (SignalQuery? Query, string? Unknown) Parse(string? text, string? tenantId, TopicCatalog topics, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var query = new SignalQuery { TenantId = tenantId };
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length;)
        {
            if (QueueWords.Contains(words[i], StringComparer.OrdinalIgnoreCase) && i + 1 < words.Length)
            {
                query = query with { Queue = words[i + 1] };
                i += 2;
                continue;
            }

            var matched = false;
            for (var length = Math.Min(MaxWords, words.Length - i); length >= 1 && !matched; length--)
            {
                var phrase = string.Join(' ', words, i, length);
                if (Apply(query, phrase, topics, now) is { } next)
                {
                    query = next;
                    i += length;
                    matched = true;
                }
            }

            if (!matched)
            {
                return (null, words[i]);
            }
        }

        return (query, null);
    }

    private static SignalQuery? Apply(SignalQuery query, string phrase, TopicCatalog topics, DateTimeOffset now)
    {
        var key = phrase.Trim().ToLowerInvariant();
        if (StatusWords.FirstOrDefault(w => w.Text == key) is { Text: not null } status)
        {
            return query with { Statuses = status.Statuses };
        }

        if (PeriodWords.FirstOrDefault(w => w.Text == key) is { Text: not null } period)
        {
            return query with { From = period.Days == 0 ? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) : now.AddDays(-period.Days) };
        }

        if (key.Length > 1 && key[^1] == 'd' && int.TryParse(key[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 366)
        {
            return query with { From = now.AddDays(-days) };
        }

        if (SeverityWords.FirstOrDefault(w => w.Text == key) is { Text: not null } severity)
        {
            return query with { Severity = severity.Severity };
        }

        if (SignalKinds.All.FirstOrDefault(k => k.Key == key || k.English == key || k.Dutch == key) is { } kind)
        {
            return query with { Kind = kind.Kind };
        }

        if (QualityDriver.All.FirstOrDefault(d => d == key || Languages.Any(c => string.Equals(SurveyCard.DriverName(d, c), phrase.Trim(), StringComparison.OrdinalIgnoreCase))) is { } driver)
        {
            return query with { Driver = driver };
        }

        if (topics.Find(phrase) is { } topic)
        {
            return query with { TopicKeys = topics.KeysCountingAs(topic.Key) };
        }

        return null;
    }

    private static HashSet<SignalStatus> Set(params SignalStatus[] statuses) => [.. statuses];
}
