using CxBot.Domain.People;
using CxBot.Domain.Surveys;

namespace CxBot.Domain.Learnings;

/// <summary>What a learning was published from.</summary>
public enum LearningSourceKind
{
    /// <summary>A closed customer signal.</summary>
    Signal,
    /// <summary>An improvement action (direct correction or improvement project).</summary>
    Action,
}

/// <summary>The record a learning was published from.</summary>
/// <param name="Kind">Signal or action.</param>
/// <param name="Id">The signal's or action's id.</param>
public sealed record LearningSource(LearningSourceKind Kind, string Id);

/// <summary>How often agents said a learning helped, and did not; each agent counts once, with their latest answer.</summary>
/// <param name="Helped">Agents whose answer is yes.</param>
/// <param name="NotHelped">Agents whose answer is no.</param>
public sealed record LearningCounts(int Helped, int NotHelped)
{
    /// <summary>No answers yet.</summary>
    public static LearningCounts None { get; } = new(0, 0);

    /// <summary>The counts after an agent's answer changes from <paramref name="before"/> (null: none yet) to <paramref name="helpful"/>.</summary>
    public LearningCounts After(bool? before, bool helpful)
    {
        if (before == helpful)
        {
            return this;
        }

        var helped = Helped + (helpful ? 1 : 0) - (before == true ? 1 : 0);
        var notHelped = NotHelped + (helpful ? 0 : 1) - (before == false ? 1 : 0);
        return new(helped, notHelped);
    }

    /// <summary>What ranks a learning among equally matching ones: more yes than no first.</summary>
    public int Net => Helped - NotHelped;
}

/// <summary>
/// A short problem and its answer that agents find during a call ("do agents learn from each other?"), published by a
/// supervisor from a closed signal or an action. Its id is chosen by the form that publishes it, so a retried submit
/// stores it once.
/// </summary>
public sealed record Learning
{
    /// <summary>Most characters of the problem.</summary>
    public const int MaxProblemLength = 500;
    /// <summary>Most characters of the answer.</summary>
    public const int MaxAnswerLength = 2000;
    /// <summary>Most characters of an id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The languages a learning may be written in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "nl"];

    /// <summary>The id.</summary>
    public required string LearningId { get; init; }
    /// <summary>The tenant whose agents may find it.</summary>
    public required string? TenantId { get; init; }
    /// <summary>What the customer or agent ran into.</summary>
    public required string Problem { get; init; }
    /// <summary>What to do about it.</summary>
    public required string Answer { get; init; }
    /// <summary>One of the seven drivers (<see cref="QualityDriver"/>).</summary>
    public required string Driver { get; init; }
    /// <summary>The topic's key in the tenant's catalog.</summary>
    public required string TopicKey { get; init; }
    /// <summary>Where it came from.</summary>
    public required LearningSource Source { get; init; }
    /// <summary>The language it is written in (<c>en</c> or <c>nl</c>).</summary>
    public required string Language { get; init; }
    /// <summary>The supervisor who published it.</summary>
    public required PersonRef PublishedBy { get; init; }
    /// <summary>When.</summary>
    public required DateTimeOffset PublishedAt { get; init; }
    /// <summary>Counts the changes of its text (1 when published).</summary>
    public int Version { get; init; } = 1;
    /// <summary>The agents' answers to "did this help?".</summary>
    public LearningCounts Counts { get; init; } = LearningCounts.None;
    /// <summary>The stored row's version, for conditional writes; null before it is stored.</summary>
    public string? ETag { get; init; }

    /// <summary>The first thing wrong with the learning as people wrote it, or null.</summary>
    public LearningProblem? Problems()
    {
        if (!IsValidId(LearningId))
        {
            return LearningProblem.Id;
        }

        if (string.IsNullOrWhiteSpace(Problem) || Problem.Trim().Length > MaxProblemLength)
        {
            return LearningProblem.Problem;
        }

        if (string.IsNullOrWhiteSpace(Answer) || Answer.Trim().Length > MaxAnswerLength)
        {
            return LearningProblem.Answer;
        }

        if (!QualityDriver.All.Contains(Driver))
        {
            return LearningProblem.Driver;
        }

        if (string.IsNullOrWhiteSpace(TopicKey))
        {
            return LearningProblem.Topic;
        }

        return Languages.Contains(Language) ? null : LearningProblem.Language;
    }

    /// <summary>True for an id a form may choose: 8 to 64 letters, digits and hyphens.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: >= 8 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}

/// <summary>What is wrong with a learning as written.</summary>
public enum LearningProblem
{
    /// <summary>The id is missing or not one a form makes.</summary>
    Id,
    /// <summary>The problem is empty or too long.</summary>
    Problem,
    /// <summary>The answer is empty or too long.</summary>
    Answer,
    /// <summary>Not one of the seven drivers.</summary>
    Driver,
    /// <summary>No topic.</summary>
    Topic,
    /// <summary>Neither English nor Dutch.</summary>
    Language,
}
