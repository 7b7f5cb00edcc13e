using CxBot.Domain.FollowUps;
using CxBot.Domain.People;

namespace CxBot.App.FollowUps.Cards;

/// <summary>What the follow-up card shows.</summary>
/// <param name="FollowUp">The follow-up in its current state.</param>
/// <param name="Now">The time of building, for the overdue marker.</param>
public sealed record FollowUpCardModel(FollowUp FollowUp, DateTimeOffset Now)
{
    /// <summary>The zone the supervisors read times in; each time on the card names it.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The customer's comment, read from the follow-up's source record (shown inert); null for none.</summary>
    public string? Comment { get; init; }

    /// <summary>A notice above the card, e.g. from <see cref="FollowUpCard.Banner"/> after a refused claim; shown inert.</summary>
    public string? Banner { get; init; }

    /// <summary>Link to the contact in the contact-center platform (<c>FollowUps:ContactUrlTemplate</c>); null for none.</summary>
    public string? ContactUrl { get; init; }

    /// <summary>Whom a supervisor may reassign it to (the rated agent and the owner are left out when the card is built).</summary>
    public IReadOnlyList<PersonRef> Assignees { get; init; } = [];

    /// <summary>Past due and not resolved.</summary>
    public bool IsOverdue => FollowUp.Status != FollowUpStatus.Resolved && Now >= FollowUp.DueAt;
}

/// <summary>Why an action on the card was refused; see <see cref="FollowUpCard.Banner"/>.</summary>
public enum FollowUpNotice
{
    /// <summary>Someone else claimed it first.</summary>
    AlreadyClaimed,
    /// <summary>It was resolved already.</summary>
    AlreadyResolved,
    /// <summary>Only the owner may resolve a claimed follow-up.</summary>
    NotOwner,
    /// <summary>Only the owner or a supervisor may release it.</summary>
    NotOwnerRelease,
    /// <summary>Nobody owns it, so it cannot be released.</summary>
    NotClaimed,
    /// <summary>Only a supervisor may reassign it.</summary>
    NotSupervisor,
    /// <summary>The person is the agent whose contact it is about.</summary>
    OwnAgentContact,
    /// <summary>A resolve without a note.</summary>
    NoteRequired,
    /// <summary>A note over the length limit.</summary>
    NoteTooLong,
    /// <summary>A resolve without saying whether the customer was reached and won back (or with an unknown driver).</summary>
    ResolutionIncomplete,
    /// <summary>A root-cause topic over the length limit.</summary>
    TopicTooLong,
    /// <summary>A reassign to nobody, or to someone not on the list.</summary>
    AssigneeUnknown,
}
