namespace CxBot.Domain.Signals;

/// <summary>
/// What the signals channel was told, so that several app instances tell it once: recurring-problem states (conditional
/// writes), dated claims (one per tenant, purpose and day) and the tenants that have signals.
/// </summary>
public interface ISignalAlerts
{
    /// <summary>A topic's recurring-problem state, or null when it was never announced.</summary>
    Task<RecurringAlertState?> GetRecurringAsync(string? tenantId, string topicKey, CancellationToken cancellationToken);

    /// <summary>Every recurring-problem state of the tenant.</summary>
    Task<IReadOnlyList<RecurringAlertState>> ListRecurringAsync(string? tenantId, CancellationToken cancellationToken);

    /// <summary>Writes the state: an insert when it has no ETag, else a replace if unchanged. False when another writer won.</summary>
    Task<bool> TrySaveRecurringAsync(RecurringAlertState state, CancellationToken cancellationToken);

    /// <summary>Claims (<paramref name="purpose"/>, <paramref name="day"/>) for the tenant; true for the one caller that claimed it.</summary>
    Task<bool> TryClaimDayAsync(string? tenantId, string purpose, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Notes that the tenant has signals (idempotent).</summary>
    Task NoteTenantAsync(string? tenantId, CancellationToken cancellationToken);

    /// <summary>The tenants noted.</summary>
    Task<IReadOnlyList<string?>> ListTenantsAsync(CancellationToken cancellationToken);
}

/// <summary>One counted signal of a topic: read from the tenant's lists by key range, never by scanning the table.</summary>
/// <param name="SignalId">The signal.</param>
/// <param name="TopicKey">Its topic key as stored.</param>
/// <param name="ReportedAt">When it was logged.</param>
public sealed record TopicSignalEntry(string SignalId, string TopicKey, DateTimeOffset ReportedAt);

/// <summary>The signals of some topics in a period, for counting (withdrawn ones left out).</summary>
public interface ISignalTopicCounts
{
    /// <summary>The tenant's signals of <paramref name="topicKeys"/> reported in [<paramref name="from"/>, <paramref name="to"/>), each once.</summary>
    Task<IReadOnlyList<TopicSignalEntry>> ListAsync(string? tenantId, IReadOnlyList<string> topicKeys, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken);
}
