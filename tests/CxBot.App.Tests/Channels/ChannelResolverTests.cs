using CxBot.App.Channels;
using CxBot.Domain.Channels;
using CxBot.Domain.People;
using CxBot.Protocol;
using Microsoft.Extensions.Options;

namespace CxBot.App.Tests.Channels;

/// <summary>The resolution rule: the queue's channel, else the purpose's channel, else none; only ever the record's own tenant.</summary>
public sealed class ChannelResolverTests
{
    private const string TenantA = "aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa";
    private const string TenantB = "bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb";

    private readonly InMemoryDesignations _store = new();

    [Fact]
    public async Task TheQueuesOwnChannel_WinsOverThePurposeChannel()
    {
        _store.Add(Designation(TenantA, ChannelPurpose.FollowUps, null, "19:all"));
        _store.Add(Designation(TenantA, ChannelPurpose.FollowUps, "Billing", "19:billing"));

        Assert.Equal("19:billing", (await Resolver().ResolveAsync(TenantA, ChannelPurpose.FollowUps, " billing ", default))?.ChannelConversationId);
    }

    [Fact]
    public async Task WithoutAQueueChannel_ThePurposeChannelServesEveryQueue()
    {
        _store.Add(Designation(TenantA, ChannelPurpose.FollowUps, null, "19:all"));
        _store.Add(Designation(TenantA, ChannelPurpose.FollowUps, "billing", "19:billing"));

        Assert.Equal("19:all", (await Resolver().ResolveAsync(TenantA, ChannelPurpose.FollowUps, "support", default))?.ChannelConversationId);
        Assert.Equal("19:all", (await Resolver().ResolveAsync(TenantA, ChannelPurpose.FollowUps, null, default))?.ChannelConversationId);
    }

    [Fact]
    public async Task WithoutEither_ThereIsNone_AndAnotherPurposesChannelIsNotUsed()
    {
        _store.Add(Designation(TenantA, ChannelPurpose.Signals, null, "19:signals"));
        _store.Add(Designation(TenantA, ChannelPurpose.FollowUps, "billing", "19:billing"));

        Assert.Null(await Resolver().ResolveAsync(TenantA, ChannelPurpose.FollowUps, "support", default));
        Assert.Null(await Resolver().ResolveAsync(TenantA, ChannelPurpose.Digests, "billing", default));
    }

    [Fact]
    public async Task TenantADesignation_IsNeverUsedForTenantB_EvenWhenTheStoreHandsItOver()
    {
        // The store returns every tenant's rows: the resolver must still pick only the record's own tenant's.
        _store.Add(Designation(TenantA, ChannelPurpose.FollowUps, null, "19:tenant-a"));
        _store.Add(Designation(TenantA, ChannelPurpose.FollowUps, "billing", "19:tenant-a-billing"));
        _store.IgnoreTenantOnList = true;

        Assert.Null(await Resolver().ResolveAsync(TenantB, ChannelPurpose.FollowUps, "billing", default));
        Assert.Equal([TenantB], _store.Listed);
        _store.Add(Designation(TenantB, ChannelPurpose.FollowUps, null, "19:tenant-b"));
        Assert.Equal("19:tenant-b", (await Resolver().ResolveAsync(TenantB.ToUpperInvariant(), ChannelPurpose.FollowUps, "billing", default))?.ChannelConversationId);
    }

    [Fact]
    public async Task ARecordWithoutATenant_BelongsToTheDeploymentsTenant_OrToNone()
    {
        _store.Add(Designation(TenantA, ChannelPurpose.FollowUps, null, "19:tenant-a"));

        Assert.Equal("19:tenant-a", (await Resolver(deploymentTenant: TenantA).ResolveAsync(null, ChannelPurpose.FollowUps, "billing", default))?.ChannelConversationId);
        Assert.Null(await Resolver(deploymentTenant: null).ResolveAsync(null, ChannelPurpose.FollowUps, "billing", default));
        Assert.Null(await Resolver(deploymentTenant: TenantB).ResolveAsync(" ", ChannelPurpose.FollowUps, "billing", default));
    }

    [Fact]
    public async Task AStaleDesignation_CountsAsAbsent_SoTheNextOneServesOrNone()
    {
        var stale = DateTimeOffset.UnixEpoch.AddDays(1);
        _store.Add(Designation(TenantA, ChannelPurpose.FollowUps, null, "19:all"));
        _store.Add(Designation(TenantA, ChannelPurpose.FollowUps, "billing", "19:billing") with { StaleSince = stale, StaleReason = "Blocked: BotNotInConversationRoster" });

        Assert.Equal("19:all", (await Resolver().ResolveAsync(TenantA, ChannelPurpose.FollowUps, "billing", default))?.ChannelConversationId);

        _store.Add(Designation(TenantA, ChannelPurpose.Signals, null, "19:signals") with { StaleSince = stale, StaleReason = "NotFound: ConversationNotFound" });
        Assert.Null(await Resolver().ResolveAsync(TenantA, ChannelPurpose.Signals, null, default));
    }

    private ChannelResolver Resolver(string? deploymentTenant = null) =>
        new(_store, new TenantRule(new StaticOptions(new BotOptions { TenantId = deploymentTenant })));

    private static ChannelDesignation Designation(string tenant, ChannelPurpose purpose, string? queue, string channel) =>
        new(tenant, purpose, queue, "19:team", channel, "{}", new PersonRef("Sam"), DateTimeOffset.UnixEpoch);

    private sealed class InMemoryDesignations : IChannelDesignations
    {
        private readonly List<ChannelDesignation> _rows = [];

        public bool IgnoreTenantOnList { get; set; }

        public List<string> Listed { get; } = [];

        public void Add(ChannelDesignation designation) => _rows.Add(designation);

        public Task SetAsync(ChannelDesignation designation, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RemoveAsync(string tenantId, ChannelPurpose purpose, string? queue, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ChannelDesignation>> SetStaleAsync(string tenantId, string channelConversationId, string? reason, DateTimeOffset? at,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ChannelDesignation>> ListAsync(string tenantId, CancellationToken cancellationToken)
        {
            Listed.Add(tenantId);
            return Task.FromResult<IReadOnlyList<ChannelDesignation>>(
                [.. _rows.Where(d => IgnoreTenantOnList || string.Equals(d.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))]);
        }
    }

    private sealed class StaticOptions(BotOptions value) : IOptionsMonitor<BotOptions>
    {
        public BotOptions CurrentValue => value;

        public BotOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<BotOptions, string?> listener) => null;
    }
}
