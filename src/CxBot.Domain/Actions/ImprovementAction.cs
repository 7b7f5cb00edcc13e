using CxBot.Domain.People;

namespace CxBot.Domain.Actions;

/// <summary>
/// An improvement action: the "react" step of the learning cycle. A supervisor proposes it from a recurring problem,
/// signals, a topic or a falling driver; it is agreed (the baseline of its expected effect stored), carried out, done,
/// and evaluated by its effect check, or dropped. Moves are guarded methods that throw
/// <see cref="DomainConflictException"/> from a status they do not start from; the store writes them with the ETag read.
/// </summary>
public sealed class ImprovementAction
{
    /// <summary>Most signals one action links.</summary>
    public const int MaxLinkedSignals = 200;

    /// <summary>Longest outcome or note.</summary>
    public const int MaxNoteLength = 1000;

    private readonly List<ActionStep> _history = [];
    private readonly HashSet<string> _signalIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _followUpIds = new(StringComparer.Ordinal);
    private ImprovementActionDetails _details = null!;

    /// <summary>Id, chosen by the form that proposes it, so a repeated submit names the same action.</summary>
    public required string ActionId { get; init; }
    /// <summary>The owning tenant (the proposer's).</summary>
    public required string? TenantId { get; init; }
    /// <summary>Who proposed it.</summary>
    public required PersonRef ProposedBy { get; init; }
    /// <summary>When.</summary>
    public required DateTimeOffset ProposedAt { get; init; }
    /// <summary>What it was made from.</summary>
    public required ActionOrigin Origin { get; init; }

    /// <summary>What it is about.</summary>
    public ImprovementActionDetails Details => _details;
    /// <summary>Status.</summary>
    public ActionStatus Status { get; private set; } = ActionStatus.Proposed;
    /// <summary>When it was agreed.</summary>
    public DateTimeOffset? AgreedAt { get; private set; }
    /// <summary>The expected-effect figure before, stored when it was agreed.</summary>
    public EffectMeasure? Baseline { get; private set; }
    /// <summary>When it was done.</summary>
    public DateTimeOffset? DoneAt { get; private set; }
    /// <summary>What was done (the outcome the linked signals close with), shown inert.</summary>
    public string? Outcome { get; private set; }
    /// <summary>The effect check, once made.</summary>
    public EffectResult? Result { get; private set; }
    /// <summary>The message for consenting customers, once a supervisor confirmed it.</summary>
    public CustomerMessage? CustomerMessage { get; private set; }
    /// <summary>When the owner was told it passed its due date (once).</summary>
    public DateTimeOffset? OverdueAnnouncedAt { get; private set; }
    /// <summary>The linked signals' ids.</summary>
    public IReadOnlyCollection<string> SignalIds => _signalIds;
    /// <summary>The linked follow-ups' ids (their call-backs decide who may get the customer message).</summary>
    public IReadOnlyCollection<string> FollowUpIds => _followUpIds;
    /// <summary>Every move, oldest first.</summary>
    public IReadOnlyList<ActionStep> History => _history;
    /// <summary>Where its card was last shown to a supervisor who moved it (edited in place with the effect check).</summary>
    public Messaging.PostedMessage? Card { get; private set; }
    /// <summary>The stored version's ETag, when read from the store.</summary>
    public string? ETag { get; private set; }

    /// <summary>Still to be carried out (proposed, agreed, in progress).</summary>
    public bool IsOpen => Status is ActionStatus.Proposed or ActionStatus.Agreed or ActionStatus.InProgress;

    /// <summary>A new proposed action.</summary>
    public static ImprovementAction Propose(string actionId, string? tenantId, PersonRef by, ActionOrigin origin, ImprovementActionDetails details,
        DateTimeOffset at, IEnumerable<string>? signalIds = null, IEnumerable<string>? followUpIds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(details);
        var action = new ImprovementAction { ActionId = actionId, TenantId = tenantId, ProposedBy = by, ProposedAt = at, Origin = origin };
        action._details = details.Validated();
        action.AddLinks(signalIds ?? [], followUpIds ?? []);
        return action;
    }

    /// <summary>The action as stored (the store's side; no guard runs).</summary>
    public static ImprovementAction Restore(ImprovementActionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var action = new ImprovementAction
        {
            ActionId = state.ActionId, TenantId = state.TenantId, ProposedBy = state.ProposedBy, ProposedAt = state.ProposedAt, Origin = state.Origin,
        };
        action._details = state.Details;
        action.Status = state.Status;
        action.AgreedAt = state.AgreedAt;
        action.Baseline = state.Baseline;
        action.DoneAt = state.DoneAt;
        action.Outcome = state.Outcome;
        action.Result = state.Result;
        action.CustomerMessage = state.CustomerMessage;
        action.OverdueAnnouncedAt = state.OverdueAnnouncedAt;
        action.Card = state.Card;
        action._signalIds.UnionWith(state.SignalIds);
        action._followUpIds.UnionWith(state.FollowUpIds);
        action._history.AddRange(state.History);
        action.ETag = state.ETag;
        return action;
    }

