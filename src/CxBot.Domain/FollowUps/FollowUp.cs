using CxBot.Domain.Messaging;
using CxBot.Domain.People;

namespace CxBot.Domain.FollowUps;

/// <summary>Where a follow-up stands.</summary>
public enum FollowUpStatus
{
    /// <summary>Nobody owns it yet.</summary>
    Open,
    /// <summary>Someone owns it.</summary>
    Claimed,
    /// <summary>Done, with a resolution.</summary>
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
    /// <summary>An NPS detractor (0-6), when <see cref="RecoveryRules.FollowUpOnNpsDetractor"/> is on.</summary>
    NpsDetractor = 8,
}

/// <summary>The state a follow-up moves through, as stored; <see cref="FollowUp.Restore"/> rebuilds a follow-up from it.</summary>
public sealed record FollowUpState
{
    /// <summary>Where it stands.</summary>
    public FollowUpStatus Status { get; init; } = FollowUpStatus.Open;
    /// <summary>Owner once claimed or assigned.</summary>
    public PersonRef? Owner { get; init; }
    /// <summary>When the owner took it (claimed or was assigned).</summary>
    public DateTimeOffset? ClaimedAt { get; init; }
    /// <summary>Who resolved it.</summary>
    public PersonRef? ResolvedBy { get; init; }
    /// <summary>When resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }
    /// <summary>How it ended.</summary>
    public FollowUpResolution? Resolution { get; init; }
    /// <summary>When the overdue notice was sent.</summary>
    public DateTimeOffset? OverdueAnnouncedAt { get; init; }
    /// <summary>Where its card was posted.</summary>
    public PostedMessage? Card { get; init; }
    /// <summary>Concurrency token of the stored row.</summary>
    public string? ETag { get; init; }
}

/// <summary>
/// Service recovery: an owner, a deadline and a resolution for a record that needs one (a dissatisfied customer's
/// survey response today). The agent whose contact it is about may not own or resolve it.
/// </summary>
public sealed class FollowUp
{
    /// <summary>Most characters of the customer's name kept (longer names are cut).</summary>
    public const int MaxCustomerNameLength = 100;

    private readonly string? _customerName;

    /// <summary>Id (for a survey response the survey id: one follow-up per survey).</summary>
    public required string FollowUpId { get; init; }
    /// <summary>The record it was opened for.</summary>
    public required FollowUpSource Source { get; init; }
    /// <summary>The contact.</summary>
    public required string ContactId { get; init; }
    private PersonRef _agent = null!;

    /// <summary>Agent of the contact: the platform agent id, and the Entra object id once the staff directory knows it.</summary>
    public required PersonRef Agent { get => _agent; init => _agent = value; }
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

    /// <summary>The customer's name as the channel gave it (shown inert), trimmed and cut to <see cref="MaxCustomerNameLength"/>.</summary>
    public string? CustomerName
    {
        get => _customerName;
        init => _customerName = Bounded(value);
    }

    /// <summary>State.</summary>
    public FollowUpStatus Status { get; private set; } = FollowUpStatus.Open;
    /// <summary>Owner once claimed or assigned.</summary>
    public PersonRef? Owner { get; private set; }
    /// <summary>When the owner took it.</summary>
    public DateTimeOffset? ClaimedAt { get; private set; }
    /// <summary>Who resolved it.</summary>
    public PersonRef? ResolvedBy { get; private set; }
    /// <summary>When resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }
    /// <summary>How it ended.</summary>
    public FollowUpResolution? Resolution { get; private set; }
    /// <summary>When the overdue notice was sent.</summary>
    public DateTimeOffset? OverdueAnnouncedAt { get; private set; }
    /// <summary>Where its card was posted (to edit it in place and reply in its thread); null until it is out.</summary>
    public PostedMessage? Card { get; private set; }
    /// <summary>Concurrency token of the stored row.</summary>
    public string? ETag { get; private set; }

    /// <summary>The state as it would be stored.</summary>
    public FollowUpState State => new()
    {
        Status = Status,
        Owner = Owner,
        ClaimedAt = ClaimedAt,
        ResolvedBy = ResolvedBy,
        ResolvedAt = ResolvedAt,
        Resolution = Resolution,
        OverdueAnnouncedAt = OverdueAnnouncedAt,
        Card = Card,
        ETag = ETag,
    };

    /// <summary>Rebuilds stored state (storage adapters only).</summary>
    public FollowUp Restore(FollowUpState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Status = state.Status;
        Owner = state.Owner;
        ClaimedAt = state.ClaimedAt;
        ResolvedBy = state.ResolvedBy;
        ResolvedAt = state.ResolvedAt;
        Resolution = state.Resolution;
        OverdueAnnouncedAt = state.OverdueAnnouncedAt;
        Card = state.Card;
        ETag = state.ETag;
        return this;
    }

