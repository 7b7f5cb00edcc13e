namespace CxBot.Domain.Signals;

/// <summary>What a change did to a signal.</summary>
public enum SignalChangeKind
{
    /// <summary>Logged.</summary>
    Reported,
    /// <summary>Edited by its reporter while new.</summary>
    Edited,
    /// <summary>Triaged, or reclassified at a later triage.</summary>
    Triaged,
    /// <summary>Action started.</summary>
    ActionStarted,
    /// <summary>Closed with an outcome.</summary>
    Closed,
    /// <summary>Withdrawn by its reporter.</summary>
    Withdrawn,
    /// <summary>The contact it names was linked (its queue and channel became known).</summary>
    ContactLinked,
}

/// <summary>Everything a count of signals is broken down by, as it stood at one moment.</summary>
public sealed record SignalClassification
{
    /// <summary>Status.</summary>
    public required SignalStatus Status { get; init; }
    /// <summary>Kind.</summary>
    public required SignalKind Kind { get; init; }
    /// <summary>Voice.</summary>
    public required SignalVoice Voice { get; init; }
    /// <summary>Driver, when named.</summary>
    public string? Driver { get; init; }
    /// <summary>Topic key as stored (a merged key resolves through the topic list).</summary>
    public required string TopicKey { get; init; }
    /// <summary>SERVQUAL gap, after triage.</summary>
    public ServiceGap? Gap { get; init; }
    /// <summary>Severity.</summary>
    public required SignalSeverity Severity { get; init; }
    /// <summary>The linked contact's queue, when known.</summary>
    public string? Queue { get; init; }
    /// <summary>The linked contact's channel, when known.</summary>
    public string? Channel { get; init; }
    /// <summary>The reporting agent's object id.</summary>
    public string? AgentObjectId { get; init; }
    /// <summary>The reporting agent's platform agent id, when known.</summary>
    public string? AgentId { get; init; }
    /// <summary>The reporting day in the contact center's time zone.</summary>
    public required DateOnly ReportingDay { get; init; }

    /// <summary>False for a withdrawn signal: it counts nowhere.</summary>
    public bool Counted => Status != SignalStatus.Withdrawn;
}

/// <summary>
/// One change of one signal, with its classification before and after. Every change that can move a count passes
/// through <see cref="ISignalChangeObserver"/> as one of these, after the ETag-guarded write that made it won.
/// </summary>
/// <param name="SignalId">The signal.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The signal's version after the change (1 when reported): (id, version) identifies the change, so a counter can ignore one it has seen.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Before">Classification before; null when reported.</param>
/// <param name="After">Classification after.</param>
/// <param name="At">When.</param>
public sealed record SignalChange(string SignalId, string? TenantId, int Version, SignalChangeKind Kind, SignalClassification? Before,
    SignalClassification After, DateTimeOffset At)
{
    /// <summary>True when a count broken down by the classification moves (anything but a change of nothing counted).</summary>
    public bool MovesCounts => Before != After;
}

/// <summary>A topic merged into another: counts of <paramref name="FromKey"/> now count as <paramref name="IntoKey"/>.</summary>
/// <param name="TenantId">The tenant whose topic list it is.</param>
/// <param name="FromKey">The merged topic.</param>
/// <param name="IntoKey">The topic it counts as now.</param>
/// <param name="At">When.</param>
public sealed record TopicMerge(string? TenantId, string FromKey, string IntoKey, DateTimeOffset At);

/// <summary>The one place that hears every change that moves a count of signals (the insights counting store follows it).</summary>
public interface ISignalChangeObserver
{
    /// <summary>A signal was reported, reclassified, moved on, linked to its contact or withdrawn (after the write won).</summary>
    Task OnSignalChangedAsync(SignalChange change, CancellationToken cancellationToken);

    /// <summary>A topic was merged into another (after the write won).</summary>
    Task OnTopicMergedAsync(TopicMerge merge, CancellationToken cancellationToken);
}
