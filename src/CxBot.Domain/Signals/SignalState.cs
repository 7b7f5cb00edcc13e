using CxBot.Domain.People;

namespace CxBot.Domain.Signals;

/// <summary>Everything about a signal that changes after it is logged, as stored; <see cref="Signal.Restore"/> rebuilds a signal from it.</summary>
public sealed record SignalState
{
    /// <summary>The details as last set by the reporter or a triage.</summary>
    public required SignalDetails Details { get; init; }
    /// <summary>Status.</summary>
    public SignalStatus Status { get; init; } = SignalStatus.New;
    /// <summary>SERVQUAL gap.</summary>
    public ServiceGap? Gap { get; init; }
    /// <summary>The linked contact.</summary>
    public SignalContactLink? Contact { get; init; }
    /// <summary>Who triaged it last.</summary>
    public PersonRef? TriagedBy { get; init; }
    /// <summary>When.</summary>
    public DateTimeOffset? TriagedAt { get; init; }
    /// <summary>Who started the action.</summary>
    public PersonRef? ActionBy { get; init; }
    /// <summary>When.</summary>
    public DateTimeOffset? ActionAt { get; init; }
    /// <summary>Who closed it.</summary>
    public PersonRef? ClosedBy { get; init; }
    /// <summary>When.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>The outcome text.</summary>
    public string? Outcome { get; init; }
    /// <summary>When withdrawn.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Number of changes (1 when reported).</summary>
    public int Version { get; init; } = 1;
    /// <summary>Concurrency token of the stored row.</summary>
    public string? ETag { get; init; }
}
