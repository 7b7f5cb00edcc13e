using System.Collections.Concurrent;
using System.Globalization;
using CxBot.App.Messaging;
using CxBot.Domain.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Support;

/// <summary>A message the outbox sent: its content as built then, and where it landed.</summary>
public sealed record SentProactiveMessage(ProactiveMessage Message, ProactiveContent Content, PostedMessage Posted);

/// <summary>
/// Stands in for the outbox: records what features enqueue (one message per id, as the outbox promises) and, when a
/// test calls <see cref="DeliverAsync"/>, "sends" the pending ones the way the outbox does: content of a kind is
/// built by that kind's <see cref="IProactiveContent"/> and told where it landed. Channel posts land in
/// <see cref="TeamsUser.TeamId"/>; edits land where their target was; replies and 1:1 messages get new ids.
/// </summary>
public sealed class RecordingProactiveMessages : IProactiveMessages
{
    private readonly ConcurrentQueue<ProactiveMessage> _enqueued = new();
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);
    private readonly List<SentProactiveMessage> _sent = [];
    private int _delivered;
    private int _activityIds = 1_700_000_000;

    /// <summary>Every distinct message enqueued, in order.</summary>
    public IReadOnlyList<ProactiveMessage> Enqueued => [.. _enqueued];

    /// <summary>Every message delivered so far, in order.</summary>
    public IReadOnlyList<SentProactiveMessage> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>How many times a message id was enqueued again (and ignored).</summary>
    public int Repeats { get; private set; }

    public Task EnqueueAsync(ProactiveMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (_ids.TryAdd(message.Id, 0))
        {
            _enqueued.Enqueue(message);
        }
        else
        {
            Repeats++;
        }

        return Task.CompletedTask;
    }

    /// <summary>Sends every message enqueued since the last call, in English; returns those sent (content built to null is dropped).</summary>
    public async Task<IReadOnlyList<SentProactiveMessage>> DeliverAsync(IServiceProvider services, CultureInfo? culture = null)
    {
        var contents = services.GetServices<IProactiveContent>().ToDictionary(c => c.Kind, StringComparer.Ordinal);
        var pending = Enqueued.Skip(_delivered).ToList();
        _delivered += pending.Count;
        var sent = new List<SentProactiveMessage>();
        foreach (var message in pending)
        {
            var kind = message.ContentKind is null ? null : contents[message.ContentKind];
            var content = kind is null
                ? new ProactiveContent(message.Text, message.Card)
                : await kind.BuildAsync(message, culture ?? CultureInfo.GetCultureInfo("en-US"), CancellationToken.None);
            if (content is null)
            {
                continue;
            }

            var posted = Landing(message.Target);
            if (kind is not null)
            {
                await kind.OnDeliveredAsync(message, posted, CancellationToken.None);
            }

            sent.Add(new SentProactiveMessage(message, content, posted));
        }

        lock (_sent)
        {
            _sent.AddRange(sent);
        }

        return sent;
    }

    private PostedMessage Landing(MessageTarget target) => target switch
    {
        EditOf edit => edit.Message,
        ToThread thread => thread.Message with { ActivityId = NewActivityId() },
        ToChannel to => new PostedMessage("msteams", TeamsUser.ServiceUrl, TeamsUser.TeamId, NewActivityId(), to.TenantId),
        ToPerson to => new PostedMessage("msteams", TeamsUser.ServiceUrl, "a:" + to.Person.ObjectId, NewActivityId(), to.TenantId),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown target."),
    };

    private string NewActivityId() => Interlocked.Increment(ref _activityIds).ToString(CultureInfo.InvariantCulture);
}
