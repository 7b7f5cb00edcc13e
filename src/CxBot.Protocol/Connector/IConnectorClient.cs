using CxBot.Protocol.Schema;

namespace CxBot.Protocol.Connector;

/// <summary>
/// The Bot Framework Connector REST API (v3). Every call names its own <c>serviceUrl</c> (take it from the latest inbound
/// activity of the conversation, or from a stored conversation reference).
/// </summary>
/// <remarks>
/// Calls never throw for HTTP or network failures; they return a <see cref="ConnectorResult"/> whose
/// <see cref="ConnectorResult.Outcome"/> tells what happened. They throw <see cref="ArgumentException"/> for missing
/// arguments and <see cref="OperationCanceledException"/> when <c>ct</c> is cancelled. 429, 412 and 503 are retried a
/// bounded number of times (<see cref="ConnectorOptions"/>) before a result is returned, and so are 502 and 504 for GET,
/// PUT and DELETE. The POSTs (<see cref="SendAsync"/>, <see cref="ReplyAsync"/>, <see cref="CreateConversationAsync"/>)
/// are never repeated once they may have landed: they return <see cref="ConnectorOutcome.Uncertain"/> instead, and each
/// caller decides what that means for its message.
/// </remarks>
public interface IConnectorClient
{
    /// <summary><c>POST v3/conversations/{conversationId}/activities</c>: post a new activity.</summary>
    Task<ConnectorResult<ResourceResponse>> SendAsync(
        string serviceUrl, string conversationId, OutboundActivity activity, CancellationToken ct = default);

    /// <summary>
    /// <c>POST v3/conversations/{conversationId}/activities/{replyToId}</c>: reply to an activity (threaded where the
    /// channel supports it). The activity's <c>replyToId</c> is set to <paramref name="replyToId"/> when it has none.
    /// </summary>
    Task<ConnectorResult<ResourceResponse>> ReplyAsync(
        string serviceUrl, string conversationId, string replyToId, OutboundActivity activity, CancellationToken ct = default);

    /// <summary><c>PUT v3/conversations/{conversationId}/activities/{activityId}</c>: replace a message, e.g. a card after an action.</summary>
    Task<ConnectorResult<ResourceResponse>> UpdateAsync(
        string serviceUrl, string conversationId, string activityId, OutboundActivity activity, CancellationToken ct = default);

    /// <summary><c>DELETE v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    Task<ConnectorResult> DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct = default);

    /// <summary><c>POST v3/conversations</c>: create (or, for a 1:1 chat, find) a conversation, e.g. for proactive messages.</summary>
    Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken ct = default);

    /// <summary><c>GET v3/conversations/{conversationId}/members/{memberId}</c>.</summary>
    Task<ConnectorResult<ChannelAccount>> GetMemberAsync(
        string serviceUrl, string conversationId, string memberId, CancellationToken ct = default);

    /// <summary>
    /// <c>GET v3/conversations/{conversationId}/pagedmembers?pageSize=&amp;continuationToken=</c>: one page of members
    /// (Teams treats a page size below 50 as 50 and caps it at 500).
    /// </summary>
    Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(
        string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken ct = default);
}
