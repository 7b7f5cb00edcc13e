using CxBot.Domain.Surveys;

namespace CxBot.Domain.FollowUps;

/// <summary>Whether the customer's trust was won back.</summary>
public enum RecoveryOutcome
{
    /// <summary>Recovered.</summary>
    Yes,
    /// <summary>Partly recovered.</summary>
    Partly,
    /// <summary>Not recovered.</summary>
    No,
}

/// <summary>
/// How a follow-up ended: whether the customer was reached and recovered, the root cause as one of the seven
/// <see cref="QualityDriver"/>s and a short topic, and a note of what was done. Follow-ups resolved before the
/// structured resolution existed have only the note (the other parts read as null).
/// </summary>
public sealed record FollowUpResolution
{
    /// <summary>Most characters of the note.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>Most characters of the root-cause topic.</summary>
    public const int MaxTopicLength = 100;

    /// <summary>What was done.</summary>
    public required string Note { get; init; }

    /// <summary>Whether the customer was reached; null on resolutions stored before this was asked.</summary>
    public bool? CustomerReached { get; init; }

    /// <summary>Whether the customer was won back; null on resolutions stored before this was asked.</summary>
    public RecoveryOutcome? Recovered { get; init; }

    /// <summary>The root cause as a <see cref="QualityDriver"/> key, when one applies.</summary>
    public string? RootCauseDriver { get; init; }

    /// <summary>The root cause in a few words, when given.</summary>
    public string? RootCauseTopic { get; init; }

    /// <summary>A complete resolution; text is trimmed and blank optional text becomes null.</summary>
    /// <exception cref="ArgumentException">A required part is missing, text is too long, or the driver is unknown; the parameter names which.</exception>
    public static FollowUpResolution Create(bool? customerReached, RecoveryOutcome? recovered, string? rootCauseDriver, string? rootCauseTopic, string? note)
    {
        if (customerReached is null)
        {
            throw new ArgumentException("Say whether the customer was reached.", nameof(customerReached));
        }

        if (recovered is null)
        {
            throw new ArgumentException("Say whether the customer was recovered.", nameof(recovered));
        }

        var driver = Blank(rootCauseDriver);
        if (driver is not null && !QualityDriver.All.Contains(driver, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{driver}' is not a quality driver.", nameof(rootCauseDriver));
        }

        // The caps apply to what is stored: surrounding white space does not count.
        var topic = Blank(rootCauseTopic);
        if (topic is { Length: > MaxTopicLength })
        {
            throw new ArgumentException($"A topic may be at most {MaxTopicLength} characters.", nameof(rootCauseTopic));
        }

        var trimmed = Blank(note) ?? throw new ArgumentException("A resolution needs a note.", nameof(note));
        if (trimmed.Length > MaxNoteLength)
        {
            throw new ArgumentException($"A note may be at most {MaxNoteLength} characters.", nameof(note));
        }

        return new FollowUpResolution
        {
            Note = trimmed,
            CustomerReached = customerReached,
            Recovered = recovered,
            RootCauseDriver = driver,
            RootCauseTopic = topic,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
