using CxBot.Domain.Insights;

namespace CxBot.Domain.FollowUps;

/// <summary>What a summary reads of the counts: the tallies of its series, summed, and the time of the pass.</summary>
/// <param name="Tally">The sum over the series asked for.</param>
/// <param name="PassAt">When the pass counted them; null when no pass has run yet.</param>
public sealed record FollowUpCountsReading(OpenFollowUpTally Tally, DateTimeOffset? PassAt);

/// <summary>
/// The counts of unresolved follow-ups per tenant and scope, replaced as a whole by each counting pass, so a summary
/// reads a few small rows however many follow-ups are open.
/// </summary>
public interface IFollowUpCounts
{
    /// <summary>Replaces the stored counts by <paramref name="snapshot"/>: scopes missing from it have none open.</summary>
    Task ReplaceAsync(FollowUpCountsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>The summed tallies of <paramref name="scopes"/> of <paramref name="tenantId"/> (in any case; point reads).</summary>
    Task<FollowUpCountsReading> ReadAsync(string? tenantId, IReadOnlyList<ReportScope> scopes, CancellationToken cancellationToken);
}
