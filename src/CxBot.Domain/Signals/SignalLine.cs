namespace CxBot.Domain.Signals;

/// <summary>What is wrong with a one-line signal.</summary>
public enum SignalLineProblem
{
    /// <summary>Nothing after the command: the form is wanted.</summary>
    Empty,
    /// <summary>No <c>:</c> before the text, or no text after it.</summary>
    NoText,
    /// <summary>The words before the colon start with no kind.</summary>
    UnknownKind,
    /// <summary>A kind but no topic.</summary>
    NoTopic,
    /// <summary>A topic the list does not know.</summary>
    UnknownTopic,
    /// <summary>The text is longer than <see cref="SignalDetails.MaxTextLength"/>.</summary>
    TextTooLong,
}

/// <summary>A one-line signal as read: the kind, topic and text, or what is wrong with it.</summary>
public sealed record SignalLine
{
    /// <summary>The kind, when recognised.</summary>
    public SignalKind? Kind { get; init; }
    /// <summary>The topic, when recognised.</summary>
    public Topic? Topic { get; init; }
    /// <summary>The words where a topic was expected (for the answer to an unknown one).</summary>
    public string? TopicText { get; init; }
    /// <summary>The description.</summary>
    public string? Text { get; init; }
    /// <summary>What is wrong, or null.</summary>
    public SignalLineProblem? Problem { get; init; }

    /// <summary>
    /// Reads <c>KIND TOPIC: TEXT</c> (<c>complaint billing: customer was charged twice</c>, <c>klacht facturatie: ...</c>).
    /// The kind is the longest kind name (English, Dutch or key) the words start with; the topic is all the words after it,
    /// matched against the topic list's keys and English and Dutch labels; the text is everything after the first colon,
    /// kept as typed.
    /// </summary>
    public static SignalLine Parse(string? argument, TopicCatalog topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var line = argument?.Trim() ?? "";
        if (line.Length == 0)
        {
            return new SignalLine { Problem = SignalLineProblem.Empty };
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var head = colon < 0 ? line : line[..colon];
        var text = colon < 0 ? "" : line[(colon + 1)..].Trim();
        var words = head.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var (kind, used) = MatchKind(words);
        var topicText = string.Join(' ', words.Skip(used));
        var topic = topicText.Length == 0 ? null : topics.Find(topicText);
        var read = new SignalLine { Kind = kind, Topic = topic, TopicText = topicText.Length == 0 ? null : topicText, Text = text.Length == 0 ? null : text };
        SignalLineProblem? problem = kind is null ? SignalLineProblem.UnknownKind
            : topicText.Length == 0 ? SignalLineProblem.NoTopic
            : topic is null ? SignalLineProblem.UnknownTopic
            : text.Length == 0 ? SignalLineProblem.NoText
            : text.Length > SignalDetails.MaxTextLength ? SignalLineProblem.TextTooLong
            : null;
        return read with { Problem = problem };
    }

    // Longest name first, so "contact reason" is never read as a kind "contact" plus a topic "reason".
    private static (SignalKind? Kind, int Words) MatchKind(string[] words)
    {
        var names = SignalKinds.All
            .SelectMany(k => new[] { k.English, k.Dutch, k.Key }.Select(n => (k.Kind, Words: n.Replace('-', ' ').Split(' '))))
            .OrderByDescending(n => n.Words.Length);
        foreach (var (kind, nameWords) in names)
        {
            if (nameWords.Length <= words.Length
                && nameWords.Select((w, i) => string.Equals(w, words[i].Replace('-', ' '), StringComparison.OrdinalIgnoreCase)).All(x => x))
            {
                return (kind, nameWords.Length);
            }
        }

        // A hyphenated key typed as one word ("churn-risk").
        return words.Length > 0 && SignalKinds.FromKey(words[0]) is { } keyed ? (keyed, 1) : (null, 0);
    }
}
