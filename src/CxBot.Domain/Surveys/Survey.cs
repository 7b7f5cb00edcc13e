using CxBot.Domain.People;

namespace CxBot.Domain.Surveys;

/// <summary>Where a survey is in its life.</summary>
public enum SurveyStatus
{
    /// <summary>Waiting in the dispatch queue.</summary>
    Scheduled,
    /// <summary>Claimed by a dispatcher that is sending it now.</summary>
    Sending,
    /// <summary>The card is in the customer's chat.</summary>
    Sent,
    /// <summary>Answered (one response per survey).</summary>
    Answered,
    /// <summary>Could not be delivered after the allowed attempts (<see cref="Survey.FailureReason"/> says why).</summary>
    Undeliverable,
    /// <summary>Delivered and not answered before it expired.</summary>
    Expired,
    /// <summary>Not sent after all, for a reason that is no failure (<see cref="Survey.SkipReason"/>: the customer opted out before the send).</summary>
    Skipped,
}

/// <summary>Why a survey could not be delivered (stored by name; reports count by it).</summary>
public enum SurveyFailureReason
{
    /// <summary>The customer blocked or removed the bot.</summary>
    Blocked,
    /// <summary>The conversation no longer exists.</summary>
    ConversationGone,
    /// <summary>No conversation with the customer could be found or created.</summary>
    NoConversation,
    /// <summary>The channel refused the message (a client error that a retry repeats).</summary>
    Refused,
    /// <summary>Every allowed attempt was throttled.</summary>
    Throttled,
    /// <summary>Every allowed attempt timed out.</summary>
    TimedOut,
    /// <summary>The channel failed every allowed attempt (5xx, network).</summary>
    ChannelError,
    /// <summary>The last allowed attempt was interrupted with its outcome unknown.</summary>
    Interrupted,
}

/// <summary>A survey's state after scheduling, as stored; restored by <see cref="Survey.Restore"/>.</summary>
public sealed record SurveyState
{
    /// <summary>Where the survey is in its life.</summary>
    public SurveyStatus Status { get; init; } = SurveyStatus.Scheduled;
    /// <summary>Send attempts so far.</summary>
    public int Attempts { get; init; }
    /// <summary>Last delivery problem.</summary>
    public string? LastError { get; init; }
    /// <summary>When the card was sent.</summary>
    public DateTimeOffset? SentAt { get; init; }
    /// <summary>Channel of the chat it was sent to.</summary>
    public string? SentChannelId { get; init; }
    /// <summary>The conversation it was sent to.</summary>
    public string? SentConversationId { get; init; }
    /// <summary>The card's message id.</summary>
    public string? CardActivityId { get; init; }
    /// <summary>When answers are no longer accepted.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>When a reminder was sent.</summary>
    public DateTimeOffset? RemindedAt { get; init; }
    /// <summary>When it was answered.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }
    /// <summary>Why it could not be delivered (<see cref="SurveyStatus.Undeliverable"/>).</summary>
    public SurveyFailureReason? FailureReason { get; init; }
    /// <summary>Why it was not sent after all (<see cref="SurveyStatus.Skipped"/>).</summary>
    public SkipReason? SkipReason { get; init; }
    /// <summary>When it was recorded as expired (<see cref="SurveyStatus.Expired"/>).</summary>
    public DateTimeOffset? ExpiredAt { get; init; }
}

