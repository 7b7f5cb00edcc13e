using CxBot.Domain.People;
using CxBot.Domain.Surveys;

namespace CxBot.Domain.Signals;

/// <summary>
/// A customer signal an agent logged: what was heard (kind, voice, driver, topic, severity, description), about which
/// contact or customer, by whom and when, and where it stands (new, triaged, in action, closed, or withdrawn).
/// Moves are guarded methods that throw <see cref="DomainConflictException"/>; each change is kept in
/// <see cref="PendingChanges"/> with the classification before and after, for the one observer that counts.
/// </summary>
public sealed class Signal
{
    private readonly List<SignalChange> _pending = [];
    private SignalDetails _details = null!;

    /// <summary>Id, chosen by the capture (carried in the form) so a repeated submit names the same signal.</summary>
    public required string SignalId { get; init; }
    /// <summary>The owning tenant: the reporter's (docs/tenancy.md).</summary>
    public required string? TenantId { get; init; }
    /// <summary>The reporting agent (or supervisor), from the staff directory.</summary>
    public required PersonRef Reporter { get; init; }
    /// <summary>When it was logged.</summary>
    public required DateTimeOffset ReportedAt { get; init; }
    /// <summary>The day it was logged in the contact center's time zone: the day it counts for.</summary>
    public required DateOnly ReportingDay { get; init; }
    /// <summary>How it was captured.</summary>
    public required SignalCapture Capture { get; init; }

    /// <summary>Kind.</summary>
    public SignalKind Kind => _details.Kind;
    /// <summary>Voice (the kind's default unless the reporter chose one).</summary>
    public SignalVoice Voice => _details.Voice ?? SignalKinds.Of(_details.Kind).DefaultVoice;
    /// <summary>One of the seven drivers, or null until named.</summary>
    public string? Driver => _details.Driver;
    /// <summary>Topic key as stored (resolve merges through the topic list).</summary>
    public string TopicKey => _details.TopicKey;
    /// <summary>Severity.</summary>
    public SignalSeverity Severity => _details.Severity;
    /// <summary>What was heard; shown inert.</summary>
    public string Description => _details.Description;
    /// <summary>The contact-center platform's contact id, when given.</summary>
    public string? ContactId => _details.ContactId;
    /// <summary>The customer's reference, when given.</summary>
    public string? CustomerReference => _details.CustomerReference;
    /// <summary>The details as they stand.</summary>
    public SignalDetails Details => _details;

    /// <summary>Status.</summary>
    public SignalStatus Status { get; private set; } = SignalStatus.New;
    /// <summary>The SERVQUAL gap a triage named.</summary>
    public ServiceGap? Gap { get; private set; }
    /// <summary>The linked contact's agent, queue and channel, once the platform reported the contact.</summary>
    public SignalContactLink? Contact { get; private set; }
    /// <summary>Who triaged it last.</summary>
    public PersonRef? TriagedBy { get; private set; }
    /// <summary>When.</summary>
    public DateTimeOffset? TriagedAt { get; private set; }
    /// <summary>Who started the action.</summary>
    public PersonRef? ActionBy { get; private set; }
    /// <summary>When.</summary>
    public DateTimeOffset? ActionAt { get; private set; }
    /// <summary>Who closed it.</summary>
    public PersonRef? ClosedBy { get; private set; }
    /// <summary>When.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>What became of it.</summary>
    public string? Outcome { get; private set; }
    /// <summary>When withdrawn.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Number of changes, 1 when reported.</summary>
    public int Version { get; private set; } = 1;
    /// <summary>Concurrency token of the stored row.</summary>
    public string? ETag { get; private set; }

    /// <summary>True while open (new, triaged or in action).</summary>
    public bool IsOpen => Status is SignalStatus.New or SignalStatus.Triaged or SignalStatus.InAction;

    /// <summary>Changes made since read or reported, not yet handed to the observer.</summary>
    public IReadOnlyList<SignalChange> PendingChanges => _pending;

