using System.Net.Http.Json;
using CxBot.Protocol.Auth;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxBot.Protocol;

/// <summary>TEMP</summary>
public static class TempRegistrations
{
    /// <summary>TEMP</summary>
    public static IServiceCollection AddBotInboundAuth(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName);
        services.AddSingleton<IInboundAuthenticator, TempAuth>();
        return services;
    }

    /// <summary>TEMP</summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        services.AddHttpClient<IConnectorClient, TempConnector>();
        return services;
    }

    private sealed class TempAuth(IOptions<BotOptions> options) : IInboundAuthenticator
    {
        public Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
            Task.FromResult(options.Value.AllowUnauthenticated ? new InboundAuthResult(InboundAuthOutcome.AnonymousAllowed, null, null) : new InboundAuthResult(InboundAuthOutcome.Unauthorized, "no", null));
    }

    private sealed class TempConnector(HttpClient http) : IConnectorClient
    {
        public Task<ConnectorResult<ResourceResponse>> SendAsync(string serviceUrl, string conversationId, OutboundActivity activity, CancellationToken ct = default) =>
            Do(HttpMethod.Post, $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, ct);
        public Task<ConnectorResult<ResourceResponse>> ReplyAsync(string serviceUrl, string conversationId, string replyToId, OutboundActivity activity, CancellationToken ct = default) =>
            Do(HttpMethod.Post, $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyToId)}", activity, ct);
        public Task<ConnectorResult<ResourceResponse>> UpdateAsync(string serviceUrl, string conversationId, string activityId, OutboundActivity activity, CancellationToken ct = default) =>
            Do(HttpMethod.Put, $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", activity, ct);
        public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct = default) =>
            throw new NotSupportedException();

        private async Task<ConnectorResult<ResourceResponse>> Do(HttpMethod method, string url, OutboundActivity activity, CancellationToken ct)
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(ProtocolJson.Serialize(activity), System.Text.Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? new(ConnectorOutcome.Sent, new ResourceResponse(null)) : new(ConnectorOutcome.Failed, null);
        }
    }
}
