using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.Domain.People;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;

namespace CxBot.App.Routing;

/// <summary>One inbound activity being handled: who sent it, in which language, and how to answer.</summary>
public sealed class TurnContext(Activity activity, CultureInfo culture, UserRole role, DateTimeOffset receivedAt, IConnectorClient connector)
{
    /// <summary>The activity.</summary>
    public Activity Activity { get; } = activity;

    /// <summary>The language to answer in.</summary>
    public CultureInfo Culture { get; set; } = culture;

    /// <summary>The sender's role.</summary>
    public UserRole Role { get; } = role;

    /// <summary>When the activity arrived.</summary>
    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    /// <summary>The conversation scope.</summary>
    public ConversationScope Scope => ConversationScopes.Of(Activity);

    /// <summary>The card action, when the activity is one.</summary>
    public CardActionData? CardAction { get; init; }

    /// <summary>The argument after a matched command keyword.</summary>
    public string CommandArgument { get; init; } = string.Empty;

    /// <summary>The answer to an invoke; null gives an empty 200.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>The connector client.</summary>
    public IConnectorClient Connector { get; } = connector;

    /// <summary>
    /// Sends an activity into this conversation, addressed back to the sender. Inside a turn nothing is sent again: a
    /// failed or <see cref="ConnectorOutcome.Uncertain"/> send is logged by the client and the turn goes on (it still
    /// completes, so the channel's redelivery does not repeat it either).
    /// </summary>
    public Task<ConnectorResult<ResourceResponse>> SendAsync(OutboundActivity outbound, CancellationToken cancellationToken) =>
        Connector.SendAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, Address(outbound), cancellationToken);

    /// <summary>Sends a text message into this conversation.</summary>
    public Task<ConnectorResult<ResourceResponse>> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(OutboundActivity.WithText(text), cancellationToken);

    /// <summary>Sends a card into this conversation.</summary>
    public Task<ConnectorResult<ResourceResponse>> SendCardAsync(JsonObject card, CancellationToken cancellationToken) =>
        SendAsync(OutboundActivity.WithCard(card), cancellationToken);

    /// <summary>
    /// Answers a card action with a new card in place of the old one: in the invoke response for Action.Execute,
    /// by editing the card's message for Action.Submit. When the channel gives no card id, or the edit fails and
    /// <paramref name="sendIfEditFails"/> is true, the card is sent as a new message instead.
    /// </summary>
    public async Task ReplaceCardAsync(JsonObject card, CancellationToken cancellationToken, bool sendIfEditFails = true)
    {
        if (CardAction?.IsInvoke == true)
        {
            InvokeResponse = InvokeResponse.Card(card);
            return;
        }

        if (!string.IsNullOrEmpty(Activity.ReplyToId))
        {
            var updated = await Connector.UpdateAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, Activity.ReplyToId,
                Address(OutboundActivity.WithCard(card)), cancellationToken).ConfigureAwait(false);
            if (updated.IsSuccess || !sendIfEditFails)
            {
                return;
            }
        }

        await SendCardAsync(card, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers a card action with a short text, kept beside the card.</summary>
    public async Task AnswerActionWithTextAsync(string text, CancellationToken cancellationToken)
    {
        if (CardAction?.IsInvoke == true)
        {
            InvokeResponse = InvokeResponse.Message(text);
            return;
        }

        await SendTextAsync(text, cancellationToken).ConfigureAwait(false);
    }

    private OutboundActivity Address(OutboundActivity outbound) => outbound with
    {
        From = outbound.From ?? Activity.Recipient,
        Recipient = outbound.Recipient ?? Activity.From,
        Conversation = outbound.Conversation ?? Activity.Conversation,
        Locale = outbound.Locale ?? Culture.Name,
    };
}