    /// <summary>The classification counts are broken down by, as it stands.</summary>
    public SignalClassification Classification => new()
    {
        Status = Status,
        Kind = Kind,
        Voice = Voice,
        Driver = Driver,
        TopicKey = TopicKey,
        Gap = Gap,
        Severity = Severity,
        Queue = Contact?.Queue,
        Channel = Contact?.Channel,
        AgentObjectId = Reporter.ObjectId,
        AgentId = Reporter.AgentId,
        ReportingDay = ReportingDay,
    };

    /// <summary>The state as it would be stored.</summary>
    public SignalState State => new()
    {
        Details = _details,
        Status = Status,
        Gap = Gap,
        Contact = Contact,
        TriagedBy = TriagedBy,
        TriagedAt = TriagedAt,
        ActionBy = ActionBy,
        ActionAt = ActionAt,
        ClosedBy = ClosedBy,
        ClosedAt = ClosedAt,
        Outcome = Outcome,
        WithdrawnAt = WithdrawnAt,
        UpdatedAt = UpdatedAt,
        Version = Version,
        ETag = ETag,
    };

    /// <summary>A new signal (status new, version 1); its <see cref="SignalChangeKind.Reported"/> change is pending.</summary>
    public static Signal Report(string signalId, string? tenantId, PersonRef reporter, SignalDetails details, SignalCapture capture,
        DateTimeOffset at, DateOnly reportingDay)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signalId);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(details);
        var valid = details.Validated();
        var signal = new Signal
        {
            SignalId = signalId,
            TenantId = tenantId,
            Reporter = reporter,
            ReportedAt = at,
            ReportingDay = reportingDay,
            Capture = capture,
        };
        signal._details = WithVoice(valid);
        signal.UpdatedAt = at;
        signal._pending.Add(new SignalChange(signalId, tenantId, 1, SignalChangeKind.Reported, null, signal.Classification, at));
        return signal;
    }

    /// <summary>Rebuilds a stored signal (storage adapters only); nothing is pending.</summary>
    public Signal Restore(SignalState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _details = WithVoice(state.Details);
        Status = state.Status;
        Gap = state.Gap;
        Contact = state.Contact;
        TriagedBy = state.TriagedBy;
        TriagedAt = state.TriagedAt;
        ActionBy = state.ActionBy;
        ActionAt = state.ActionAt;
        ClosedBy = state.ClosedBy;
        ClosedAt = state.ClosedAt;
        Outcome = state.Outcome;
        WithdrawnAt = state.WithdrawnAt;
        UpdatedAt = state.UpdatedAt;
        Version = state.Version;
        ETag = state.ETag;
        _pending.Clear();
        return this;
    }

    /// <summary>Records the stored row's new concurrency token (storage adapters, after a write).</summary>
    public void RecordStoredVersion(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        ETag = etag;
    }

    /// <summary>Hands over the pending changes (after the write that made them won) and forgets them.</summary>
    public IReadOnlyList<SignalChange> TakeChanges()
    {
        var changes = _pending.ToArray();
        _pending.Clear();
        return changes;
    }

    /// <summary>True when <paramref name="person"/> logged it.</summary>
    public bool IsReportedBy(PersonRef? person) => Reporter.IsSamePerson(person);

    /// <summary>The reporter changes what they said, while it is new. A changed contact id drops the link to the old contact.</summary>
    public void Edit(PersonRef by, SignalDetails details, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        RefuseUnlessReporterWhileNew(by);
        var valid = details.Validated();
        Change(SignalChangeKind.Edited, at, () =>
        {
            if (!string.Equals(valid.ContactId, _details.ContactId, StringComparison.Ordinal))
            {
                Contact = null;
            }

            _details = WithVoice(valid);
        });
    }

    /// <summary>The reporter takes it back, while it is new; it then counts nowhere.</summary>
    public void Withdraw(PersonRef by, DateTimeOffset at)
    {
        RefuseUnlessReporterWhileNew(by);
        Change(SignalChangeKind.Withdrawn, at, () =>
        {
            Status = SignalStatus.Withdrawn;
            WithdrawnAt = at;
        });
    }

    /// <summary>
    /// A supervisor confirms (or corrects) kind, driver and topic and may name the SERVQUAL gap. A new signal becomes
    /// triaged; a triaged or in-action one is reclassified and keeps its status. Closed and withdrawn ones are refused.
    /// </summary>
    public void Triage(PersonRef by, SignalKind kind, string? driver, string topicKey, ServiceGap? gap, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        RefuseWhenDone();
        if (gap is { } g && !Enum.IsDefined(g))
        {
            throw new ArgumentOutOfRangeException(nameof(gap), gap, "A SERVQUAL gap is 1 to 4.");
        }

        // A new kind brings its own voice.
        var voice = kind == Kind ? Voice : SignalKinds.Of(kind).DefaultVoice;
        var valid = (_details with { Kind = kind, Voice = voice, Driver = driver, TopicKey = topicKey }).Validated();
        Change(SignalChangeKind.Triaged, at, () =>
        {
            _details = valid;
            Gap = gap;
            TriagedBy = by;
            TriagedAt = at;
            if (Status == SignalStatus.New)
            {
                Status = SignalStatus.Triaged;
            }
        });
    }

    /// <summary>Someone acts on a triaged signal.</summary>
    public void StartAction(PersonRef by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        RefuseWhenDone();
        switch (Status)
        {
            case SignalStatus.New:
                throw new DomainConflictException(ConflictReason.SignalNotTriaged, "Triage the signal before acting on it.");
            case SignalStatus.InAction:
                throw new DomainConflictException(ConflictReason.SignalInAction, $"{ActionBy?.DisplayName} already acts on it.");
        }

        Change(SignalChangeKind.ActionStarted, at, () =>
        {
            Status = SignalStatus.InAction;
            ActionBy = by;
            ActionAt = at;
        });
    }

    /// <summary>Closes a triaged or in-action signal with what became of it (at most 2000 characters).</summary>
    public void Close(PersonRef by, string outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        var text = outcome?.Trim() ?? "";
        if (text.Length == 0 || text.Length > SignalDetails.MaxTextLength)
        {
            throw new ArgumentException($"An outcome of 1 to {SignalDetails.MaxTextLength} characters is required.", nameof(outcome));
        }

        RefuseWhenDone();
        if (Status == SignalStatus.New)
        {
            throw new DomainConflictException(ConflictReason.SignalNotTriaged, "Triage the signal before closing it.");
        }

        Change(SignalChangeKind.Closed, at, () =>
        {
            Status = SignalStatus.Closed;
            ClosedBy = by;
            ClosedAt = at;
            Outcome = text;
        });
    }

    /// <summary>
    /// Shows the contact the signal names: its agent, queue and channel. Only for the contact id the signal names;
    /// linking the same facts again changes nothing and returns false.
    /// </summary>
    public bool LinkContact(ContactFacts contact, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (!string.Equals(contact.ContactId, ContactId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Signal {SignalId} names contact {ContactId}, not {contact.ContactId}.", nameof(contact));
        }

        if (contact.Link == Contact)
        {
            return false;
        }

        Change(SignalChangeKind.ContactLinked, at, () => Contact = contact.Link);
        return true;
    }

    private static SignalDetails WithVoice(SignalDetails details) =>
        details.Voice is null ? details with { Voice = SignalKinds.Of(details.Kind).DefaultVoice } : details;

    private void Change(SignalChangeKind kind, DateTimeOffset at, Action apply)
    {
        var before = Classification;
        apply();
        Version++;
        UpdatedAt = at;
        _pending.Add(new SignalChange(SignalId, TenantId, Version, kind, before, Classification, at));
    }

    private void RefuseUnlessReporterWhileNew(PersonRef by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsReportedBy(by))
        {
            throw new DomainConflictException(ConflictReason.NotReporter, $"Only {Reporter.DisplayName}, who logged it, can change it.");
        }

        if (Status != SignalStatus.New)
        {
            throw new DomainConflictException(ConflictReason.SignalNotNew, $"The signal is {Status} and can no longer be changed by its reporter.");
        }
    }

    private void RefuseWhenDone()
    {
        if (Status is SignalStatus.Closed or SignalStatus.Withdrawn)
        {
            throw new DomainConflictException(ConflictReason.SignalDone, $"The signal is {Status}.");
        }
    }
}
