using CxBot.Protocol.Schema;

namespace CxBot.Protocol.Connector;

/// <summary>The connector's answer to a send: the id of the created activity.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST /v3/conversations</c>.</summary>
public sealed record ConversationParameters
{
    /// <summary>True for a group conversation.</summary>
    public bool IsGroup { get; init; }
    /// <summary>The bot.</summary>
    public ChannelAccount? Bot { get; init; }
    /// <summary>The members; one user for a 1:1 chat.</summary>
    public List<ChannelAccount>? Members { get; init; }
    /// <summary>Tenant id (Teams).</summary>
    public string? TenantId { get; init; }
    /// <summary>Channel data, e.g. <c>{"tenant":{"id":...}}</c>.</summary>
    public System.Text.Json.Nodes.JsonObject? ChannelData { get; init; }
    /// <summary>A first activity to post.</summary>
    public OutboundActivity? Activity { get; init; }
}

/// <summary>The connector's answer to create conversation.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>One page of members.</summary>
public sealed record PagedMembersResult(List<ChannelAccount>? Members, string? ContinuationToken);

/// <summary>The body of a connector error response: <c>{"error":{"code":..,"message":..}}</c>.</summary>
public sealed record ErrorResponse(ErrorDetail? Error);

/// <summary>The error inside an <see cref="ErrorResponse"/>.</summary>
/// <param name="Code">Machine-readable code, e.g. <c>ConversationNotFound</c> or <c>BotNotInConversationRoster</c>.</param>
/// <param name="Message">Human-readable description.</param>
public sealed record ErrorDetail(string? Code, string? Message);
