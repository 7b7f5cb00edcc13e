using CxBot.App.Channels;
using CxBot.Domain.Messaging;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;

namespace CxBot.App.Messaging;

/// <summary>Thrown when the dispatcher must stop before a send (stopping, or the lease was lost); the work is handed back unsent.</summary>
public sealed class DispatchAbortedException(string message) : Exception(message);

/// <summary>
/// Every proactive connector call goes through here: the tenant rule (never into a conversation of another tenant
/// than the message's), the shared Retry-After block, the pacing, and, on the dispatcher, the lease check right
/// before the call. A 403 or 404 that says the conversation itself is unreachable is reported to every
/// <see cref="IUnreachableConversationObserver"/> (which mark it stale).
/// </summary>
public sealed partial class ProactiveSender(
    IConnectorClient connector,
    MessagePacer pacer,
    ISendThrottle throttle,
    IEnumerable<IUnreachableConversationObserver> unreachable,
    TimeProvider time,
    ILogger<ProactiveSender> logger)
{
    /// <summary>Error code of a call refused by the tenant rule.</summary>
    public const string TenantMismatch = "TenantMismatch";

    private static readonly AsyncLocal<DispatchGuard?> CurrentGuard = new();

    /// <summary>Posts a new message into the conversation of <paramref name="reference"/>.</summary>
    public Task<ConnectorResult<ResourceResponse>> PostAsync(
        ConversationReference reference, string? tenantId, OutboundActivity activity, CancellationToken cancellationToken, Func<Task>? going = null) =>
        GuardedAsync(reference, tenantId, "post", r => connector.SendAsync(r.ServiceUrl, r.Conversation.Id!, Address(r, activity), cancellationToken), going, cancellationToken);

    /// <summary>Replies in the thread of <paramref name="replyToId"/>.</summary>
    public Task<ConnectorResult<ResourceResponse>> ReplyAsync(
        ConversationReference reference, string? tenantId, string replyToId, OutboundActivity activity, CancellationToken cancellationToken, Func<Task>? going = null) =>
        GuardedAsync(reference, tenantId, "reply", r => connector.ReplyAsync(r.ServiceUrl, r.Conversation.Id!, replyToId, Address(r, activity), cancellationToken), going, cancellationToken);

    /// <summary>Replaces a posted message.</summary>
    public Task<ConnectorResult<ResourceResponse>> UpdateAsync(
        ConversationReference reference, string? tenantId, string activityId, OutboundActivity activity, CancellationToken cancellationToken, Func<Task>? going = null) =>
        GuardedAsync(reference, tenantId, "edit", r => connector.UpdateAsync(r.ServiceUrl, r.Conversation.Id!, activityId, Address(r, activity), cancellationToken), going, cancellationToken);

    /// <summary>Creates (or finds) a conversation in <paramref name="tenantId"/>; counts against the tenant's pace.</summary>
    public async Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(
        string serviceUrl, string tenantId, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!TenantRule.SameTenant(tenantId, parameters.TenantId))
        {
            LogTenantMismatch(logger, "create-conversation", tenantId, parameters.TenantId, "(new)");
            return ConnectorResult.Refused(TenantMismatch, "The conversation's tenant is not the message's.").As<ConversationResourceResponse>();
        }

        await WaitTurnAsync(tenantId, conversationId: null, cancellationToken).ConfigureAwait(false);
        return await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where a message posted with <paramref name="reference"/> landed.</summary>
    public static PostedMessage Posted(ConversationReference reference, string? activityId)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new PostedMessage(reference.ChannelId, reference.ServiceUrl, reference.Conversation.Id!, activityId, TenantRule.TenantOf(reference));
    }

    /// <summary>Runs <paramref name="work"/> as the dispatcher: waits abort on <paramref name="abort"/>, and every send first checks <paramref name="mayStillSend"/>.</summary>
    internal static async Task<T> RunGuardedAsync<T>(Func<bool> mayStillSend, Func<Task<T>> work, CancellationToken abort)
    {
        var previous = CurrentGuard.Value;
        CurrentGuard.Value = new DispatchGuard(mayStillSend, abort);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            CurrentGuard.Value = previous;
        }
    }

    /// <summary>Waits until a send to the tenant (and conversation) may go: the shared block, then the pace; then the lease check.</summary>
    public async Task WaitTurnAsync(string? tenantId, string? conversationId, CancellationToken cancellationToken)
    {
        var guard = CurrentGuard.Value;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, guard?.Abort ?? CancellationToken.None);
        try
        {
            while (true)
            {
                var blocked = await throttle.GetBlockedUntilAsync(linked.Token).ConfigureAwait(false) - time.GetUtcNow();
                if (blocked > TimeSpan.Zero)
                {
                    LogBlocked(logger, blocked.Value);
                    await Task.Delay(blocked.Value, time, linked.Token).ConfigureAwait(false);
                    continue;
                }

                // Free now: taken, and the post follows at once. Not yet: wait, then read the shared block again.
                var wait = pacer.TryTake(tenantId, conversationId);
                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.Delay(wait, time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (guard is not null && guard.Abort.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DispatchAbortedException("The dispatcher stopped before this send.");
        }

        if (guard is not null && !guard.MayStillSend())
        {
            throw new DispatchAbortedException("The dispatcher lost its lease before this send.");
        }
    }

    // The tenant rule, then the turn: the one place every proactive post, reply and edit passes. `going` runs after the
    // last check, right before the call (the outbox records there that the post is going out).
    private async Task<ConnectorResult<ResourceResponse>> GuardedAsync(ConversationReference reference, string? tenantId, string operation,
        Func<ConversationReference, Task<ConnectorResult<ResourceResponse>>> call, Func<Task>? going, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationTenant = TenantRule.TenantOf(reference);
        if (!TenantRule.SameTenant(tenantId, conversationTenant))
        {
            LogTenantMismatch(logger, operation, tenantId, conversationTenant, reference.Conversation.Id);
            return ConnectorResult.Refused(TenantMismatch,
                $"Conversation {reference.Conversation.Id} belongs to tenant '{conversationTenant}', the message to '{tenantId}'.").As<ResourceResponse>();
        }

        await WaitTurnAsync(tenantId, reference.Conversation.Id, cancellationToken).ConfigureAwait(false);
        if (going is not null)
        {
            await going().ConfigureAwait(false);
        }

        var result = await call(reference).ConfigureAwait(false);
        if (MeansUnreachable(operation, result))
        {
            foreach (var observer in unreachable)
            {
                await observer.OnUnreachableAsync(reference, result, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    // A new post refused with 403 or 404 is about the conversation. A reply or an edit can also be refused for its
    // message (404 ActivityNotFoundInConversation), so there only a 403 or ConversationNotFound counts. A 403
    // InvalidBotApiHost names the wrong service URL, not the conversation.
    private static bool MeansUnreachable(string operation, ConnectorResult result) => result.Outcome switch
    {
        ConnectorOutcome.Blocked => !string.Equals(result.ErrorCode, "InvalidBotApiHost", StringComparison.Ordinal),
        ConnectorOutcome.NotFound => operation == "post" || string.Equals(result.ErrorCode, "ConversationNotFound", StringComparison.Ordinal),
        _ => false,
    };

    private static OutboundActivity Address(ConversationReference reference, OutboundActivity activity) => activity with
    {
        From = reference.Bot,
        Recipient = reference.User,
        Conversation = reference.Conversation,
    };

    private sealed record DispatchGuard(Func<bool> MayStillSend, CancellationToken Abort);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused to {Operation}: message tenant '{MessageTenant}', conversation {ConversationId} of tenant '{ConversationTenant}'")]
    private static partial void LogTenantMismatch(ILogger logger, string operation, string? messageTenant, string? conversationTenant, string? conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proactive sends blocked by a Retry-After for another {Wait}")]
    private static partial void LogBlocked(ILogger logger, TimeSpan wait);
}
