using CxBot.Domain.Insights;

namespace CxBot.Domain.FollowUps;

/// <summary>Where a tally of unresolved follow-ups belongs: a tenant (null: none known) and a <see cref="ReportScope"/>.</summary>
/// <param name="TenantId">The owning tenant, lower case (<see cref="TenantOf"/>).</param>
/// <param name="Scope">All, a queue, an agent id, or a queue by agent id.</param>
public sealed record FollowUpCountsKey(string? TenantId, ReportScope Scope)
{
    /// <summary>A tenant id as the counts are keyed by it: tenant ids compare without regard to case.</summary>
    public static string? TenantOf(string? tenantId) => tenantId?.ToLowerInvariant();
}

/// <summary>What one counting pass found, and when it ran.</summary>
/// <param name="PassAt">The time of the pass.</param>
/// <param name="Tallies">Per tenant and scope with any unresolved follow-up.</param>
public sealed record FollowUpCountsSnapshot(DateTimeOffset PassAt, IReadOnlyDictionary<FollowUpCountsKey, OpenFollowUpTally> Tallies)
{
    /// <summary>
    /// Counts the index entries into every scope each belongs to (all, its queue, its agent id, its queue by agent id;
    /// never a channel: follow-ups do not record one), under the tenant <paramref name="ownerOf"/> gives it.
    /// </summary>
    public static FollowUpCountsSnapshot Count(IEnumerable<OpenFollowUp> entries, DateTimeOffset passAt, Func<string?, string?> ownerOf)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(ownerOf);
        var from = OpenFollowUpTally.HourOf(passAt);
        var earlier = new Dictionary<FollowUpCountsKey, int>();
        var hours = new Dictionary<FollowUpCountsKey, Dictionary<DateTimeOffset, int>>();
        foreach (var entry in entries.DistinctBy(e => e.FollowUpId, StringComparer.Ordinal))
        {
            var tenant = FollowUpCountsKey.TenantOf(ownerOf(entry.TenantId));
            var hour = OpenFollowUpTally.HourOf(entry.DueAt);
            foreach (var scope in ReportScope.Of(entry.Queue, entry.AgentId, channel: null))
            {
                var key = new FollowUpCountsKey(tenant, scope);
                if (!hours.TryGetValue(key, out var byHour))
                {
                    hours[key] = byHour = [];
                    earlier[key] = 0;
                }

                if (hour < from)
                {
                    earlier[key]++;
                }
                else
                {
                    byHour[hour] = byHour.GetValueOrDefault(hour) + 1;
                }
            }
        }

        return new FollowUpCountsSnapshot(passAt, hours.ToDictionary(h => h.Key,
            h => new OpenFollowUpTally { From = from, Earlier = earlier[h.Key], ByHour = h.Value }));
    }
}
