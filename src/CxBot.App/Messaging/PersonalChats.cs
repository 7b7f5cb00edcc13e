using System.Text.Json.Nodes;
using CxBot.Protocol;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CxBot.App.Messaging;

/// <summary>Why a 1:1 chat could not be started.</summary>
/// <param name="Reason">For logs and stored errors.</param>
/// <param name="Permanent">True when retrying cannot help (no app, blocked, no app id).</param>
/// <param name="RetryAfter">The connector's wait, when throttled.</param>
public sealed record ChatProblem(string Reason, bool Permanent, TimeSpan? RetryAfter = null);

/// <summary>Starts (or finds) a Teams 1:1 chat with a user who has the app; Teams refuses (403/404) when they do not.</summary>
public sealed class PersonalChats(ProactiveSender sender, IOptions<BotOptions> bot, IOptionsMonitor<MessagingOptions> options)
{
    /// <summary>The chat's reference, or the problem.</summary>
    public async Task<(ConversationReference? Reference, ChatProblem? Problem)> StartAsync(
        string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        var appId = bot.Value.AppId;
        if (string.IsNullOrEmpty(appId))
        {
            return (null, new ChatProblem("There is no chat with this person yet, and without Bot:AppId the bot cannot start one.", Permanent: true));
        }

        var serviceUrl = options.CurrentValue.TeamsServiceUrl;
        var botAccount = new ChannelAccount { Id = "28:" + appId };
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = botAccount,
            Members = [new ChannelAccount { Id = aadObjectId, AadObjectId = aadObjectId }],
            TenantId = tenantId,
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };

        // No first activity in the parameters: creating a 1:1 chat posts nothing, and Teams answers a repeat with the same
        // chat. So an Uncertain answer is simply "not started yet", and the message's outbox retry may create it again.
        var created = await sender.CreateConversationAsync(serviceUrl, tenantId, parameters, cancellationToken).ConfigureAwait(false);
        if (created.Outcome != ConnectorOutcome.Sent || string.IsNullOrEmpty(created.Value?.Id))
        {
            var permanent = created.Outcome is ConnectorOutcome.Blocked or ConnectorOutcome.NotFound or ConnectorOutcome.Refused;
            return (null, new ChatProblem(
                permanent ? "The person does not have the app, or blocked it." : $"Could not start a chat ({created.Outcome}).",
                permanent, created.RetryAfter));
        }

        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = created.Value.ServiceUrl ?? serviceUrl,
            Conversation = new ConversationAccount { Id = created.Value.Id, ConversationType = "personal", TenantId = tenantId },
            Bot = botAccount,
            User = new ChannelAccount { AadObjectId = aadObjectId },
            TenantId = tenantId,
        };
        return (reference, null);
    }
}
