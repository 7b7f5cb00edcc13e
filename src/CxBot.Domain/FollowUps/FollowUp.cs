using CxBot.Domain.People;

namespace CxBot.Domain.FollowUps;

/// <summary>Where a follow-up stands.</summary>
public enum FollowUpStatus
{
    /// <summary>Nobody owns it yet.</summary>
    Open,
    /// <summary>Someone owns it.</summary>
    Claimed,
    /// <summary>Done, with a note.</summary>
    Resolved,
}

/// <summary>Why a response needs a follow-up.</summary>
[Flags]
public enum FollowUpReasons
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>CSAT 1 or 2.</summary>
    LowCsat = 1,
    /// <summary>Worse than expected.</summary>
    WorseThanExpected = 2,
    /// <summary>Not resolved.</summary>
    NotResolved = 4,
}

/// <summary>Service recovery for a dissatisfied customer: an owner, a deadline, a resolution note.</summary>
public sealed class FollowUp
{
    /// <summary>Id (the survey id: one follow-up per survey).</summary>
    public required string FollowUpId { get; init; }
    /// <summary>The survey.</summary>
    public required string SurveyId { get; init; }
    /// <summary>The contact.</summary>
    public required string ContactId { get; init; }
    /// <summary>Agent of the contact.</summary>
    public required People.PersonRef Agent { get; init; }
    /// <summary>Queue of the contact.</summary>
    public required string Queue { get; init; }
    /// <summary>The owning tenant: its card goes only to this tenant's channel (docs/tenancy.md); null in older records.</summary>
    public string? TenantId { get; init; }
    /// <summary>Why.</summary>
    public required FollowUpReasons Reasons { get; init; }
    /// <summary>True when the customer agreed to be contacted: a call-back task.</summary>
    public required bool CallBack { get; init; }
    /// <summary>Created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Deadline.</summary>
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>The customer's CSAT, for the card.</summary>
    public int? Csat { get; init; }
    /// <summary>The customer's comment, for the card (shown inert).</summary>
    public string? Comment { get; init; }

    /// <summary>State.</summary>
    public FollowUpStatus Status { get; private set; } = FollowUpStatus.Open;
    /// <summary>Owner once claimed.</summary>
    public PersonRef? Owner { get; private set; }
    /// <summary>When claimed.</summary>
    public DateTimeOffset? ClaimedAt { get; private set; }
    /// <summary>Who resolved it.</summary>
    public PersonRef? ResolvedBy { get; private set; }
    /// <summary>When resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }
    /// <summary>What was done.</summary>
    public string? ResolutionNote { get; private set; }
    /// <summary>When the overdue notice was posted.</summary>
    public DateTimeOffset? OverdueAnnouncedAt { get; private set; }
    /// <summary>Channel conversation of the card.</summary>
    public string? CardConversationId { get; set; }
    /// <summary>Message id of the card, for edits in place.</summary>
    public string? CardActivityId { get; set; }
    /// <summary>Concurrency token of the stored row.</summary>
    public string? ETag { get; set; }

    /// <summary>Rebuilds stored state (storage adapters only).</summary>
    public FollowUp Restore(FollowUpStatus status, PersonRef? owner, DateTimeOffset? claimedAt, PersonRef? resolvedBy,
        DateTimeOffset? resolvedAt, string? note, DateTimeOffset? overdueAnnouncedAt)
    {
        Status = status;
        Owner = owner;
        ClaimedAt = claimedAt;
        ResolvedBy = resolvedBy;
        ResolvedAt = resolvedAt;
        ResolutionNote = note;
        OverdueAnnouncedAt = overdueAnnouncedAt;
        return this;
    }

    /// <summary>Most characters of a resolution note.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>Takes ownership. Claiming again by the owner is a no-op; by someone else a conflict.</summary>
    public void Claim(PersonRef actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status == FollowUpStatus.Resolved)
        {
            throw new DomainConflictException(ConflictReason.AlreadyResolved, "The follow-up is resolved.");
        }

        if (Owner is not null)
        {
            if (Owner.IsSamePerson(actor))
            {
                return;
            }

            throw new DomainConflictException(ConflictReason.AlreadyClaimed, $"Claimed by {Owner.DisplayName}.");
        }

        Owner = actor;
        ClaimedAt = at;
        Status = FollowUpStatus.Claimed;
    }

    /// <summary>Closes it with a note. Only the owner may resolve a claimed follow-up; an open one is claimed on the way.</summary>
    public void Resolve(PersonRef actor, string note, DateTimeOffset at)
    {
        if (Status == FollowUpStatus.Resolved)
        {
            throw new DomainConflictException(ConflictReason.AlreadyResolved, "The follow-up is resolved.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("A resolution needs a note.", nameof(note));
        }

        // The cap applies to what is stored: surrounding white space does not count.
        var trimmed = note.Trim();
        if (trimmed.Length > MaxNoteLength)
        {
            throw new ArgumentException($"A note may be at most {MaxNoteLength} characters.", nameof(note));
        }

        Claim(actor, at);
        Status = FollowUpStatus.Resolved;
        ResolvedBy = actor;
        ResolvedAt = at;
        ResolutionNote = trimmed;
    }

    /// <summary>True when past due, not resolved and not announced yet.</summary>
    public bool NeedsOverdueNotice(DateTimeOffset now) => Status != FollowUpStatus.Resolved && now >= DueAt && OverdueAnnouncedAt is null;

    /// <summary>Records the one overdue notice.</summary>
    public void MarkOverdueAnnounced(DateTimeOffset at)
    {
        if (!NeedsOverdueNotice(at))
        {
            throw new DomainConflictException(ConflictReason.NoOverdue, "No overdue notice is due.");
        }

        OverdueAnnouncedAt = at;
    }
}
