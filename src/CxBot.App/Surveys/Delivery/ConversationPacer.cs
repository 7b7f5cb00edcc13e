using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CxBot.App.Surveys.Delivery;

/// <summary>
/// Keeps proactive sends within Teams' limits: a token bucket across all conversations, and a minimum gap
/// between two messages to the same conversation.
/// </summary>
public sealed class ConversationPacer : IDisposable
{
    private readonly TokenBucketRateLimiter _global;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSent = new(StringComparer.Ordinal);
    private readonly TimeSpan _perConversation;
    private readonly TimeProvider _time;

    /// <summary>Creates the pacer from <see cref="SurveyOptions"/>.</summary>
    public ConversationPacer(IOptions<SurveyOptions> options, TimeProvider time)
    {
        var perSecond = options.Value.MessagesPerSecond;
        var tokens = Math.Max(1, (int)Math.Ceiling(perSecond));
        _global = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        _perConversation = TimeSpan.FromSeconds(options.Value.PerConversationSeconds);
        _time = time;
    }

    /// <summary>Waits until a message may go to the conversation, then books the slot.</summary>
    public async Task WaitAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var lease = await _global.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var now = _time.GetUtcNow();
            var last = _lastSent.GetOrAdd(conversationId, DateTimeOffset.MinValue);
            var wait = last + _perConversation - now;
            if (wait <= TimeSpan.Zero)
            {
                if (_lastSent.TryUpdate(conversationId, now, last))
                {
                    ForgetIdle(now);
                    return;
                }

                continue;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    // Only recent sends matter; drop the rest so the table stays as small as the number of active chats.
    private void ForgetIdle(DateTimeOffset now)
    {
        if (_lastSent.Count < 1024)
        {
            return;
        }

        foreach (var (conversation, sentAt) in _lastSent)
        {
            if (now - sentAt > _perConversation)
            {
                _lastSent.TryRemove(new KeyValuePair<string, DateTimeOffset>(conversation, sentAt));
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _global.Dispose();
}