/// <summary>
/// One survey for one contact. The agent, queue and channel are copied from the contact when it is scheduled
/// and never change, so reports keep them as they were. State changes are guarded methods.
/// </summary>
public sealed class Survey
{
    /// <summary>Id, derived from the contact id so a retried contact maps to the same survey.</summary>
    public required string SurveyId { get; init; }
    /// <summary>The contact.</summary>
    public required string ContactId { get; init; }
    /// <summary>Who is asked.</summary>
    public required CustomerAddress Customer { get; init; }
    /// <summary>The agent as named at the contact's end.</summary>
    public required PersonRef Agent { get; init; }
    /// <summary>Queue at the contact's end.</summary>
    public required string Queue { get; init; }
    /// <summary>Contact channel (phone, chat, ...).</summary>
    public required string Channel { get; init; }
    /// <summary>When the contact ended.</summary>
    public required DateTimeOffset ContactEndedAt { get; init; }
    /// <summary>Locale to ask in (null: the default).</summary>
    public string? Locale { get; init; }
    /// <summary>The owning tenant (see docs/tenancy.md); null in older records and when unknown.</summary>
    public string? TenantId { get; init; }
    /// <summary>The definition used.</summary>
    public required string DefinitionId { get; init; }
    /// <summary>Its version.</summary>
    public required int DefinitionVersion { get; init; }
    /// <summary>The definition's questions as they were when the survey was scheduled, so a later change of the
    /// configuration does not change what this survey asks or how its answer is read. Null in older records.</summary>
    public IReadOnlyList<SurveyQuestion>? Questions { get; init; }
    /// <summary>When it was scheduled.</summary>
    public required DateTimeOffset ScheduledAt { get; init; }
    /// <summary>When answers are no longer accepted (set on send).</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Current state.</summary>
    public SurveyStatus Status { get; private set; } = SurveyStatus.Scheduled;
    /// <summary>Send attempts so far.</summary>
    public int Attempts { get; private set; }
    /// <summary>Last delivery problem.</summary>
    public string? LastError { get; private set; }
    /// <summary>When the card was sent.</summary>
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>Channel of the chat it was sent to (msteams, webchat, ...).</summary>
    public string? SentChannelId { get; private set; }
    /// <summary>The conversation it was sent to.</summary>
    public string? SentConversationId { get; private set; }
    /// <summary>The card's message id, when the channel returned one.</summary>
    public string? CardActivityId { get; private set; }
    /// <summary>When a reminder was sent.</summary>
    public DateTimeOffset? RemindedAt { get; private set; }
    /// <summary>When it was answered.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>Why it could not be delivered.</summary>
    public SurveyFailureReason? FailureReason { get; private set; }
    /// <summary>Why it was not sent after all.</summary>
    public SkipReason? SkipReason { get; private set; }
    /// <summary>When it was recorded as expired.</summary>
    public DateTimeOffset? ExpiredAt { get; private set; }
    /// <summary>Concurrency token of the stored row; changed only by <see cref="MarkStored"/>.</summary>
    public string? ETag { get; private set; }

    /// <summary>Rebuilds a stored survey's state and version (storage adapters only).</summary>
    public Survey Restore(SurveyState state, string etag)
    {
        ArgumentNullException.ThrowIfNull(state);
        Status = state.Status;
        Attempts = state.Attempts;
        LastError = state.LastError;
        SentAt = state.SentAt;
        SentChannelId = state.SentChannelId;
        SentConversationId = state.SentConversationId;
        CardActivityId = state.CardActivityId;
        ExpiresAt = state.ExpiresAt;
        RemindedAt = state.RemindedAt;
        AnsweredAt = state.AnsweredAt;
        FailureReason = state.FailureReason;
        SkipReason = state.SkipReason;
        ExpiredAt = state.ExpiredAt;
        return MarkStored(etag);
    }

    /// <summary>Records the version the store gave the written row (storage adapters only).</summary>
    public Survey MarkStored(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        ETag = etag;
        return this;
    }

    /// <summary>True when the survey still waits to be sent (or a send was interrupted).</summary>
    public bool AwaitsDelivery => Status is SurveyStatus.Scheduled or SurveyStatus.Sending;

    /// <summary>A dispatcher takes the survey to send it; counts the attempt.</summary>
    public void BeginSend()
    {
        if (!AwaitsDelivery)
        {
            throw new DomainConflictException(ConflictReason.NotSendable, $"Survey {SurveyId} is {Status}.");
        }

        Status = SurveyStatus.Sending;
        Attempts++;
    }

    /// <summary>The card reached the customer's chat.</summary>
    public void MarkSent(DateTimeOffset at, string channelId, string conversationId, string? cardActivityId, TimeSpan validFor)
    {
        if (Status != SurveyStatus.Sending)
        {
            throw new DomainConflictException(ConflictReason.NotSending, $"Survey {SurveyId} is {Status}.");
        }

        Status = SurveyStatus.Sent;
        SentAt = at;
        SentChannelId = channelId;
        SentConversationId = conversationId;
        CardActivityId = cardActivityId;
        ExpiresAt = at + validFor;
        LastError = null;
    }

