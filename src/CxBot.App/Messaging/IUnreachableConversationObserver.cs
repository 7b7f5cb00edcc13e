using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;

namespace CxBot.App.Messaging;

/// <summary>
/// Told when the channel refuses a proactive post into a conversation with 403 (the bot may not write there: blocked,
/// uninstalled, removed) or 404 (the conversation is gone), so that nothing keeps sending into it.
/// </summary>
public interface IUnreachableConversationObserver
{
    /// <summary>Called after the refused call, before its result goes back to the caller.</summary>
    Task OnUnreachableAsync(ConversationReference reference, ConnectorResult result, CancellationToken cancellationToken);
}
