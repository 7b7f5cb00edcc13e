namespace CxBot.Domain.Activities;

/// <summary>An inbound activity's identity: Teams message ids are unique only within a conversation.</summary>
/// <param name="ChannelId">Channel.</param>
/// <param name="ConversationId">Conversation.</param>
/// <param name="ActivityId">The channel's activity id.</param>
public sealed record ActivityKey(string ChannelId, string ConversationId, string ActivityId);

/// <summary>What the ledger knows of an activity when it arrives.</summary>
public enum ActivityClaimStatus
{
    /// <summary>This delivery runs the turn (first delivery, or an earlier attempt failed or stalled).</summary>
    Claimed,
    /// <summary>An earlier delivery is running the turn now.</summary>
    InProgress,
    /// <summary>An earlier delivery completed the turn; its answer is kept for a while.</summary>
    Completed,
}

/// <summary>The answer an invoke got, kept so a redelivery gets it again.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="BodyJson">JSON body, or null for none.</param>
public sealed record StoredAnswer(int Status, string? BodyJson);

/// <summary>The outcome of a claim.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Version">The claim's version (for <see cref="IActivityLedger.CompleteAsync"/> and <see cref="IActivityLedger.AbandonAsync"/>).</param>
/// <param name="Answer">On <see cref="ActivityClaimStatus.Completed"/>: the stored answer, when the turn had one.</param>
public sealed record ActivityClaim(ActivityClaimStatus Status, string? Version, StoredAnswer? Answer);

/// <summary>
/// Remembers which inbound activities were handled, so a channel's retry is handled once, and only once its first
/// attempt finished: an activity counts as handled when its turn completed; a failed or abandoned turn leaves it
/// to the next delivery, and a turn whose instance stopped answering is taken over once it is stale.
/// </summary>
public interface IActivityLedger
{
    /// <summary>Claims the activity for this delivery unless an earlier one completed it or is running it (and is not stale).</summary>
    Task<ActivityClaim> TryClaimAsync(ActivityKey key, DateTimeOffset receivedAt, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>Marks the claimed turn completed, keeping its answer.</summary>
    Task CompleteAsync(ActivityKey key, ActivityClaim claim, StoredAnswer? answer, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gives the claim up after a failed or cancelled turn, so a redelivery runs it.</summary>
    Task AbandonAsync(ActivityKey key, ActivityClaim claim, CancellationToken cancellationToken);

    /// <summary>The activity's state now, without claiming it.</summary>
    Task<ActivityClaim?> GetAsync(ActivityKey key, DateTimeOffset receivedAt, CancellationToken cancellationToken);
}
