using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CxBot.Domain.Channels;
using CxBot.Domain.Messaging;
using CxBot.Domain.People;

namespace CxBot.App.Messaging;

/// <summary>Where a proactive message goes (kept in the outbox as JSON with a <c>type</c> discriminator).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ToPerson), "person")]
[JsonDerivedType(typeof(ToChannel), "channel")]
[JsonDerivedType(typeof(ToThread), "thread")]
[JsonDerivedType(typeof(EditOf), "edit")]
public abstract record MessageTarget;

/// <summary>
/// A person's 1:1 chat with the bot (created for a Teams user who has the app). For someone the bot cannot reach
/// there, an @mention in the tenant's <paramref name="FallbackPurpose"/> channel (for <paramref name="Queue"/>) instead of silence.
/// </summary>
public sealed record ToPerson(PersonRef Person, string TenantId, ChannelPurpose FallbackPurpose, string? Queue = null) : MessageTarget
{
    /// <summary>True for content meant for the person alone (their own figures): never posted in a channel instead;
    /// dropped when their chat cannot be reached.</summary>
    public bool ChatOnly { get; init; }
}

/// <summary>The tenant's channel for a purpose (the queue's own channel first); held until one is designated.</summary>
public sealed record ToChannel(string TenantId, ChannelPurpose Purpose, string? Queue = null) : MessageTarget;

/// <summary>A reply in the thread of a posted message.</summary>
public sealed record ToThread(PostedMessage Message) : MessageTarget;

/// <summary>A replacement of a posted message (a card edited in place).</summary>
public sealed record EditOf(PostedMessage Message) : MessageTarget;

/// <summary>
/// A message for the durable outbox. <paramref name="Id"/> is its idempotency key: enqueueing the same id twice sends it once.
/// Content is either fixed here (<paramref name="Text"/> or <paramref name="Card"/>) or, with <paramref name="ContentKind"/>,
/// built when it is sent by the <see cref="IProactiveContent"/> of that kind (so a card shows the state of its record at
/// that moment), which is also told where it landed.
/// </summary>
/// <param name="Id">Idempotency key, e.g. <c>followup-card|{followUpId}</c>.</param>
/// <param name="Target">Where it goes.</param>
/// <param name="Text">A plain text message.</param>
/// <param name="Card">An Adaptive Card.</param>
/// <param name="Locale">Language of the fixed content.</param>
/// <param name="ContentKind">Kind of the <see cref="IProactiveContent"/> that builds the content at send time.</param>
/// <param name="SubjectId">The record the content is built from (e.g. a follow-up id).</param>
public sealed record ProactiveMessage(
    string Id,
    MessageTarget Target,
    string? Text = null,
    JsonObject? Card = null,
    string? Locale = null,
    string? ContentKind = null,
    string? SubjectId = null);

/// <summary>The one proactive-messaging service: every feature's messages go through the durable outbox.</summary>
public interface IProactiveMessages
{
    /// <summary>Queues the message; it is sent (paced, retried, once) by whichever app instance dispatches.</summary>
    Task EnqueueAsync(ProactiveMessage message, TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>Builds a message's content when it is sent, and records where it landed.</summary>
public interface IProactiveContent
{
    /// <summary>The <see cref="ProactiveMessage.ContentKind"/> this builds.</summary>
    string Kind { get; }

    /// <summary>The card or text to send, in <paramref name="culture"/>; null when there is nothing to send any more.</summary>
    Task<ProactiveContent?> BuildAsync(ProactiveMessage message, System.Globalization.CultureInfo culture, CancellationToken cancellationToken);

    /// <summary>Called once the message was accepted by the channel; called again for the same landing when the
    /// message comes back after a crash, so it must be idempotent.</summary>
    Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken);
}

/// <summary>Content built at send time.</summary>
/// <param name="Text">Plain text.</param>
/// <param name="Card">An Adaptive Card.</param>
public sealed record ProactiveContent(string? Text, JsonObject? Card);
