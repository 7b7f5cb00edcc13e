using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals;

/// <summary>A tenant's topic list as capture needs it: seeded with a starting list the first time, and open to proposals.</summary>
public sealed class SignalTopics(ITopicStore store, TimeProvider time)
{
    // The list a tenant starts with (English, Dutch); supervisors rename, merge and add from there.
    private static readonly (string English, string Dutch)[] StartingList =
    [
        ("Billing", "Facturatie"),
        ("Delivery", "Levering"),
        ("Product", "Product"),
        ("Website and app", "Website en app"),
        ("Contract", "Contract"),
        ("Opening hours", "Openingstijden"),
        ("Other", "Overig"),
    ];

    private static readonly PersonRef System = new("CxBot");

    /// <summary>The tenant's topics; a tenant without any gets the starting list (inserts, so instances racing add it once).</summary>
    public async Task<TopicCatalog> CatalogAsync(string? tenantId, CancellationToken cancellationToken)
    {
        var topics = await store.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (topics.Count > 0)
        {
            return new TopicCatalog(topics);
        }

        foreach (var (english, dutch) in StartingList)
        {
            await store.TryAddAsync(tenantId, Topic.Add(english, dutch, System, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        return new TopicCatalog(await store.ListAsync(tenantId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The topic <paramref name="label"/> names; a new one is added as an unreviewed proposal by <paramref name="by"/>.</summary>
    public async Task<Topic> ProposeAsync(string? tenantId, TopicCatalog catalog, string label, PersonRef by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Find(label) is { } known)
        {
            return known;
        }

        var proposal = Topic.Propose(label, null, by, time.GetUtcNow());
        if (await store.TryAddAsync(tenantId, proposal, cancellationToken).ConfigureAwait(false))
        {
            return proposal;
        }

        // Someone proposed the same key a moment ago, or it names a merged topic: use what is stored.
        var stored = await store.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return new TopicCatalog(stored).Resolve(proposal.Key) ?? proposal;
    }
}
