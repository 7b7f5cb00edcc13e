using System.Globalization;
using CxBot.App.Messaging;
using CxBot.Domain;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Messaging;

namespace CxBot.App.FollowUps;

/// <summary>Follow-up messages built when the outbox sends them, from the follow-up's state at that moment.</summary>
public abstract class FollowUpContent(IFollowUps followUps) : IProactiveContent
{
    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <summary>The follow-ups store.</summary>
    protected IFollowUps FollowUps => followUps;

    /// <inheritdoc />
    public async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var followUp = message.SubjectId is null ? null : await followUps.GetAsync(message.SubjectId, cancellationToken).ConfigureAwait(false);
        return followUp is null ? null : await BuildAsync(message, followUp, culture, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The content for <paramref name="followUp"/>; null when there is nothing to say any more.</summary>
    protected abstract Task<ProactiveContent?> BuildAsync(ProactiveMessage message, FollowUp followUp, CultureInfo culture, CancellationToken cancellationToken);

    /// <inheritdoc />
    public virtual Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The follow-up card: posted into the follow-ups channel (its location is then kept on the follow-up) and its edits.</summary>
public sealed partial class FollowUpCardContent(IFollowUps followUps, FollowUpCardFactory cards, ILogger<FollowUpCardContent> logger) : FollowUpContent(followUps)
{
    private const int MaxAttempts = 5;

    /// <inheritdoc />
    public override string Kind => FollowUpService.CardKind;

    /// <inheritdoc />
    protected override async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, FollowUp followUp, CultureInfo culture, CancellationToken cancellationToken) =>
        new(null, await cards.BuildAsync(followUp, culture, banner: null, cancellationToken).ConfigureAwait(false));

    /// <summary>Keeps where the card landed; a claim racing with this write is re-read and the location recorded on top of it.</summary>
    public override async Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(posted);
        if (message.Target is not ToChannel || message.SubjectId is null)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            var followUp = await FollowUps.GetAsync(message.SubjectId, cancellationToken).ConfigureAwait(false);
            if (followUp is null || followUp.Card == posted)
            {
                return;
            }

            followUp.RecordCardPosted(posted);
            try
            {
                await FollowUps.UpdateAsync(followUp, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DomainConflictException ex) when (attempt < MaxAttempts)
            {
                LogRetry(logger, followUp.FollowUpId, ex.Reason);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Follow-up {FollowUpId}: card location lost a race ({Reason}), retrying")]
    private static partial void LogRetry(ILogger logger, string followUpId, ConflictReason reason);
}

/// <summary>The overdue notice in the card's thread; nothing once the follow-up is resolved.</summary>
public sealed class FollowUpOverdueContent(IFollowUps followUps, FollowUpCardFactory cards) : FollowUpContent(followUps)
{
    /// <inheritdoc />
    public override string Kind => FollowUpService.OverdueKind;

    /// <inheritdoc />
    protected override Task<ProactiveContent?> BuildAsync(ProactiveMessage message, FollowUp followUp, CultureInfo culture, CancellationToken cancellationToken) =>
        Task.FromResult(followUp.Status == FollowUpStatus.Resolved ? null : new ProactiveContent(cards.OverdueNotice(followUp, culture), null));
}

/// <summary>The message to a new owner; nothing when the follow-up was resolved or has moved on to someone else meanwhile.</summary>
public sealed class FollowUpAssignedContent(IFollowUps followUps, FollowUpCardFactory cards) : FollowUpContent(followUps)
{
    /// <inheritdoc />
    public override string Kind => FollowUpService.AssignedKind;

    /// <inheritdoc />
    protected override Task<ProactiveContent?> BuildAsync(ProactiveMessage message, FollowUp followUp, CultureInfo culture, CancellationToken cancellationToken)
    {
        var stillTheirs = message.Target is ToPerson to && followUp.Status == FollowUpStatus.Claimed && to.Person.IsSamePerson(followUp.Owner);
        return Task.FromResult(stillTheirs ? new ProactiveContent(cards.AssignedNotice(followUp, culture), null) : null);
    }
}
