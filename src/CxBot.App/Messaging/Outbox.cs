using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.Domain.Messaging;

namespace CxBot.App.Messaging;

/// <summary>One unit of outbox work: a proactive message, or a feature's own delivery step (a survey send).</summary>
/// <param name="Kind">The <see cref="IOutboxHandler.Kind"/> that runs it.</param>
/// <param name="Id">Idempotency key (for logs; each handler decides what makes a repeat harmless).</param>
/// <param name="Data">The handler's own payload.</param>
public sealed record OutboxWork(string Kind, string Id, JsonObject Data);

/// <summary>What became of outbox work: done (deleted) or to be tried again after a delay.</summary>
/// <param name="RetryAfter">Null when done.</param>
public sealed record OutboxOutcome(TimeSpan? RetryAfter)
{
    /// <summary>Done.</summary>
    public static OutboxOutcome Done { get; } = new((TimeSpan?)null);
}

/// <summary>Runs outbox work of one kind on the lease-holding dispatcher; sends through <see cref="ProactiveSender"/>.</summary>
public interface IOutboxHandler
{
    /// <summary>The <see cref="OutboxWork.Kind"/> handled.</summary>
    string Kind { get; }

    /// <summary>Runs the work once. Throwing leaves it in the outbox (it comes back after the visibility timeout).</summary>
    Task<OutboxOutcome> HandleAsync(OutboxWork work, CancellationToken cancellationToken);
}

/// <summary>The durable outbox every instance may write to and only the lease holder reads.</summary>
public interface IOutbox
{
    /// <summary>Queues the work, to run after <paramref name="delay"/>.</summary>
    Task EnqueueAsync(OutboxWork work, TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary><see cref="IOutbox"/> over <see cref="IOutboxQueue"/>: a body is the work as JSON.</summary>
public sealed class Outbox(IOutboxQueue queue) : IOutbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public Task EnqueueAsync(OutboxWork work, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return queue.EnqueueAsync(Serialize(work), delay > TimeSpan.Zero ? delay : TimeSpan.Zero, cancellationToken);
    }

    internal static string Serialize(OutboxWork work) => JsonSerializer.Serialize(work, Json);

    /// <summary>The work in a body, or null when the body is not outbox work (it is then dropped).</summary>
    internal static OutboxWork? TryParse(string body)
    {
        try
        {
            var work = JsonSerializer.Deserialize<OutboxWork>(body, Json);
            return work is { Kind.Length: > 0, Id.Length: > 0, Data: not null } ? work : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
