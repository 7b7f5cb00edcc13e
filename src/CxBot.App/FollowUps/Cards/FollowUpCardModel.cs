using CxBot.Domain.FollowUps;

namespace CxBot.App.FollowUps.Cards;

/// <summary>What the follow-up card shows.</summary>
/// <param name="FollowUp">The follow-up in its current state.</param>
/// <param name="Now">The time of building, for the overdue marker.</param>
public sealed record FollowUpCardModel(FollowUp FollowUp, DateTimeOffset Now)
{
    /// <summary>The zone the supervisors read times in; each time on the card names it.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>A notice above the card, e.g. from <see cref="FollowUpCard.Banner"/> after a refused claim; shown inert.</summary>
    public string? Banner { get; init; }

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
    /// <summary>A resolve without a note.</summary>
    NoteRequired,
    /// <summary>A note over the length limit.</summary>
    NoteTooLong,
}
