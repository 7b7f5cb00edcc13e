using CxBot.App.Conversations;
using CxBot.App.Messaging;
using CxBot.Domain.Conversations;
using CxBot.Domain.Surveys;
using CxBot.Protocol.Schema;

namespace CxBot.App.Surveys.Delivery;

/// <summary>Where a survey goes: the customer's known personal chat, or a new Teams chat with a customer who has the app.</summary>
/// <param name="Reference">The conversation to send into.</param>
/// <param name="Locale">The customer's locale as last seen in that chat.</param>
public sealed record SurveyRecipient(ConversationReference Reference, string? Locale);

/// <summary>Why a survey has no recipient.</summary>
/// <param name="Reason">Stored as the survey's last error.</param>
/// <param name="Permanent">True when retrying cannot help.</param>
/// <param name="RetryAfter">The connector's wait, when throttled.</param>
/// <param name="Unreachable">True when the customer's chat is known to refuse the bot, so nothing was tried: the survey is
/// skipped (<see cref="SkipReason.Unreachable"/>), as a contact found unreachable at its end is.</param>
public sealed record RecipientProblem(string Reason, bool Permanent, TimeSpan? RetryAfter = null, bool Unreachable = false);

/// <summary>Finds or creates the conversation a survey is sent to.</summary>
public sealed class SurveyRecipientResolver(IConversationRecords conversations, PersonalChats chats)
{
    /// <summary>The recipient, or the problem. A stored chat that is stale (it refused the bot's last post and the
    /// customer has not written or installed the bot since) is a permanent problem: nothing is sent there, and no new
    /// chat is started.</summary>
    public async Task<(SurveyRecipient? Recipient, RecipientProblem? Problem)> ResolveAsync(CustomerAddress customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var chat = await FindStoredChatAsync(customer, cancellationToken).ConfigureAwait(false);
        if (chat is { IsStale: true })
        {
            return (null, new RecipientProblem(Unreachable(chat), Permanent: true, Unreachable: true));
        }

        if (chat is not null)
        {
            return (new SurveyRecipient(StoredReferences.Parse(chat.Reference), chat.Locale), null);
        }

        return customer.IsTeams
            ? await CreateTeamsChatAsync(customer, cancellationToken).ConfigureAwait(false)
            : (null, new RecipientProblem($"No conversation with this {customer.ChannelId} user: the customer must have opened the chat first.", Permanent: true));
    }

    /// <summary>True when the customer's stored chat is stale, so a survey would not reach them.</summary>
    public async Task<bool> IsUnreachableAsync(CustomerAddress customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return (await FindStoredChatAsync(customer, cancellationToken).ConfigureAwait(false))?.IsStale == true;
    }

    /// <summary>A chat the bot knows and can still write to, by channel and conversation id (where a survey was sent).</summary>
    public async Task<SurveyRecipient?> FindChatAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var chat = await conversations.FindConversationAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
        return chat is null || chat.IsStale ? null : new SurveyRecipient(StoredReferences.Parse(chat.Reference), chat.Locale);
    }

    /// <summary>The stored reason of a stale chat, as a survey's last error.</summary>
    public static string Unreachable(ConversationRecord chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return $"Unreachable: the customer's chat refused the bot's last post ({chat.StaleReason}) on {chat.StaleSince:O}, and they have not written or installed the bot since.";
    }

    private Task<ConversationRecord?> FindStoredChatAsync(CustomerAddress customer, CancellationToken cancellationToken) =>
        customer.IsTeams
            ? conversations.FindPersonalByAadAsync(customer.TenantId!, customer.AadObjectId!, cancellationToken)
            : conversations.FindPersonalByUserAsync(customer.ChannelId!, customer.UserId!, cancellationToken);

    // Teams creates (or returns) the 1:1 chat when the user has the app installed; otherwise it refuses (403/404).
    private async Task<(SurveyRecipient?, RecipientProblem?)> CreateTeamsChatAsync(CustomerAddress customer, CancellationToken cancellationToken)
    {
        var (reference, problem) = await chats.StartAsync(customer.TenantId!, customer.AadObjectId!, cancellationToken).ConfigureAwait(false);
        return reference is null
            ? (null, new RecipientProblem(problem!.Reason, problem.Permanent, problem.RetryAfter))
            : (new SurveyRecipient(reference, null), null);
    }
}
