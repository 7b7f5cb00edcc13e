using Microsoft.Extensions.Options;

namespace CxBot.App.Messaging;

/// <summary>
/// Keeps the dispatcher's sends within Teams' limits: a minimum gap between two messages to one conversation, and an
/// even spacing of sends to one tenant (never a burst, so no sliding window of any length sees more than the rate).
/// Kept in memory on purpose: only the lease holder sends, so its memory is the deployment's. After taking the lease
/// it starts quiet for one pacing window, so its first send cannot crowd the previous holder's last one.
/// </summary>
public sealed class MessagePacer(IOptionsMonitor<MessagingOptions> options, TimeProvider time)
{
    private const int ForgetAbove = 1024;

    /// <summary>Most conversations (and, apart, tenants) with a slot still ahead; a new one waits for the first slot to pass.</summary>
    public const int MaxTracked = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextByConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _nextByTenant = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    /// <summary>Sends nothing for one pacing window from now (after taking the lease).</summary>
    public void QuietStart()
    {
        lock (_gate)
        {
            _nextByConversation.Clear();
            _nextByTenant.Clear();
            _notBefore = time.GetUtcNow() + options.CurrentValue.PacingWindow;
        }
    }

    /// <summary>
    /// Takes the slot for a send to the tenant (and conversation, when known) when it is free now, booking it from
    /// this moment; otherwise books nothing and returns how long until it is free. Booking at the moment of the send
    /// (not ahead of it) keeps what happens between a wait and the post (a storage read) out of the spacing.
    /// </summary>
    public TimeSpan TryTake(string? tenantId, string? conversationId)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var tenant = tenantId ?? string.Empty;
            Forget(_nextByConversation, now);
            Forget(_nextByTenant, now);
            var full = WaitForRoom(_nextByTenant, tenant, now) ?? (conversationId is null ? null : WaitForRoom(_nextByConversation, conversationId, now));
            if (full is { } wait)
            {
                return wait;
            }

            var free = Max(_notBefore, _nextByTenant.GetValueOrDefault(tenant, DateTimeOffset.MinValue),
                conversationId is null ? DateTimeOffset.MinValue : _nextByConversation.GetValueOrDefault(conversationId, DateTimeOffset.MinValue));
            if (free > now)
            {
                return free - now;
            }

            _nextByTenant[tenant] = now + TimeSpan.FromSeconds(1 / settings.PerTenantPerSecond);
            if (conversationId is not null)
            {
                _nextByConversation[conversationId] = now + TimeSpan.FromSeconds(settings.PerConversationSeconds);
            }

            return TimeSpan.Zero;
        }
    }

    /// <summary>Waits until the slot is free and takes it.</summary>
    public async Task WaitAsync(string? tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        while (TryTake(tenantId, conversationId) is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c) =>
        a > b ? (a > c ? a : c) : (b > c ? b : c);

    // Full of slots still ahead: a newcomer waits until the first of them passes, so the table never outgrows the bound.
    private static TimeSpan? WaitForRoom(Dictionary<string, DateTimeOffset> next, string key, DateTimeOffset now) =>
        next.Count < MaxTracked || next.ContainsKey(key) ? null : next.Values.Min() - now;

    // Only slots still ahead matter; the rest is dropped so the tables stay as small as the number of active chats.
    private static void Forget(Dictionary<string, DateTimeOffset> next, DateTimeOffset now)
    {
        if (next.Count < ForgetAbove)
        {
            return;
        }

        foreach (var (key, at) in next.Where(e => e.Value <= now).ToList())
        {
            next.Remove(key);
        }
    }
}
