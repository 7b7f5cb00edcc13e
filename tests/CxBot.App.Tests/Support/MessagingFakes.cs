using CxBot.App.Messaging;
using CxBot.App.Tests.Surveys.Delivery;
using CxBot.Domain.Channels;
using CxBot.Domain.Messaging;
using CxBot.Protocol.Connector;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxBot.App.Tests.Support;

/// <summary>The shared Retry-After block, in memory.</summary>
public sealed class InMemorySendThrottle : ISendThrottle
{
    private DateTimeOffset? _until;

    public Task<DateTimeOffset?> GetBlockedUntilAsync(CancellationToken cancellationToken) => Task.FromResult(_until);

    public Task BlockUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (_until is null || until > _until)
        {
            _until = until;
        }

        return Task.CompletedTask;
    }
}

/// <summary>Channel designations in memory (the storage adapter belongs to the channel-designations work).</summary>
public sealed class InMemoryChannelDesignations : IChannelDesignations
{
    private readonly Lock _lock = new();
    private readonly List<ChannelDesignation> _designations = [];

    public Task SetAsync(ChannelDesignation designation, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _designations.RemoveAll(d => string.Equals(d.TenantId, designation.TenantId, StringComparison.OrdinalIgnoreCase)
                && d.Purpose == designation.Purpose && ChannelResolution.NormalizeQueue(d.Queue) == ChannelResolution.NormalizeQueue(designation.Queue));
            _designations.Add(designation);
        }

        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string tenantId, ChannelPurpose purpose, string? queue, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_designations.RemoveAll(d => string.Equals(d.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)
                && d.Purpose == purpose && ChannelResolution.NormalizeQueue(d.Queue) == ChannelResolution.NormalizeQueue(queue)) > 0);
        }
    }

    public Task<IReadOnlyList<ChannelDesignation>> SetStaleAsync(string tenantId, string channelConversationId, string? reason, DateTimeOffset? at,
        CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var changed = new List<ChannelDesignation>();
            for (var i = 0; i < _designations.Count; i++)
            {
                var d = _designations[i];
                if (string.Equals(d.TenantId, tenantId, StringComparison.OrdinalIgnoreCase) && d.ChannelConversationId == channelConversationId
                    && d.IsStale != (at is not null))
                {
                    _designations[i] = d with { StaleSince = at, StaleReason = at is null ? null : reason };
                    changed.Add(_designations[i]);
                }
            }

            return Task.FromResult<IReadOnlyList<ChannelDesignation>>(changed);
        }
    }

    /// <summary>Runs once, right after the next list was read (to make something happen between a read and what follows it).</summary>
    public Func<Task>? AfterNextList { get; set; }

    public async Task<IReadOnlyList<ChannelDesignation>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        IReadOnlyList<ChannelDesignation> result;
        Func<Task>? after;
        lock (_lock)
        {
            result = [.. _designations.Where(d => string.Equals(d.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))];
            after = AfterNextList;
            AfterNextList = null;
        }

        if (after is not null)
        {
            await after();
        }

        return result;
    }
}

/// <summary>A <see cref="ProactiveSender"/> over a connector, without pacing or a shared block.</summary>
public static class TestSenders
{
    public static ProactiveSender Unpaced(IConnectorClient connector) => new(
        connector,
        new MessagePacer(new FixedOptionsMonitor<MessagingOptions>(new MessagingOptions { PerConversationSeconds = 0, PerTenantPerSecond = 50 }), TimeProvider.System),
        new InMemorySendThrottle(),
        [],
        TimeProvider.System,
        NullLogger<ProactiveSender>.Instance);
}
