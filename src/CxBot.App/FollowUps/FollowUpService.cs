using CxBot.App.Messaging;
using CxBot.Domain.Channels;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using Microsoft.Extensions.Options;

namespace CxBot.App.FollowUps;

/// <summary>
/// Opens follow-ups for dissatisfied customers and tells the follow-ups channel and people about them, all through the
/// proactive-messaging outbox. Every message's id names the follow-up and the change, so repeating a step sends nothing twice.
/// </summary>
public sealed partial class FollowUpService(
    IFollowUps followUps,
    IProactiveMessages messages,
    IOptionsMonitor<FollowUpOptions> options,
    IOptionsMonitor<Surveys.SurveyOptions> surveyOptions,
    Surveys.SurveyResponseLookup responseLookup,
    TimeProvider time,
    ILogger<FollowUpService> logger)
{
    /// <summary>Content kind of the follow-up card, built from the follow-up's state when sent (<see cref="FollowUpCardContent"/>).</summary>
    public const string CardKind = "followup-card";

    /// <summary>Content kind of the overdue notice in the card's thread (<see cref="FollowUpOverdueContent"/>).</summary>
    public const string OverdueKind = "followup-overdue";

    /// <summary>Content kind of the message to a follow-up's new owner (<see cref="FollowUpAssignedContent"/>).</summary>
    public const string AssignedKind = "followup-assigned";

    /// <summary>The id of the message that posts the follow-up's card.</summary>
    public static string CardMessageId(string followUpId) => $"{CardKind}|{followUpId}";

    /// <summary>
    /// Opens the follow-up the answers call for (null when none) and queues its card for the follow-ups channel. Safe to
    /// repeat: an existing follow-up is returned and its card queued again, which the outbox sends once.
    /// </summary>
    public async Task<FollowUp?> OpenForAsync(Survey survey, SurveyResponse response, string? customerName, CancellationToken cancellationToken)
    {
        var followUp = RecoveryPolicy.CreateFollowUp(survey, response, time.GetUtcNow(), TimeSpan.FromHours(options.CurrentValue.DueHours), customerName,
            surveyOptions.CurrentValue.RecoveryRules(), responseLookup.DayOf(survey));
        if (followUp is null)
        {
            return null;
        }

        if (!await followUps.TryAddAsync(followUp, cancellationToken).ConfigureAwait(false))
        {
            followUp = await followUps.GetAsync(followUp.FollowUpId, cancellationToken).ConfigureAwait(false);
            if (followUp is null || followUp.Card is not null)
            {
                return followUp;
            }
        }

        await PostAsync(followUp, cancellationToken).ConfigureAwait(false);
        return followUp;
    }

    /// <summary>Queues the card for the tenant's follow-ups channel (the queue's own first); the outbox holds it until one is designated.</summary>
    public async Task PostAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        if (followUp.TenantId is null)
        {
            LogNoTenant(logger, followUp.FollowUpId);
            return;
        }

        await EnqueueAsync(new ProactiveMessage(CardMessageId(followUp.FollowUpId), new ToChannel(followUp.TenantId, ChannelPurpose.FollowUps, followUp.Queue),
            ContentKind: CardKind, SubjectId: followUp.FollowUpId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Edits the posted card so the whole channel sees the follow-up's state; <paramref name="change"/> names the change
    /// (one edit per change). A card not out yet needs no edit: it is built from the state of the moment it is sent.
    /// </summary>
    public async Task ShowChangeAsync(FollowUp followUp, string change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        if (followUp.Card is { } card)
        {
            await EnqueueAsync(new ProactiveMessage($"{CardMessageId(followUp.FollowUpId)}|{change}", new EditOf(card),
                ContentKind: CardKind, SubjectId: followUp.FollowUpId), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tells the new owner in a 1:1 chat (or by an @mention in the follow-ups channel when the bot cannot reach them there).</summary>
    public async Task TellNewOwnerAsync(FollowUp followUp, PersonRef owner, string change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(owner);
        if (followUp.TenantId is null)
        {
            LogNoTenant(logger, followUp.FollowUpId);
            return;
        }

        await EnqueueAsync(new ProactiveMessage($"{AssignedKind}|{followUp.FollowUpId}|{change}",
            new ToPerson(owner, followUp.TenantId, ChannelPurpose.FollowUps, followUp.Queue),
            ContentKind: AssignedKind, SubjectId: followUp.FollowUpId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the posted card overdue and announces it in the card's thread: one message each per follow-up, ever.</summary>
    public async Task AnnounceOverdueAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        if (followUp.Card is not { } card)
        {
            return;
        }

        await ShowChangeAsync(followUp, "overdue", cancellationToken).ConfigureAwait(false);
        await EnqueueAsync(new ProactiveMessage($"{OverdueKind}|{followUp.FollowUpId}", new ToThread(card),
            ContentKind: OverdueKind, SubjectId: followUp.FollowUpId), cancellationToken).ConfigureAwait(false);
    }

    private Task EnqueueAsync(ProactiveMessage message, CancellationToken cancellationToken) =>
        messages.EnqueueAsync(message, TimeSpan.Zero, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} has no tenant: nothing is posted for it")]
    private static partial void LogNoTenant(ILogger logger, string followUpId);
}
