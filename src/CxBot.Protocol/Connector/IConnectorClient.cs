using CxBot.Protocol.Schema;

namespace CxBot.Protocol.Connector;

/// <summary>TEMP until the connector branch lands.</summary>
public interface IConnectorClient
{
    /// <summary>send</summary>
    Task<ConnectorResult<ResourceResponse>> SendAsync(string serviceUrl, string conversationId, OutboundActivity activity, CancellationToken ct = default);
    /// <summary>reply</summary>
    Task<ConnectorResult<ResourceResponse>> ReplyAsync(string serviceUrl, string conversationId, string replyToId, OutboundActivity activity, CancellationToken ct = default);
    /// <summary>update</summary>
    Task<ConnectorResult<ResourceResponse>> UpdateAsync(string serviceUrl, string conversationId, string activityId, OutboundActivity activity, CancellationToken ct = default);
    /// <summary>create</summary>
    Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct = default);
}

/// <summary>outcome</summary>
public enum ConnectorOutcome
{
    /// <summary>x</summary>
    Sent,
    /// <summary>x</summary>
    Throttled,
    /// <summary>x</summary>
    NotFound,
    /// <summary>x</summary>
    Blocked,
    /// <summary>x</summary>
    Failed,
}

/// <summary>result</summary>
public sealed record ConnectorResult<T>(ConnectorOutcome Outcome, T? Value)
{
    /// <summary>ok</summary>
    public bool IsSuccess => Outcome == ConnectorOutcome.Sent;
}
