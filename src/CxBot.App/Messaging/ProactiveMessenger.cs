using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CxBot.App.Channels;
using CxBot.App.Conversations;
using CxBot.App.Localization;
using CxBot.Domain.Channels;
using CxBot.Domain.Conversations;
using CxBot.Domain.Messaging;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CxBot.App.Messaging;

/// <summary>
/// <see cref="IProactiveMessages"/>: queues messages in the outbox, and (as the outbox handler of kind
/// <see cref="WorkKind"/> on the lease-holding dispatcher) sends them once: the outbox log records Sending when an
/// attempt starts, Posting right before the call goes out (after the lease check) and Sent, with where it landed, after
/// it; a message whose id is already Sent, Dropped or Unconfirmed is not sent again, and one still Posting (its outcome
/// never recorded: the store failed or the instance died after the call) becomes Unconfirmed instead of being sent again. A post the channel gave no certain answer to (<see cref="ConnectorOutcome.Uncertain"/>) may have landed: it is
/// logged as Unconfirmed and not repeated (a missing message is better than a doubled one), and its content is not told
/// it was delivered.
/// </summary>
public sealed partial class ProactiveMessenger(
    IOutbox outbox,
    IOutboxLog log,
    IHeldMessages held,
    IConversationRecords conversations,
    ChannelResolver channels,
    PersonalChats chats,
    ProactiveSender sender,
    IEnumerable<IProactiveContent> contents,
    IOptionsMonitor<MessagingOptions> options,
    TimeProvider time,
    ILogger<ProactiveMessenger> logger) : IProactiveMessages, IOutboxHandler
{
    /// <summary>The outbox work kind of a proactive message.</summary>
    public const string WorkKind = "message";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <inheritdoc />
    public string Kind => WorkKind;

    /// <inheritdoc />
    public Task EnqueueAsync(ProactiveMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(ToWork(message), delay, cancellationToken);

    /// <summary>The message as outbox work.</summary>
    public static OutboxWork ToWork(ProactiveMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.Id);
        return new OutboxWork(WorkKind, message.Id, JsonSerializer.SerializeToNode(message, Json)!.AsObject());
    }

    /// <inheritdoc />
    public async Task<OutboxOutcome> HandleAsync(OutboxWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var message = work.Data.Deserialize<ProactiveMessage>(Json);
        if (message is null)
        {
            LogUnreadable(logger, work.Id);
            return OutboxOutcome.Done;
        }

        var entry = await log.GetAsync(message.Id, cancellationToken).ConfigureAwait(false);
        if (entry is { Status: OutboxStatus.Sent or OutboxStatus.Dropped or OutboxStatus.Unconfirmed })
        {
            LogAlreadyDone(logger, message.Id, entry.Status);
            if (entry is { Status: OutboxStatus.Sent, Posted: { } landed })
            {
                // A crash after the log but before the content heard of it: tell it again (it must be idempotent).
                await NotifyDeliveredAsync(message, landed, cancellationToken).ConfigureAwait(false);
            }

            return OutboxOutcome.Done;
        }

        if (entry is { Status: OutboxStatus.Posting })
        {
            // The last post went out but its outcome was never recorded: it may have landed, so it is not sent again.
            return await InterruptedAsync(message, entry, cancellationToken).ConfigureAwait(false);
        }

        var activity = await BuildAsync(message, cancellationToken).ConfigureAwait(false);
        if (activity is null)
        {
            await log.MarkDroppedAsync(message.Id, "Nothing to send any more.", cancellationToken).ConfigureAwait(false);
            return OutboxOutcome.Done;
        }

        return message.Target switch
        {
            ToPerson person => await ToPersonAsync(work, message, person, activity, cancellationToken).ConfigureAwait(false),
            ToChannel channel => await ToChannelAsync(work, message, channel.TenantId, channel.Purpose, channel.Queue, activity, cancellationToken).ConfigureAwait(false),
            ToThread thread => await InPostedConversationAsync(message, thread.Message, activity, edit: false, cancellationToken).ConfigureAwait(false),
            EditOf edit => await InPostedConversationAsync(message, edit.Message, activity, edit: true, cancellationToken).ConfigureAwait(false),
            _ => await DropAsync(message, $"Unknown target {message.Target?.GetType().Name}.", cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<OutboxOutcome> ToPersonAsync(OutboxWork work, ProactiveMessage message, ToPerson target, OutboundActivity activity, CancellationToken cancellationToken)
    {
        var chat = target.Person.ObjectId is { } known
            ? await conversations.FindPersonalByAadAsync(target.TenantId, known, cancellationToken).ConfigureAwait(false)
            : null;
        int? attempt = null;
        if (chat is { IsStale: true })
        {
            // Their chat refused the last post and they have not written since: nothing more goes into it.
            LogStaleChat(logger, message.Id, chat.StaleReason);
        }
        else if (target.Person.ObjectId is { } objectId)
        {
            var reference = chat is null ? null : StoredReferences.Parse(chat.Reference);
            if (reference is null)
            {
                // Starting the chat is the first step of this attempt.
                attempt = await log.MarkSendingAsync(message.Id, cancellationToken).ConfigureAwait(false);
                (reference, var problem) = await chats.StartAsync(target.TenantId, objectId, cancellationToken).ConfigureAwait(false);
                if (reference is null && !problem!.Permanent)
                {
                    return await RetryOrDropAsync(message, attempt.Value, problem.Reason, problem.RetryAfter, cancellationToken).ConfigureAwait(false);
                }
            }

            if (reference is not null)
            {
                (var result, attempt) = await PostAsync(message, reference, target.TenantId,
                    (r, going) => sender.PostAsync(r, target.TenantId, activity, cancellationToken, going), activityId: null, cancellationToken, attempt).ConfigureAwait(false);
                if (result.Outcome is not (ConnectorOutcome.Blocked or ConnectorOutcome.NotFound))
                {
                    return await FinishAsync(message, result, attempt.Value, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (target.ChatOnly)
        {
            return await DropAsync(message, "The person cannot be reached in a chat, and this message is for them alone.", cancellationToken).ConfigureAwait(false);
        }

        // Not reachable in a chat: an @mention in the tenant's channel for the purpose instead of silence (the same attempt).
        LogFallback(logger, message.Id, target.FallbackPurpose);
        return await ToChannelAsync(work, message, target.TenantId, target.FallbackPurpose, target.Queue, WithMention(activity, target.Person), cancellationToken,
            attempt: attempt).ConfigureAwait(false);
    }

    private async Task<OutboxOutcome> ToChannelAsync(OutboxWork work, ProactiveMessage message, string tenantId, ChannelPurpose purpose, string? queue,
        OutboundActivity activity, CancellationToken cancellationToken, bool afterRefusal = false, int? attempt = null)
    {
        var channel = await channels.ResolveAsync(tenantId, purpose, queue, cancellationToken).ConfigureAwait(false);
        if (channel is null)
        {
            var hold = new HeldMessage(tenantId, purpose, message.Id, Outbox.Serialize(work), time.GetUtcNow());
            await held.HoldAsync(hold, cancellationToken).ConfigureAwait(false);
            // A supervisor on another instance may have designated the channel between the read above and the hold, and
            // released the held messages before this one was among them: look once more, now that it is stored.
            if (await channels.ResolveAsync(tenantId, purpose, queue, cancellationToken).ConfigureAwait(false) is not null)
            {
                await held.RemoveAsync(hold, cancellationToken).ConfigureAwait(false);
                return new OutboxOutcome(TimeSpan.Zero);
            }

            LogHeld(logger, message.Id, purpose);
            return OutboxOutcome.Done;
        }

        var reference = StoredReferences.Parse(channel.Reference);
        (var result, var posted) = await PostAsync(message, reference, tenantId,
            (r, going) => sender.PostAsync(r, tenantId, activity, cancellationToken, going), activityId: null, cancellationToken, attempt).ConfigureAwait(false);
        if (result.Outcome is ConnectorOutcome.Blocked or ConnectorOutcome.NotFound && !afterRefusal)
        {
            // The channel refused it and its designation is stale now: resolve once more, so the message goes to the
            // next channel for it (the purpose's channel for all queues) or waits, held, for a new designation. The
            // refused post and the next one are one attempt.
            return await ToChannelAsync(work, message, tenantId, purpose, queue, activity, cancellationToken, afterRefusal: true, attempt: posted).ConfigureAwait(false);
        }

        return await FinishAsync(message, result, posted, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OutboxOutcome> InPostedConversationAsync(ProactiveMessage message, PostedMessage posted, OutboundActivity activity, bool edit,
        CancellationToken cancellationToken)
    {
        if (edit && posted.ActivityId is null)
        {
            return await DropAsync(message, "The message to edit has no id.", cancellationToken).ConfigureAwait(false);
        }

        // The stored record names the conversation's own tenant (the tenant rule compares it with the message's).
        var record = await conversations.FindConversationAsync(posted.ChannelId, posted.ConversationId, cancellationToken).ConfigureAwait(false);
        if (record is { IsStale: true })
        {
            return await DropAsync(message, $"The conversation is stale since {record.StaleSince:O} ({record.StaleReason}).", cancellationToken).ConfigureAwait(false);
        }

        var reference = record is null
            ? new ConversationReference
            {
                ChannelId = posted.ChannelId, ServiceUrl = posted.ServiceUrl, TenantId = posted.TenantId,
                Conversation = new ConversationAccount { Id = posted.ConversationId, TenantId = posted.TenantId },
            }
            : StoredReferences.Parse(record.Reference) with { User = null };
        var (result, attempt) = await PostAsync(message, reference, posted.TenantId, (r, going) => (edit, posted.ActivityId) switch
        {
            (true, { } id) => sender.UpdateAsync(r, posted.TenantId, id, activity, cancellationToken, going),
            (false, { } id) => sender.ReplyAsync(r, posted.TenantId, id, activity, cancellationToken, going),
            _ => sender.PostAsync(r, posted.TenantId, activity, cancellationToken, going),
        }, edit ? posted.ActivityId : null, cancellationToken).ConfigureAwait(false);
        return await FinishAsync(message, result, attempt, cancellationToken).ConfigureAwait(false);
    }

    // Sending is recorded when the attempt starts, Posting right before the call (after the lease check, through `going`)
    // and Sent (with where it landed) after it. A crash or a store failure after the call leaves Posting, which a
    // redelivery turns into Unconfirmed: the message is never posted twice. A post that certainly did not land stands as
    // Sending again, so its retry may go.
    private async Task<(ConnectorResult<ResourceResponse> Result, int Attempt)> PostAsync(ProactiveMessage message, ConversationReference reference, string? tenantId,
        Func<ConversationReference, Func<Task>, Task<ConnectorResult<ResourceResponse>>> call, string? activityId, CancellationToken cancellationToken,
        int? markedAttempt = null)
    {
        var attempt = markedAttempt ?? await log.MarkSendingAsync(message.Id, cancellationToken).ConfigureAwait(false);
        var where = ProactiveSender.Posted(reference, activityId) with { TenantId = TenantRule.TenantOf(reference) ?? tenantId };
        var posting = false;
        var result = await call(reference, async () =>
        {
            await log.MarkPostingAsync(message.Id, where, cancellationToken).ConfigureAwait(false);
            posting = true;
        }).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            var posted = where with { ActivityId = result.Value?.Id ?? activityId };
            await log.MarkSentAsync(message.Id, posted, CancellationToken.None).ConfigureAwait(false);
            LogSent(logger, message.Id, attempt);
            await NotifyDeliveredAsync(message, posted, cancellationToken).ConfigureAwait(false);
        }
        else if (result.Outcome == ConnectorOutcome.Uncertain)
        {
            var reason = $"No certain answer: {(result.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : result.ErrorCode)}";
            await log.MarkUnconfirmedAsync(message.Id, where, reason, CancellationToken.None).ConfigureAwait(false);
            LogUnconfirmed(logger, message.Id, attempt, where.ConversationId, reason);
        }
        else if (posting)
        {
            // Certainly not posted (refused, throttled, or failed before it went out): not a post that may have landed.
            await log.MarkNotPostedAsync(message.Id, CancellationToken.None).ConfigureAwait(false);
        }

        return (result, attempt);
    }

    private async Task<OutboxOutcome> InterruptedAsync(ProactiveMessage message, OutboxLogEntry entry, CancellationToken cancellationToken)
    {
        const string Reason = "The post went out but its outcome was never recorded (the store failed or the instance stopped).";
        if (entry.Posted is not { } where)
        {
            return await DropAsync(message, Reason, cancellationToken).ConfigureAwait(false);
        }

        await log.MarkUnconfirmedAsync(message.Id, where, Reason, CancellationToken.None).ConfigureAwait(false);
        LogUnconfirmed(logger, message.Id, entry.Attempts, where.ConversationId, Reason);
        return OutboxOutcome.Done;
    }

    private async Task<OutboxOutcome> FinishAsync(ProactiveMessage message, ConnectorResult result, int attempt, CancellationToken cancellationToken) =>
        result.Outcome switch
        {
            ConnectorOutcome.Sent or ConnectorOutcome.Uncertain => OutboxOutcome.Done,
            ConnectorOutcome.Throttled => await RetryOrDropAsync(message, attempt, "Throttled by the channel.", result.RetryAfter, cancellationToken).ConfigureAwait(false),
            ConnectorOutcome.Blocked or ConnectorOutcome.NotFound or ConnectorOutcome.Refused =>
                await DropAsync(message, $"{result.Outcome}: {result.ErrorCode} {result.ErrorMessage}".Trim(), cancellationToken).ConfigureAwait(false),
            _ => await RetryOrDropAsync(message, attempt, $"Send failed: {result.ErrorCode ?? result.StatusCode?.ToString() ?? result.Outcome.ToString()}", result.RetryAfter, cancellationToken)
                .ConfigureAwait(false),
        };

    private async Task<OutboxOutcome> RetryOrDropAsync(ProactiveMessage message, int attempt, string reason, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        if (attempt >= options.CurrentValue.MaxAttempts)
        {
            return await DropAsync(message, $"{reason} (after {attempt} attempts)", cancellationToken).ConfigureAwait(false);
        }

        var backoff = retryAfter ?? TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, attempt - 1)));
        LogRetry(logger, message.Id, attempt, reason, backoff);
        return new OutboxOutcome(backoff);
    }

    private async Task<OutboxOutcome> DropAsync(ProactiveMessage message, string reason, CancellationToken cancellationToken)
    {
        await log.MarkDroppedAsync(message.Id, reason, CancellationToken.None).ConfigureAwait(false);
        LogDropped(logger, message.Id, reason);
        return OutboxOutcome.Done;
    }

    private async Task<OutboundActivity?> BuildAsync(ProactiveMessage message, CancellationToken cancellationToken)
    {
        var culture = BotCulture.Resolve(message.Locale, CultureInfo.GetCultureInfo(options.CurrentValue.DefaultLocale));
        var (text, card) = (message.Text, message.Card);
        if (message.ContentKind is { } kind)
        {
            if (Content(kind) is not { } content)
            {
                LogNoContent(logger, message.Id, kind);
                return null;
            }

            var built = await content.BuildAsync(message, culture, cancellationToken).ConfigureAwait(false);
            if (built is null)
            {
                return null;
            }

            (text, card) = (built.Text, built.Card);
        }

        return card is not null ? OutboundActivity.WithCard(card, culture.Name) with { Text = text }
            : text is not null ? OutboundActivity.WithText(text, culture.Name)
            : null;
    }

    private async Task NotifyDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken)
    {
        if (message.ContentKind is { } kind && Content(kind) is { } content)
        {
            await content.OnDeliveredAsync(message, posted, cancellationToken).ConfigureAwait(false);
        }
    }

    private IProactiveContent? Content(string kind) => contents.LastOrDefault(c => string.Equals(c.Kind, kind, StringComparison.Ordinal));

    /// <summary>The activity with an @mention of <paramref name="person"/> in front (Teams mention entity; by Entra object id).</summary>
    internal static OutboundActivity WithMention(OutboundActivity activity, Domain.People.PersonRef person)
    {
        var name = person.DisplayName.Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal);
        // The text becomes markup (xml) for the mention: everything in it but the <at> tag is encoded, so names, queues
        // and contact ids from outside render as the text they are.
        var at = $"<at>{System.Net.WebUtility.HtmlEncode(name)}</at>";
        var text = string.IsNullOrEmpty(activity.Text) ? at : $"{at} {System.Net.WebUtility.HtmlEncode(activity.Text)}";
        if (person.ObjectId is null)
        {
            return activity with { Text = string.IsNullOrEmpty(activity.Text) ? name : $"{name}: {activity.Text}" };
        }

        var mention = new JsonObject
        {
            ["type"] = "mention",
            ["text"] = at,
            ["mentioned"] = new JsonObject { ["id"] = person.ObjectId, ["name"] = name },
        };
        return activity with { Text = text, TextFormat = "xml", Entities = [.. activity.Entities ?? [], mention] };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} is not a proactive message; dropped")]
    private static partial void LogUnreadable(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proactive message {Id} already {Status}; not sent again")]
    private static partial void LogAlreadyDone(ILogger logger, string id, OutboxStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proactive message {Id} sent (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, string id, int attempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Proactive message {Id} (attempt {Attempt}) may or may not be in conversation {ConversationId} ({Reason}); not sent again")]
    private static partial void LogUnconfirmed(ILogger logger, string id, int attempt, string conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proactive message {Id} held until a {Purpose} channel is designated")]
    private static partial void LogHeld(ILogger logger, string id, ChannelPurpose purpose);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proactive message {Id}: the person cannot be reached in a chat; mentioning them in the {Purpose} channel")]
    private static partial void LogFallback(ILogger logger, string id, ChannelPurpose purpose);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proactive message {Id}: the person's chat is stale ({Reason}); not sent there")]
    private static partial void LogStaleChat(ILogger logger, string id, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proactive message {Id} attempt {Attempt} failed ({Reason}); retry in {Delay}")]
    private static partial void LogRetry(ILogger logger, string id, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proactive message {Id} dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string id, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Proactive message {Id}: no content of kind {Kind} is registered")]
    private static partial void LogNoContent(ILogger logger, string id, string kind);
}
