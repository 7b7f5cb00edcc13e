namespace CxBot.Domain.Insights;

/// <summary>
/// Reads the words after <c>summary</c> (<c>samenvatting</c>): an optional period (<see cref="ReportPeriodParser"/>) and
/// an optional scope, <c>queue</c>/<c>wachtrij</c> NAME, <c>agent</c> NAME-OR-ID, <c>channel</c>/<c>kanaal</c> NAME, in
/// any order. A name runs until the next period or scope word. A queue and an agent together are the agent within
/// that queue. Without a period the last seven days are used.
/// </summary>
public static class SummaryFilterParser
{
    private static readonly Dictionary<string, ReportScopeKind> ScopeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["queue"] = ReportScopeKind.Queue,
        ["wachtrij"] = ReportScopeKind.Queue,
        ["agent"] = ReportScopeKind.Agent,
        ["medewerker"] = ReportScopeKind.Agent,
        ["channel"] = ReportScopeKind.Channel,
        ["kanaal"] = ReportScopeKind.Channel,
    };

    /// <summary>Reads <paramref name="text"/>.</summary>
    /// <param name="text">The words after the command.</param>
    /// <param name="today">Today's reporting day (in <c>Reporting:TimeZone</c>).</param>
    /// <param name="resolveAgent">The agent id a name or id stands for (the staff directory), or null when unknown.</param>
    public static SummaryFilterResult Parse(string? text, DateOnly today, Func<string, string?> resolveAgent)
    {
        ArgumentNullException.ThrowIfNull(resolveAgent);
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        ReportPeriod? period = null;
        string? queue = null, agent = null, channel = null;
        for (var i = 0; i < words.Length;)
        {
            if (ScopeWords.TryGetValue(words[i], out var kind))
            {
                var end = NameEnd(words, i + 1, today);
                if (end == i + 1)
                {
                    return Problem(SummaryFilterProblem.MissingName, words[i]);
                }

                var name = string.Join(' ', words, i + 1, end - i - 1);
                switch (kind)
                {
                    case ReportScopeKind.Queue when queue is null:
                        queue = name;
                        break;
                    case ReportScopeKind.Channel when channel is null:
                        channel = name;
                        break;
                    case ReportScopeKind.Agent when agent is null:
                        agent = resolveAgent(name);
                        if (agent is null)
                        {
                            return Problem(SummaryFilterProblem.UnknownAgent, name);
                        }

                        break;
                    default:
                        return Problem(SummaryFilterProblem.Conflicting, words[i] + " " + name);
                }

                i = end;
                continue;
            }

            var (length, reading) = ReadPeriod(words, i, today);
            if (length == 0)
            {
                return Problem(SummaryFilterProblem.UnknownWords, words[i]);
            }

            var phrase = string.Join(' ', words, i, length);
            if (reading.Error is { } error)
            {
                return Problem(error, phrase);
            }

            if (period is not null)
            {
                return Problem(SummaryFilterProblem.Conflicting, phrase);
            }

            period = reading.Period;
            i += length;
        }

        var scope = (queue, agent, channel) switch
        {
            (null, null, null) => ReportScope.All,
            ({ } q, null, null) => ReportScope.ForQueue(q),
            (null, { } a, null) => ReportScope.ForAgent(a),
            (null, null, { } c) => ReportScope.ForChannel(c),
            ({ } q, { } a, null) => ReportScope.ForQueueAgent(q, a),
            _ => null,
        };
        return scope is null
            ? Problem(SummaryFilterProblem.Conflicting, string.Join(' ', words))
            : new SummaryFilterResult(new SummaryFilter(period ?? ReportPeriodParser.Default(today), scope), null, null);
    }

    // The longest period phrase starting at i: (its word count, what it said), or (0, none).
    private static (int Length, PeriodReading Reading) ReadPeriod(string[] words, int i, DateOnly today)
    {
        for (var length = Math.Min(ReportPeriodParser.MaxWords, words.Length - i); length >= 1; length--)
        {
            var reading = ReportPeriodParser.Read(string.Join(' ', words, i, length), today);
            if (reading.Matched)
            {
                return (length, reading);
            }
        }

        return (0, PeriodReading.None);
    }

    private static int NameEnd(string[] words, int start, DateOnly today)
    {
        var end = start;
        while (end < words.Length && !ScopeWords.ContainsKey(words[end]) && ReadPeriod(words, end, today).Length == 0)
        {
            end++;
        }

        return end;
    }

    private static SummaryFilterResult Problem(SummaryFilterProblem problem, string text) => new(null, problem, text);
}