    /// <summary>A send failed; after <paramref name="maxAttempts"/> (or at once when <paramref name="permanent"/>) the
    /// survey is undeliverable and keeps <paramref name="reason"/> as its <see cref="FailureReason"/>.</summary>
    /// <param name="reason">What kind of failure, as reports count it.</param>
    /// <param name="detail">What went wrong, for operators (stored as <see cref="LastError"/>).</param>
    /// <param name="maxAttempts">Attempts allowed in all.</param>
    /// <param name="permanent">True when retrying cannot help.</param>
    /// <returns>True when it may be tried again.</returns>
    public bool MarkSendFailed(SurveyFailureReason reason, string detail, int maxAttempts, bool permanent)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown failure reason.");
        }

        if (Status != SurveyStatus.Sending)
        {
            throw new DomainConflictException(ConflictReason.NotSending, $"Survey {SurveyId} is {Status}.");
        }

        LastError = detail;
        if (permanent || Attempts >= maxAttempts)
        {
            Status = SurveyStatus.Undeliverable;
            FailureReason = reason;
            return false;
        }

        Status = SurveyStatus.Scheduled;
        return true;
    }

    /// <summary>
    /// Not sent after all, for a reason that is no delivery failure (the customer opted out, or their chat is known
    /// to refuse the bot), found while taking the survey to send it. Only a survey that awaits delivery can be skipped.
    /// </summary>
    public void MarkSkipped(SkipReason reason)
    {
        if (reason is not (Surveys.SkipReason.OptedOut or Surveys.SkipReason.Unreachable))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Only an opt-out or an unreachable chat skips a scheduled survey.");
        }

        if (!AwaitsDelivery)
        {
            throw new DomainConflictException(ConflictReason.NotSendable, $"Survey {SurveyId} is {Status}.");
        }

        Status = SurveyStatus.Skipped;
        SkipReason = reason;
    }

    /// <summary>True when the survey was delivered, is still unanswered and its answer time has passed at <paramref name="now"/>.</summary>
    public bool IsDueToExpire(DateTimeOffset now) => Status == SurveyStatus.Sent && IsExpired(now);

    /// <summary>Records that the delivered survey was not answered in time. The caller checks first that no response is
    /// stored (the response row, not this status, decides whether it was answered).</summary>
    public void MarkExpired(DateTimeOffset at)
    {
        if (Status == SurveyStatus.Answered)
        {
            throw new DomainConflictException(ConflictReason.AlreadyAnswered, $"Survey {SurveyId} was answered already.");
        }

        if (!IsDueToExpire(at))
        {
            throw new DomainConflictException(ConflictReason.NotExpired, $"Survey {SurveyId} is {Status}, expiring at {ExpiresAt:O}.");
        }

        Status = SurveyStatus.Expired;
        ExpiredAt = at;
    }

    /// <summary>True when the survey can no longer be answered at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;

    /// <summary>Records the answer. Throws when already answered, expired or not sent.</summary>
    public void MarkAnswered(DateTimeOffset at)
    {
        if (Status == SurveyStatus.Answered)
        {
            throw new DomainConflictException(ConflictReason.AlreadyAnswered, $"Survey {SurveyId} was answered already.");
        }

        if (Status != SurveyStatus.Sent)
        {
            throw new DomainConflictException(ConflictReason.NotSent, $"Survey {SurveyId} is {Status}.");
        }

        if (IsExpired(at))
        {
            throw new DomainConflictException(ConflictReason.Expired, $"Survey {SurveyId} expired at {ExpiresAt:O}.");
        }

        Status = SurveyStatus.Answered;
        AnsweredAt = at;
    }

    /// <summary>True when a reminder is due: sent, unanswered, not reminded, not expired.</summary>
    public bool NeedsReminder(DateTimeOffset now) => Status == SurveyStatus.Sent && RemindedAt is null && !IsExpired(now);

    /// <summary>Records the single reminder.</summary>
    public void MarkReminded(DateTimeOffset at)
    {
        if (!NeedsReminder(at))
        {
            throw new DomainConflictException(ConflictReason.NoReminder, $"Survey {SurveyId} needs no reminder.");
        }

        RemindedAt = at;
    }
}
