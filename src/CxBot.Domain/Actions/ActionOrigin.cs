namespace CxBot.Domain.Actions;

/// <summary>What an action was made from.</summary>
public enum ActionOriginKind
{
    /// <summary>A recurring-problem alert (its topic key).</summary>
    RecurringProblem,
    /// <summary>A set of signals picked by a supervisor.</summary>
    Signals,
    /// <summary>A topic.</summary>
    Topic,
    /// <summary>A driver whose CSAT is falling.</summary>
    Driver,
}

/// <summary>What an action was made from: the kind and its key (topic key, driver key; none for picked signals).</summary>
/// <param name="Kind">The kind of origin.</param>
/// <param name="Key">The topic or driver key, or null.</param>
public sealed record ActionOrigin(ActionOriginKind Kind, string? Key = null);

/// <summary>One step of an action's history: who moved it from which status to which, when, with an optional note.</summary>
/// <param name="At">When.</param>
/// <param name="By">Who (display name and ids as the directory gave them).</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="Note">What they wrote, shown inert.</param>
public sealed record ActionStep(DateTimeOffset At, People.PersonRef By, ActionStatus From, ActionStatus To, string? Note = null);

/// <summary>
/// The message customers get when an action is done: written by a supervisor and confirmed before anything goes out
/// (only to customers whose linked follow-up was a call-back they consented to; at most one per customer and action).
/// </summary>
/// <param name="Text">The text, shown inert.</param>
/// <param name="ConfirmedBy">Who confirmed it.</param>
/// <param name="ConfirmedAt">When.</param>
public sealed record CustomerMessage(string Text, People.PersonRef ConfirmedBy, DateTimeOffset ConfirmedAt)
{
    /// <summary>Longest text.</summary>
    public const int MaxLength = 600;
}