    /// <summary>Everything the store keeps.</summary>
    public ImprovementActionState State => new()
    {
        ActionId = ActionId, TenantId = TenantId, ProposedBy = ProposedBy, ProposedAt = ProposedAt, Origin = Origin, Details = _details,
        Status = Status, AgreedAt = AgreedAt, Baseline = Baseline, DoneAt = DoneAt, Outcome = Outcome, Result = Result,
        CustomerMessage = CustomerMessage, OverdueAnnouncedAt = OverdueAnnouncedAt, Card = Card,
        SignalIds = [.. _signalIds.Order(StringComparer.Ordinal)], FollowUpIds = [.. _followUpIds.Order(StringComparer.Ordinal)],
        History = [.. _history], ETag = ETag,
    };

    /// <summary>Notes where its card is (any status: a card is only ever moved to where a supervisor acted on it).</summary>
    public void RecordCard(Messaging.PostedMessage card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Card = card;
    }

    /// <summary>Notes the ETag of the version just stored.</summary>
    public void RecordStoredVersion(string etag) => ETag = etag;

    /// <summary>Changes what it is about (while still open).</summary>
    public void Edit(ImprovementActionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Require(IsOpen, "edited");
        _details = details.Validated();
    }

    /// <summary>Links more signals and follow-ups (while still open); ids already linked are ignored.</summary>
    public void Link(IEnumerable<string> signalIds, IEnumerable<string>? followUpIds = null)
    {
        Require(IsOpen, "linked");
        AddLinks(signalIds, followUpIds ?? []);
    }

    /// <summary>Proposed -> agreed, with the baseline of the expected effect measured now.</summary>
    public void Agree(PersonRef by, DateTimeOffset at, EffectMeasure baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        Move(by, at, ActionStatus.Agreed, null, ActionStatus.Proposed);
        AgreedAt = at;
        Baseline = baseline;
    }

    /// <summary>Agreed -> in progress.</summary>
    public void Start(PersonRef by, DateTimeOffset at) => Move(by, at, ActionStatus.InProgress, null, ActionStatus.Agreed);

    /// <summary>Agreed or in progress -> done, with what was done.</summary>
    public void Complete(PersonRef by, DateTimeOffset at, string outcome)
    {
        var text = Note(outcome) ?? throw new ArgumentException("An action is done with a word on what was done.", nameof(outcome));
        Move(by, at, ActionStatus.Done, text, ActionStatus.Agreed, ActionStatus.InProgress);
        DoneAt = at;
        Outcome = text;
    }

    /// <summary>Done -> evaluated, with the effect check's numbers.</summary>
    public void Evaluate(PersonRef by, DateTimeOffset at, EffectResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Move(by, at, ActionStatus.Evaluated, null, ActionStatus.Done);
        Result = result;
    }

    /// <summary>Proposed, agreed or in progress -> dropped; nobody is told.</summary>
    public void Drop(PersonRef by, DateTimeOffset at, string? reason) =>
        Move(by, at, ActionStatus.Dropped, Note(reason), ActionStatus.Proposed, ActionStatus.Agreed, ActionStatus.InProgress);

    /// <summary>Stores the customer message a supervisor wrote and confirmed (not for a dropped action; replaceable until done).</summary>
    public void ConfirmCustomerMessage(string text, PersonRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        var message = (text ?? "").Trim();
        if (message.Length is 0 or > CustomerMessage.MaxLength)
        {
            throw new ArgumentException($"A customer message has 1 to {CustomerMessage.MaxLength} characters.", nameof(text));
        }

        Require(IsOpen || (Status == ActionStatus.Done && CustomerMessage is null), "given a customer message");
        CustomerMessage = new CustomerMessage(message, by, at);
    }

    /// <summary>True when the owner is still to be told that it passed its due date.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => IsOpen && now > _details.DueAt && OverdueAnnouncedAt is null;

    /// <summary>Notes that the owner was told it is overdue (once).</summary>
    public void MarkOverdueAnnounced(DateTimeOffset at)
    {
        if (!IsOverdueAt(at))
        {
            throw new DomainConflictException(ConflictReason.NoOverdue, $"Action {ActionId} has no overdue notice due.");
        }

        OverdueAnnouncedAt = at;
    }

    private void Move(PersonRef by, DateTimeOffset at, ActionStatus to, string? note, params ActionStatus[] from)
    {
        ArgumentNullException.ThrowIfNull(by);
        Require(from.Contains(Status), $"moved to {to}");
        _history.Add(new ActionStep(at, by, Status, to, note));
        Status = to;
    }

    private void Require(bool allowed, string what)
    {
        if (!allowed)
        {
            throw new DomainConflictException(ConflictReason.ActionNotAllowed, $"Action {ActionId} is {Status} and cannot be {what}.");
        }
    }

    private void AddLinks(IEnumerable<string> signalIds, IEnumerable<string> followUpIds)
    {
        ArgumentNullException.ThrowIfNull(signalIds);
        ArgumentNullException.ThrowIfNull(followUpIds);
        var signals = _signalIds.Union(signalIds.Where(id => !string.IsNullOrWhiteSpace(id)), StringComparer.Ordinal).ToList();
        if (signals.Count > MaxLinkedSignals)
        {
            throw new ArgumentException($"An action links at most {MaxLinkedSignals} signals.", nameof(signalIds));
        }

        _signalIds.UnionWith(signals);
        _followUpIds.UnionWith(followUpIds.Where(id => !string.IsNullOrWhiteSpace(id)));
    }

    private static string? Note(string? text)
    {
        var note = text?.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            throw new ArgumentException($"A note has at most {MaxNoteLength} characters.", nameof(text));
        }

        return string.IsNullOrEmpty(note) ? null : note;
    }
}
