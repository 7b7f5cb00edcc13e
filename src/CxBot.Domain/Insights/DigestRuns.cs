namespace CxBot.Domain.Insights;

/// <summary>How often a digest covers.</summary>
public enum DigestKind
{
    /// <summary>Yesterday, sent every morning.</summary>
    Daily,
    /// <summary>Last week (Monday to Sunday), sent on Monday morning.</summary>
    Weekly,
}

/// <summary>Where a digest run is in its two steps.</summary>
public enum DigestRunState
{
    /// <summary>An instance claimed the run; its message may not be queued yet.</summary>
    Claimed,
    /// <summary>The message is in the outbox (which sends it once).</summary>
    Queued,
}

/// <summary>One digest for one audience and period: the unit that is sent exactly once.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Audience">Who gets it: <c>channel</c>, <c>channel~{normalised queue}</c> or <c>person~{object id}</c>.</param>
/// <param name="Kind">Daily or weekly.</param>
/// <param name="Period">The days it covers.</param>
public sealed record DigestRunKey(string TenantId, string Audience, DigestKind Kind, ReportPeriod Period);

/// <summary>What a claim found.</summary>
/// <param name="State">The run's state.</param>
/// <param name="Mine">True when this call inserted the claim.</param>
/// <param name="ClaimedAt">When the run was claimed (by whoever did).</param>
public sealed record DigestClaim(DigestRunState State, bool Mine, DateTimeOffset ClaimedAt);

/// <summary>
/// The once-only record of each digest (<c>DigestRuns</c>): the insert is the claim, so of several instances exactly
/// one claims a run; the claimant marks it Queued after putting the message in the outbox. A run left Claimed (the
/// instance stopped in between) is finished by a later pass, under the same deterministic message id.
/// </summary>
public interface IDigestRuns
{
    /// <summary>Claims the run: inserts it as Claimed, or reads the run someone claimed before.</summary>
    Task<DigestClaim> ClaimAsync(DigestRunKey key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks the run's message as queued.</summary>
    Task MarkQueuedAsync(DigestRunKey key, DateTimeOffset at, CancellationToken cancellationToken);
}
