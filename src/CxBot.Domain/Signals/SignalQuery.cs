namespace CxBot.Domain.Signals;

/// <summary>Which of a tenant's signals to list, newest first. Empty filters select everything.</summary>
public sealed record SignalQuery
{
    /// <summary>The tenant (null: records without one).</summary>
    public required string? TenantId { get; init; }
    /// <summary>Statuses to include; empty for the open ones (new, triaged, in action).</summary>
    public IReadOnlySet<SignalStatus> Statuses { get; init; } = new HashSet<SignalStatus>();
    /// <summary>Reported at or after.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Reported before.</summary>
    public DateTimeOffset? To { get; init; }
    /// <summary>Only this kind.</summary>
    public SignalKind? Kind { get; init; }
    /// <summary>Only these topic keys (a topic and the keys merged into it).</summary>
    public IReadOnlyList<string> TopicKeys { get; init; } = [];
    /// <summary>Only this driver.</summary>
    public string? Driver { get; init; }
    /// <summary>Only signals whose linked contact came through this queue.</summary>
    public string? Queue { get; init; }
    /// <summary>Only this severity.</summary>
    public SignalSeverity? Severity { get; init; }

    /// <summary>The open statuses.</summary>
    public static IReadOnlySet<SignalStatus> Open { get; } = new HashSet<SignalStatus> { SignalStatus.New, SignalStatus.Triaged, SignalStatus.InAction };

    /// <summary>The statuses asked for (the open ones when none were named).</summary>
    public IReadOnlySet<SignalStatus> EffectiveStatuses => Statuses.Count == 0 ? Open : Statuses;

    /// <summary>True when <paramref name="signal"/> is one this query asks for (the stores check every row they return).</summary>
    public bool Matches(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return string.Equals(signal.TenantId, TenantId, StringComparison.OrdinalIgnoreCase)
            && EffectiveStatuses.Contains(signal.Status)
            && (From is null || signal.ReportedAt >= From)
            && (To is null || signal.ReportedAt < To)
            && (Kind is null || signal.Kind == Kind)
            && (TopicKeys.Count == 0 || TopicKeys.Contains(signal.TopicKey, StringComparer.Ordinal))
            && (Driver is null || string.Equals(signal.Driver, Driver, StringComparison.Ordinal))
            && (Queue is null || string.Equals(signal.Contact?.Queue, Queue, StringComparison.OrdinalIgnoreCase))
            && (Severity is null || signal.Severity == Severity);
    }
}

/// <summary>One page of a list, and the token of the next one (null on the last).</summary>
/// <param name="Signals">The signals, newest first.</param>
/// <param name="ContinuationToken">Where the next page starts; opaque.</param>
public sealed record SignalPage(IReadOnlyList<Signal> Signals, string? ContinuationToken);