    /// <summary>Records the stored row's new concurrency token (storage adapters, after a write).</summary>
    public void RecordStoredVersion(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        ETag = etag;
    }

    /// <summary>Records where the card was posted, so later changes edit it and notices reply in its thread.</summary>
    public void RecordCardPosted(PostedMessage card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Card = card;
    }

    /// <summary>True when <paramref name="person"/> is the agent whose contact this follow-up is about.</summary>
    public bool IsAboutAgent(PersonRef person) => Agent.IsSamePerson(person);

    /// <summary>
    /// Records who the rated agent is in Teams when the staff directory learned it after the follow-up was opened, so
    /// the rule that they cannot claim, resolve or be given their own contact's follow-up holds from now on.
    /// An agent already known by an object id keeps it.
    /// </summary>
    public void RecognizeAgent(string objectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectId);
        if (_agent.ObjectId is null)
        {
            _agent = _agent with { ObjectId = objectId };
        }
    }

    /// <summary>Takes ownership. Claiming again by the owner is a no-op; by someone else, or by the rated agent, a conflict.</summary>
    public void Claim(PersonRef actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RefuseWhenResolved();
        RefuseRatedAgent(actor);
        if (Owner is not null)
        {
            if (Owner.IsSamePerson(actor))
            {
                return;
            }

            throw new DomainConflictException(ConflictReason.AlreadyClaimed, $"Claimed by {Owner.DisplayName}.");
        }

        TakeOwnership(actor, at);
    }

    /// <summary>Gives a claimed follow-up back to the open pool: by its owner, or by a supervisor.</summary>
    public void Release(PersonRef actor, bool actorIsSupervisor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RefuseWhenResolved();
        if (Owner is null)
        {
            throw new DomainConflictException(ConflictReason.NotClaimed, "Nobody owns the follow-up.");
        }

        if (!Owner.IsSamePerson(actor) && !actorIsSupervisor)
        {
            throw new DomainConflictException(ConflictReason.NotOwner, $"Only {Owner.DisplayName} or a supervisor can release it.");
        }

        Owner = null;
        ClaimedAt = null;
        Status = FollowUpStatus.Open;
    }

    /// <summary>A supervisor gives the follow-up (open or claimed) to <paramref name="assignee"/>, who may not be the rated agent.</summary>
    public void Reassign(PersonRef actor, bool actorIsSupervisor, PersonRef assignee, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(assignee);
        RefuseWhenResolved();
        if (!actorIsSupervisor)
        {
            throw new DomainConflictException(ConflictReason.NotSupervisor, "Only a supervisor can reassign a follow-up.");
        }

        RefuseRatedAgent(actor);
        RefuseRatedAgent(assignee);
        if (Owner is not null && Owner.IsSamePerson(assignee))
        {
            return;
        }

        TakeOwnership(assignee, at);
    }

    /// <summary>Closes it. Only the owner may resolve a claimed follow-up; an open one is claimed on the way; never by the rated agent.</summary>
    public void Resolve(PersonRef actor, FollowUpResolution resolution, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(resolution);
        RefuseWhenResolved();
        RefuseRatedAgent(actor);
        if (Owner is not null && !Owner.IsSamePerson(actor))
        {
            throw new DomainConflictException(ConflictReason.NotOwner, $"Only {Owner.DisplayName}, who claimed it, can resolve it.");
        }

        if (Owner is null)
        {
            TakeOwnership(actor, at);
        }

        Status = FollowUpStatus.Resolved;
        ResolvedBy = actor;
        ResolvedAt = at;
        Resolution = resolution;
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

    private static string? Bounded(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= MaxCustomerNameLength ? trimmed : trimmed[..MaxCustomerNameLength].TrimEnd();
    }

    private void TakeOwnership(PersonRef owner, DateTimeOffset at)
    {
        Owner = owner;
        ClaimedAt = at;
        Status = FollowUpStatus.Claimed;
    }

    private void RefuseWhenResolved()
    {
        if (Status == FollowUpStatus.Resolved)
        {
            throw new DomainConflictException(ConflictReason.AlreadyResolved, "The follow-up is resolved.");
        }
    }

    // Whoever's contact was rated does not recover its customer or close the case about it.
    private void RefuseRatedAgent(PersonRef person)
    {
        if (IsAboutAgent(person))
        {
            throw new DomainConflictException(ConflictReason.OwnAgentContact, "The follow-up is about this person's own contact.");
        }
    }
}
