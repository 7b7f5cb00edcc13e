using CxBot.Domain.People;

namespace CxBot.Domain.Signals;

/// <summary>
/// A topic of the managed list: a normalised key and an English and a Dutch label, so "Billing", "billing" and
/// "facturatie" are one topic. Supervisors add, rename and merge topics; an agent's proposal lands unreviewed.
/// A merged topic keeps its key (stored signals keep naming it) and points to the topic it now counts as.
/// </summary>
public sealed class Topic
{
    /// <summary>Most characters of a label.</summary>
    public const int MaxLabelLength = 60;

    private Topic(string key, string english, string dutch)
    {
        Key = key;
        English = english;
        Dutch = dutch;
    }

    /// <summary>The normalised key (<see cref="TopicKey"/>).</summary>
    public string Key { get; }
    /// <summary>English label.</summary>
    public string English { get; private set; }
    /// <summary>Dutch label.</summary>
    public string Dutch { get; private set; }
    /// <summary>False for an agent's proposal until a supervisor accepts it.</summary>
    public bool Reviewed { get; private set; }
    /// <summary>The key of the topic this one was merged into, or null.</summary>
    public string? MergedInto { get; private set; }
    /// <summary>Who proposed it (agents' proposals), or who added it.</summary>
    public PersonRef? AddedBy { get; private set; }
    /// <summary>When it was added.</summary>
    public DateTimeOffset AddedAt { get; private set; }
    /// <summary>Concurrency token of the stored row.</summary>
    public string? ETag { get; private set; }

    /// <summary>True when it has not been merged into another.</summary>
    public bool IsActive => MergedInto is null;

    /// <summary>A topic a supervisor adds (reviewed). The key is the English label's, unless given.</summary>
    public static Topic Add(string english, string? dutch, PersonRef by, DateTimeOffset at, string? key = null) =>
        Create(english, dutch, by, at, key, reviewed: true);

    /// <summary>A topic an agent proposes (unreviewed until a supervisor accepts, renames or merges it).</summary>
    public static Topic Propose(string english, string? dutch, PersonRef by, DateTimeOffset at) =>
        Create(english, dutch, by, at, key: null, reviewed: false);

    /// <summary>Rebuilds a stored topic (storage adapters only).</summary>
    public static Topic Restore(string key, string english, string dutch, bool reviewed, string? mergedInto, PersonRef? addedBy,
        DateTimeOffset addedAt, string? etag) =>
        new(key, english, dutch) { Reviewed = reviewed, MergedInto = mergedInto, AddedBy = addedBy, AddedAt = addedAt, ETag = etag };

    /// <summary>The label in <paramref name="dutch"/> or English.</summary>
    public string LabelIn(bool dutch) => dutch ? Dutch : English;

    /// <summary>New labels (the key stays, so stored signals keep their topic); accepts a proposal.</summary>
    public void Rename(string english, string? dutch)
    {
        RefuseWhenMerged();
        English = Label(english, nameof(english));
        Dutch = string.IsNullOrWhiteSpace(dutch) ? English : Label(dutch, nameof(dutch));
        Reviewed = true;
    }

    /// <summary>Makes this topic count as <paramref name="target"/> from now on; the target must be active and another topic.</summary>
    public void MergeInto(Topic target)
    {
        ArgumentNullException.ThrowIfNull(target);
        RefuseWhenMerged();
        if (target.Key == Key)
        {
            throw new DomainConflictException(ConflictReason.TopicMergeInvalid, "A topic cannot be merged into itself.");
        }

        if (!target.IsActive)
        {
            throw new DomainConflictException(ConflictReason.TopicMergeInvalid, $"Topic {target.Key} was merged into {target.MergedInto}.");
        }

        MergedInto = target.Key;
        Reviewed = true;
    }

    /// <summary>Records the stored row's new concurrency token (storage adapters, after a write).</summary>
    public void RecordStoredVersion(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        ETag = etag;
    }

    private static Topic Create(string english, string? dutch, PersonRef by, DateTimeOffset at, string? key, bool reviewed)
    {
        ArgumentNullException.ThrowIfNull(by);
        var en = Label(english, nameof(english));
        var nl = string.IsNullOrWhiteSpace(dutch) ? en : Label(dutch, nameof(dutch));
        var normalized = TopicKey.Normalize(key ?? en);
        if (normalized.Length == 0)
        {
            throw new ArgumentException("A topic needs letters or digits.", nameof(english));
        }

        return new Topic(normalized, en, nl) { Reviewed = reviewed, AddedBy = by, AddedAt = at };
    }

    private static string Label(string? text, string name)
    {
        var trimmed = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (trimmed.Length == 0 || TopicKey.Normalize(trimmed).Length == 0)
        {
            throw new ArgumentException("A label needs letters or digits.", name);
        }

        if (trimmed.Length > MaxLabelLength)
        {
            throw new ArgumentException($"A label has at most {MaxLabelLength} characters.", name);
        }

        return trimmed;
    }

    private void RefuseWhenMerged()
    {
        if (!IsActive)
        {
            throw new DomainConflictException(ConflictReason.TopicMerged, $"Topic {Key} was merged into {MergedInto}.");
        }
    }
}
