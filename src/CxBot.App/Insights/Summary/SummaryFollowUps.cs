using CxBot.App.Channels;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// The unresolved follow-ups of a summary's scope and how many are overdue. Reads the follow-up store's list of
/// unresolved follow-ups (the same query the overdue notifier uses: one row per follow-up, filtered on status by the
/// store), so resolved ones are never read. A channel scope has none of its own: follow-ups do not record the channel.
/// </summary>
public sealed class SummaryFollowUps(IFollowUps followUps, TenantRule tenants, TimeProvider time)
{
    // Far enough ahead that every unresolved follow-up is due before it.
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(3650);

    internal async Task<FollowUpCounts?> CountAsync(ReportScope scope, string? tenantId, IReadOnlyList<ReportScope> series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Kind == ReportScopeKind.Channel)
        {
            return null;
        }

        var agentIds = series.Select(s => s.Agent).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        int open = 0, overdue = 0;
        await foreach (var followUp in followUps.ListUnresolvedDueBeforeAsync(now + Horizon, cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(tenants.OwnerOf(followUp.TenantId), tenantId, StringComparison.OrdinalIgnoreCase)
                || (scope.Queue is { } queue && ReportScope.Normalize(followUp.Queue) != queue)
                || (agentIds.Count > 0 && !agentIds.Contains(ReportScope.Normalize(followUp.Agent.AgentId))))
            {
                continue;
            }

            open++;
            if (followUp.DueAt < now)
            {
                overdue++;
            }
        }

        return new FollowUpCounts(open, overdue);
    }
}
