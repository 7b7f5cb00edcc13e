namespace CxBot.Domain.FollowUps;

/// <summary>
/// An entry of the index of unresolved follow-ups: what counting and the overdue check need without reading the
/// follow-up itself. Queue, agent and deadline never change after a follow-up is opened, so the entry stays true
/// until the follow-up is resolved and the entry removed.
/// </summary>
/// <param name="FollowUpId">The follow-up.</param>
/// <param name="TenantId">Its tenant as stored (null in older records).</param>
/// <param name="Queue">Its queue.</param>
/// <param name="AgentId">The platform id of the agent whose contact it is about.</param>
/// <param name="DueAt">Its deadline.</param>
public sealed record OpenFollowUp(string FollowUpId, string? TenantId, string Queue, string AgentId, DateTimeOffset DueAt)
{
    /// <summary>The entry of an unresolved follow-up.</summary>
    public static OpenFollowUp Of(FollowUp followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return new(followUp.FollowUpId, followUp.TenantId, followUp.Queue, followUp.Agent.AgentId ?? "", followUp.DueAt);
    }
}

/// <summary>The index of unresolved follow-ups (kept by the <see cref="IFollowUps"/> store beside the follow-ups).</summary>
public interface IOpenFollowUps
{
    /// <summary>
    /// Every entry of the index. May hold an entry of a follow-up resolved a moment ago (its entry is removed after the
    /// resolution is stored) or whose add was cut off; <see cref="IFollowUps.ListUnresolvedDueBeforeAsync"/> checks and
    /// removes such entries.
    /// </summary>
    IAsyncEnumerable<OpenFollowUp> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds the entries of unresolved follow-ups stored before the index existed; once per store, later calls do nothing. Returns how many.</summary>
    Task<int> BackfillAsync(CancellationToken cancellationToken);
}
