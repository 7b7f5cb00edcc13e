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
public sealed record RecipientProblem(string Reason, bool Permanent, TimeSpan? RetryAfter = null);

/// <summary>Finds or creates the conversation a survey is sent to.</summary>
public sealed class SurveyRecipientResolver(IConversationRecords conversations, PersonalChats chats)
{
    /// <summary>The recipient, or the problem.</summary>
    public async Task<(SurveyRecipient? Recipient, RecipientProblem? Problem)> ResolveAsync(CustomerAddress customer, CancellationToken cancellationToken)
    {
        if (!customer.IsTeams)
        {
            var chat = await conversations.FindPersonalByUserAsync(customer.ChannelId!, customer.UserId!, cancellationToken).ConfigureAwait(false);
            return chat is null
                ? (null, new RecipientProblem($"No conversation with this {customer.ChannelId} user: the customer must have opened the chat first.", Permanent: true))
                : (new SurveyRecipient(StoredReferences.Parse(chat.Reference), chat.Locale), null);
        }

        var personal = await conversations.FindPersonalByAadAsync(customer.TenantId!, customer.AadObjectId!, cancellationToken).ConfigureAwait(false);
        if (personal is not null)
        {
            return (new SurveyRecipient(StoredReferences.Parse(personal.Reference), personal.Locale), null);
        }

        return await CreateTeamsChatAsync(customer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A chat the bot knows, by channel and conversation id (where a survey was sent).</summary>
    public async Task<SurveyRecipient?> FindChatAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var chat = await conversations.FindConversationAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false);
        return chat is null ? null : new SurveyRecipient(StoredReferences.Parse(chat.Reference), chat.Locale);
    }

    // Teams creates (or returns) the 1:1 chat when the user has the app installed; otherwise it refuses (403/404).
    private async Task<(SurveyRecipient?, RecipientProblem?)> CreateTeamsChatAsync(CustomerAddress customer, CancellationToken cancellationToken)
    {
        var (reference, problem) = await chats.StartAsync(customer.TenantId!, customer.AadObjectId!, cancellationToken).ConfigureAwait(false);
        return reference is null
            ? (null, new RecipientProblem(problem!.Reason, problem.Permanent, problem.RetryAfter))
            : (new SurveyRecipient(reference, null), null);
    }
}
