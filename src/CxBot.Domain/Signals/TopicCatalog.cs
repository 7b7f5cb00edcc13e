namespace CxBot.Domain.Signals;

/// <summary>
/// A tenant's topics as read: finds a topic by key or by either label (normalised, so case and accents do not
/// matter), follows merges to the topic a key counts as now, and names the keys that count as one topic.
/// </summary>
public sealed class TopicCatalog
{
    private readonly Dictionary<string, Topic> _byKey;
    private readonly Dictionary<string, Topic> _byName = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="topics"/>: keys first, then the labels of active topics, then those of merged ones
    /// (an old name leads to the topic it was merged into).</summary>
    public TopicCatalog(IEnumerable<Topic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        _byKey = topics.ToDictionary(t => t.Key, StringComparer.Ordinal);
        foreach (var topic in _byKey.Values)
        {
            _byName.TryAdd(topic.Key, topic);
        }

        foreach (var topic in _byKey.Values.OrderBy(t => t.IsActive ? 0 : 1).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            _byName.TryAdd(TopicKey.Normalize(topic.English), topic);
            _byName.TryAdd(TopicKey.Normalize(topic.Dutch), topic);
        }
    }

    /// <summary>Topics not merged into another, in label order of the language asked for.</summary>
    public IReadOnlyList<Topic> Active(bool dutch) =>
        [.. _byKey.Values.Where(t => t.IsActive).OrderBy(t => t.LabelIn(dutch), StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>All topics, merged ones included.</summary>
    public IReadOnlyCollection<Topic> All => _byKey.Values;

    /// <summary>The active topic <paramref name="text"/> names (key or label, after merges), or null.</summary>
    public Topic? Find(string? text)
    {
        var key = TopicKey.Normalize(text);
        return key.Length > 0 && _byName.TryGetValue(key, out var topic) ? Resolve(topic.Key) : null;
    }

    /// <summary>The active topic <paramref name="key"/> counts as now (itself, or where it was merged), or null when unknown.</summary>
    public Topic? Resolve(string? key)
    {
        if (key is null || !_byKey.TryGetValue(key, out var topic))
        {
            return null;
        }

        // A merge always targets an active topic, so chains are short; the bound guards against a hand-edited cycle.
        for (var hops = 0; topic.MergedInto is { } next && hops < 16 && _byKey.TryGetValue(next, out var target); hops++)
        {
            topic = target;
        }

        return topic;
    }

    /// <summary>Every key that counts as the topic <paramref name="key"/> counts as: itself and the keys merged into it.</summary>
    public IReadOnlyList<string> KeysCountingAs(string key)
    {
        var target = Resolve(key)?.Key ?? key;
        return [.. _byKey.Keys.Where(k => Resolve(k)?.Key == target).DefaultIfEmpty(target).Order(StringComparer.Ordinal)];
    }

    /// <summary>The label of the topic <paramref name="key"/> counts as, or the key itself when unknown.</summary>
    public string LabelOf(string key, bool dutch) => Resolve(key)?.LabelIn(dutch) ?? key;
}
