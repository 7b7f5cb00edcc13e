using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Logging;

namespace CxBot.Protocol.Connector;

/// <summary>
/// <see cref="IConnectorClient"/> over a typed <see cref="HttpClient"/> whose pipeline holds
/// <see cref="ConnectorRetryHandler"/> and <see cref="ConnectorAuthHandler"/> (see <c>AddBotConnector</c>).
/// </summary>
internal sealed partial class ConnectorClient(
    HttpClient httpClient, ServiceUrlAllowList allowList, TimeProvider timeProvider, ILogger<ConnectorClient> logger)
    : IConnectorClient
{
    /// <summary>Name of the HTTP client in <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "CxBot.Connector";

    private static ProtocolJsonContext Json => ProtocolJsonContext.Default;

    public Task<ConnectorResult<ResourceResponse>> SendAsync(
        string serviceUrl, string conversationId, OutboundActivity activity, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendActivityAsync(HttpMethod.Post, "Send", serviceUrl, ConnectorPaths.Activities(conversationId), activity, ct);
    }

    public Task<ConnectorResult<ResourceResponse>> ReplyAsync(
        string serviceUrl, string conversationId, string replyToId, OutboundActivity activity, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        var reply = activity.ReplyToId is null ? activity with { ReplyToId = replyToId } : activity;
        return SendActivityAsync(HttpMethod.Post, "Reply", serviceUrl, ConnectorPaths.Activity(conversationId, replyToId), reply, ct);
    }

    public Task<ConnectorResult<ResourceResponse>> UpdateAsync(
        string serviceUrl, string conversationId, string activityId, OutboundActivity activity, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendActivityAsync(HttpMethod.Put, "Update", serviceUrl, ConnectorPaths.Activity(conversationId, activityId), activity with { Id = activityId }, ct);
    }

    public async Task<ConnectorResult> DeleteAsync(
        string serviceUrl, string conversationId, string activityId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var (result, _) = await ExchangeAsync(
            HttpMethod.Delete, "Delete", serviceUrl, ConnectorPaths.Activity(conversationId, activityId), body: null, ct)
            .ConfigureAwait(false);
        return result;
    }

    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return CallAsync(
            HttpMethod.Post, "CreateConversation", serviceUrl, ConnectorPaths.Conversations,
            JsonBody(parameters, Json.ConversationParameters), Json.ConversationResourceResponse, emptyValue: null, ct);
    }

    public Task<ConnectorResult<ChannelAccount>> GetMemberAsync(
        string serviceUrl, string conversationId, string memberId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        return CallAsync(
            HttpMethod.Get, "GetMember", serviceUrl, ConnectorPaths.Member(conversationId, memberId),
            body: null, Json.ChannelAccount, emptyValue: null, ct);
    }

    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(
        string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        if (pageSize is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize.Value, nameof(pageSize));
        }
        return CallAsync(
            HttpMethod.Get, "GetPagedMembers", serviceUrl, ConnectorPaths.PagedMembers(conversationId, pageSize, continuationToken),
            body: null, Json.PagedMembersResult, emptyValue: null, ct);
    }

    // A send answered without a body (the Agents Playground answers 202 to text plus attachments) still succeeded;
    // it just has no id to update the message with later.
    private Task<ConnectorResult<ResourceResponse>> SendActivityAsync(
        HttpMethod method, string operation, string serviceUrl, string path, OutboundActivity activity, CancellationToken ct) =>
        CallAsync(method, operation, serviceUrl, path, JsonBody(activity, Json.OutboundActivity), Json.ResourceResponse,
            emptyValue: new ResourceResponse(null), ct);

    // Bytes rather than a streaming JsonContent: a Content-Length, a body the retry handler can send again, and one that
    // tells whether it went out (see ConnectorRequestContent).
    private static ConnectorRequestContent JsonBody<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    private async Task<ConnectorResult<T>> CallAsync<T>(
        HttpMethod method, string operation, string serviceUrl, string path, HttpContent? body,
        JsonTypeInfo<T> responseType, T? emptyValue, CancellationToken ct)
        where T : class
    {
        var (result, responseBody) = await ExchangeAsync(method, operation, serviceUrl, path, body, ct).ConfigureAwait(false);
        return result.IsSuccess
            ? ConnectorResult.Ok(ParseBody(responseBody, responseType, operation) ?? emptyValue, result.StatusCode ?? HttpStatusCode.OK)
            : result.As<T>();
    }

    /// <summary>Sends one call (with the handlers' retries) and maps everything but cancellation to a result.</summary>
    private async Task<(ConnectorResult Result, byte[] Body)> ExchangeAsync(
        HttpMethod method, string operation, string serviceUrl, string path, HttpContent? body, CancellationToken ct)
    {
        using var content = body;
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ct.ThrowIfCancellationRequested();
        if (!ConnectorPaths.TryBuildUri(serviceUrl, path, out var uri, out var invalid))
        {
            LogRefused(logger, operation, serviceUrl, invalid);
            return (ConnectorResult.Refused(ConnectorErrorCodes.InvalidServiceUrl, invalid), []);
        }
        if (allowList.Evaluate(uri) == ServiceUrlTrust.NotAllowed)
        {
            return (Refuse(operation, uri), []);
        }

        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            // Headers only: the retry handler has already read the body, within the attempt's timeout. Letting HttpClient
            // buffer it would read it again outside that timeout, where a stalled body would hang until ct.
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? (ConnectorResult.Ok(response.StatusCode), bytes)
                : (Failure(operation, uri, request, response, bytes), []);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (ServiceUrlNotAllowedException)
        {
            return (Refuse(operation, uri), []);
        }
        catch (BotTokenUnavailableException ex)
        {
            LogNotSent(logger, ex.InnerException, operation, uri.Host, ConnectorErrorCodes.TokenUnavailable);
            return (ConnectorResult.Failed(null, ConnectorErrorCodes.TokenUnavailable, ex.InnerException?.Message), []);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            return (Unanswered(operation, uri, request, ConnectorErrorCodes.Timeout, ex), []);
        }
        catch (HttpRequestException ex)
        {
            return (Unanswered(operation, uri, request, ConnectorErrorCodes.TransportError, ex), []);
        }
    }

    // No (complete) answer: a POST whose body went out may have been posted; anything else certainly was not done.
    private ConnectorResult Unanswered(string operation, Uri uri, HttpRequestMessage request, string errorCode, Exception ex)
    {
        if (!RequestSafety.IsIdempotent(request.Method) && request.Content is ConnectorRequestContent { TransmissionStarted: true })
        {
            LogUncertain(logger, ex, operation, uri.Host, errorCode);
            return ConnectorResult.Uncertain(null, errorCode, ex.Message);
        }

        LogNotSent(logger, ex, operation, uri.Host, errorCode);
        return ConnectorResult.Failed(null, errorCode, ex.Message);
    }

    private ConnectorResult Refuse(string operation, Uri uri)
    {
        var reason = $"serviceUrl host '{uri.Host}' ({uri.Scheme}) is not allowed";
        LogRefused(logger, operation, uri.Host, reason);
        return ConnectorResult.Refused(ConnectorErrorCodes.ServiceUrlNotAllowed, reason);
    }

    private T? ParseBody<T>(byte[] bytes, JsonTypeInfo<T> typeInfo, string operation)
        where T : class
    {
        if (bytes.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo);
        }
        catch (JsonException ex)
        {
            LogUnreadableBody(logger, ex, operation);
            return null;
        }
    }

    private ConnectorResult Failure(string operation, Uri uri, HttpRequestMessage request, HttpResponseMessage response, byte[] body)
    {
        ErrorDetail? error = null;
        try
        {
            error = body.Length == 0 ? null : JsonSerializer.Deserialize(body, Json.ErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            // Not every failure has the connector's error body (proxies, gateways): keep the status alone.
        }
        var status = response.StatusCode;
        var retryAfter = ConnectorRetryHandler.ReadRetryAfter(response, timeProvider.GetUtcNow());
        var result = status switch
        {
            HttpStatusCode.TooManyRequests => ConnectorResult.Throttled(retryAfter, error?.Code, error?.Message),
            HttpStatusCode.NotFound => ConnectorResult.NotFound(error?.Code, error?.Message),
            HttpStatusCode.Forbidden => ConnectorResult.Blocked(error?.Code, error?.Message),
            _ when !RequestSafety.IsIdempotent(request.Method) && RequestSafety.MayHaveBeenProcessed(status) =>
                ConnectorResult.Uncertain(status, error?.Code, error?.Message),
            // Unavailable for longer than the client waits itself: the caller gets the wait the connector asked for.
            HttpStatusCode.ServiceUnavailable => ConnectorResult.Failed(status, error?.Code, error?.Message) with { RetryAfter = retryAfter },
            _ => ConnectorResult.Failed(status, error?.Code, error?.Message),
        };
        var operationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
        LogFailed(logger, operation, uri.Host, (int)status, result.Outcome, error?.Code, error?.Message, operationId);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Operation} not sent to {ServiceUrl}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string operation, string serviceUrl, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Operation} to {Host} failed: {ErrorCode}")]
    private static partial void LogNotSent(ILogger logger, Exception? exception, string operation, string host, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Connector {Operation} to {Host} got no answer ({ErrorCode}) after the request went out: it may have been carried out, and is not repeated")]
    private static partial void LogUncertain(ILogger logger, Exception exception, string operation, string host, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Connector {Operation} to {Host} answered {StatusCode} ({Outcome}): {ErrorCode} {ErrorMessage} [operation id {OperationId}]")]
    private static partial void LogFailed(
        ILogger logger, string operation, string host, int statusCode, ConnectorOutcome outcome,
        string? errorCode, string? errorMessage, string? operationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connector {Operation} succeeded but its response body could not be read")]
    private static partial void LogUnreadableBody(ILogger logger, Exception exception, string operation);
}
