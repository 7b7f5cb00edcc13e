using CxBot.App.Localization;
using CxBot.App.Messaging;
using CxBot.Domain;
using CxBot.Domain.Customers;
using CxBot.Domain.Surveys;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CxBot.App.Surveys.Delivery;

/// <summary>What became of a survey's send or reminder: done or try again after a delay.</summary>
/// <param name="RetryAfter">Null when the message is done.</param>
public sealed record DispatchOutcome(TimeSpan? RetryAfter)
{
    /// <summary>Done.</summary>
    public static DispatchOutcome Done { get; } = new((TimeSpan?)null);
}

/// <summary>
/// Sends one survey (or its reminder, or records its expiry) and stores the result. A survey post the channel gave no certain answer to
/// (<see cref="ConnectorOutcome.Uncertain"/>) counts as sent, without a reminder: the customer may have it, and a
/// second survey card is worse than a missing one. A reminder is posted once, whatever its outcome.
/// </summary>
public sealed partial class SurveySender(
    ISurveys surveys,
    ICustomerPreferencesStore preferences,
    ISuppressionWindows suppressions,
    SurveyResponseLookup answered,
    IOutbox outbox,
    SurveyRecipientResolver recipients,
    SurveyCardFactory cards,
    ProactiveSender sender,
    IOptionsMonitor<SurveyOptions> options,
    TimeProvider time,
    ILogger<SurveySender> logger) : IOutboxHandler
{
    // An answer received just before the expiry is still being stored when the expiry is due; the expiry waits for it.
    private static readonly TimeSpan ExpiryGrace = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public string Kind => SurveyWork.Kind;

    /// <inheritdoc />
    public async Task<OutboxOutcome> HandleAsync(OutboxWork work, CancellationToken cancellationToken)
    {
        if (!SurveyWork.TryRead(work, out var surveyId, out var kind))
        {
            LogMissing(logger, work.Id);
            return OutboxOutcome.Done;
        }

        var outcome = await HandleAsync(surveyId, kind, cancellationToken).ConfigureAwait(false);
        return new OutboxOutcome(outcome.RetryAfter);
    }

    /// <summary>Sends the survey, or its reminder.</summary>
    public async Task<DispatchOutcome> HandleAsync(string surveyId, DispatchKind kind, CancellationToken cancellationToken)
    {
        var survey = await surveys.GetAsync(surveyId, cancellationToken).ConfigureAwait(false);
        if (survey is null)
        {
            LogMissing(logger, surveyId);
            return DispatchOutcome.Done;
        }

        return kind switch
        {
            DispatchKind.Remind => await RemindAsync(survey, cancellationToken).ConfigureAwait(false),
            DispatchKind.Expire => await ExpireAsync(survey, cancellationToken).ConfigureAwait(false),
            _ => await SendAsync(survey, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<DispatchOutcome> SendAsync(Survey survey, CancellationToken cancellationToken)
    {
        if (!survey.AwaitsDelivery)
        {
            return DispatchOutcome.Done;
        }

        var settings = options.CurrentValue;
        if (survey.Status == SurveyStatus.Sending && survey.Attempts >= settings.MaxAttempts)
        {
            // The last allowed attempt was interrupted (a crash or a timeout) with its outcome unknown.
            return await FailAsync(survey, SurveyFailureReason.Interrupted, "The last send attempt was interrupted.", true, null, cancellationToken).ConfigureAwait(false);
        }

        survey.BeginSend();
        await surveys.UpdateAsync(survey, cancellationToken).ConfigureAwait(false);

        // Typed stop during the delay: the customer's wish wins over the schedule.
        var prefs = await preferences.GetAsync(survey.Customer.Key, cancellationToken).ConfigureAwait(false);
        if (prefs.OptedOut)
        {
            return await SkipAsync(survey, SkipReason.OptedOut, cancellationToken).ConfigureAwait(false);
        }

        var (recipient, problem) = await recipients.ResolveAsync(survey.Customer, cancellationToken).ConfigureAwait(false);
        if (recipient is null)
        {
            return problem!.Unreachable
                ? await SkipAsync(survey, SkipReason.Unreachable, cancellationToken).ConfigureAwait(false)
                : await FailAsync(survey, SurveyFailureReason.NoConversation, problem.Reason, problem.Permanent, problem.RetryAfter, cancellationToken).ConfigureAwait(false);
        }

        var reference = recipient.Reference;
        var culture = BotCulture.Resolve(survey.Locale ?? recipient.Locale, BotCulture.Resolve(settings.DefaultLocale));
        var now = time.GetUtcNow();
        var validFor = TimeSpan.FromDays(settings.ExpiryDays);
        var card = await cards.BuildSurveyCardAsync(survey, culture, now + validFor, cancellationToken).ConfigureAwait(false);

        ConnectorResult<ResourceResponse> sent;
        try
        {
            sent = await sender.PostAsync(reference, survey.Customer.TenantId, OutboundActivity.WithCard(card, culture.Name), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of time for this message: record the attempt so the next one counts it, then retry later.
            return await FailAsync(survey, SurveyFailureReason.TimedOut, "The send timed out.", false, null, CancellationToken.None).ConfigureAwait(false);
        }

        switch (sent.Outcome)
        {
            case ConnectorOutcome.Sent or ConnectorOutcome.Uncertain:
                survey.MarkSent(time.GetUtcNow(), reference.ChannelId, reference.Conversation.Id!, sent.Value?.Id, validFor);
                await surveys.UpdateAsync(survey, cancellationToken).ConfigureAwait(false);
                await suppressions.ChangeAsync(survey.Customer.Key, w => w.Confirm(survey.SurveyId, survey.SentAt!.Value), cancellationToken).ConfigureAwait(false);
                await outbox.EnqueueAsync(SurveyWork.For(survey.SurveyId, DispatchKind.Expire), validFor + ExpiryGrace, cancellationToken).ConfigureAwait(false);
                if (sent.Outcome == ConnectorOutcome.Uncertain)
                {
                    LogUnconfirmed(logger, survey.SurveyId, survey.Attempts, sent.StatusCode is { } status ? (int)status : null, sent.ErrorCode);
                    return DispatchOutcome.Done;
                }

                LogSent(logger, survey.SurveyId, survey.Attempts);
                if (settings.ReminderAfterHours > 0)
                {
                    await outbox.EnqueueAsync(SurveyWork.For(survey.SurveyId, DispatchKind.Remind), TimeSpan.FromHours(settings.ReminderAfterHours), cancellationToken).ConfigureAwait(false);
                }

                return DispatchOutcome.Done;
            case ConnectorOutcome.Throttled:
                return await FailAsync(survey, SurveyFailureReason.Throttled, "Throttled by the channel.", false, sent.RetryAfter, cancellationToken).ConfigureAwait(false);
            case ConnectorOutcome.Blocked:
                return await FailAsync(survey, SurveyFailureReason.Blocked, "The customer blocked or removed the bot.", true, null, cancellationToken).ConfigureAwait(false);
            case ConnectorOutcome.NotFound:
                return await FailAsync(survey, SurveyFailureReason.ConversationGone, "The conversation no longer exists.", true, null, cancellationToken).ConfigureAwait(false);
            case ConnectorOutcome.Refused:
                return await FailAsync(survey, SurveyFailureReason.Refused, $"Not sent: {sent.ErrorMessage ?? sent.ErrorCode}", true, null, cancellationToken).ConfigureAwait(false);
            default:
                return await FailAsync(survey, SurveyFailureReason.ChannelError,
                    $"Send failed: {sent.ErrorCode ?? sent.StatusCode?.ToString() ?? sent.Outcome.ToString()}", false, sent.RetryAfter, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DispatchOutcome> FailAsync(Survey survey, SurveyFailureReason reason, string detail, bool permanent, TimeSpan? retryAfter,
        CancellationToken cancellationToken)
    {
        var again = survey.MarkSendFailed(reason, detail, options.CurrentValue.MaxAttempts, permanent);
        await surveys.UpdateAsync(survey, cancellationToken).ConfigureAwait(false);
        if (!again)
        {
            await ReleaseWindowAsync(survey, cancellationToken).ConfigureAwait(false);
            LogUndeliverable(logger, survey.SurveyId, survey.Attempts, reason, detail);
            return DispatchOutcome.Done;
        }

        var backoff = retryAfter ?? TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, survey.Attempts - 1)));
        LogRetry(logger, survey.SurveyId, survey.Attempts, detail, backoff);
        return new DispatchOutcome(backoff);
    }

    // Found before anything was posted, and no failure of the delivery: the survey is skipped, not undeliverable.
    private async Task<DispatchOutcome> SkipAsync(Survey survey, SkipReason reason, CancellationToken cancellationToken)
    {
        survey.MarkSkipped(reason);
        await surveys.UpdateAsync(survey, cancellationToken).ConfigureAwait(false);
        await ReleaseWindowAsync(survey, cancellationToken).ConfigureAwait(false);
        LogSkipped(logger, survey.SurveyId, reason);
        return DispatchOutcome.Done;
    }

    // Not delivered: the customer's window is free for their next contact.
    private async Task ReleaseWindowAsync(Survey survey, CancellationToken cancellationToken) =>
        await suppressions.ChangeAsync(survey.Customer.Key, w => w.Release(survey.SurveyId), cancellationToken).ConfigureAwait(false);

    private async Task<DispatchOutcome> RemindAsync(Survey survey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!survey.NeedsReminder(now) || survey.SentConversationId is null || survey.SentChannelId is null)
        {
            return DispatchOutcome.Done;
        }

        var due = survey.SentAt!.Value.AddHours(options.CurrentValue.ReminderAfterHours);
        if (now < due)
        {
            return new DispatchOutcome(due - now);
        }

        // An answered survey says Sent until its expiry work records Answered: the response row decides.
        if (await answered.FindAsync(survey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return DispatchOutcome.Done;
        }

        // Into the chat the survey went to, not wherever the customer is found now.
        var recipient = await recipients.FindChatAsync(survey.SentChannelId, survey.SentConversationId, cancellationToken).ConfigureAwait(false);
        if (recipient is null)
        {
            return DispatchOutcome.Done;
        }

        var culture = BotCulture.Resolve(survey.Locale ?? recipient.Locale, BotCulture.Resolve(options.CurrentValue.DefaultLocale));
        var text = OutboundActivity.WithText(cards.ReminderText(survey, culture), culture.Name);
        // Marked after the post: a dispatcher stopped before it hands the reminder back unsent; only one killed
        // between the post and this update repeats it (like any message in flight).
        var sent = await sender.PostAsync(recipient.Reference, survey.Customer.TenantId, text, cancellationToken).ConfigureAwait(false);
        survey.MarkReminded(now);
        await surveys.UpdateAsync(survey, cancellationToken).ConfigureAwait(false);
        LogReminded(logger, survey.SurveyId, sent.Outcome);
        return DispatchOutcome.Done;
    }

    // Records a delivered survey that was not answered in time, or the Answered mark of one that was. The stored response
    // decides, not the survey's status: the answer path stores the response only. Several instances may run this;
    // the ETag lets one of them write, and the others find the survey expired when they read it again.
    private async Task<DispatchOutcome> ExpireAsync(Survey survey, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (survey.Status != SurveyStatus.Sent || survey.ExpiresAt is not { } expiresAt)
            {
                return DispatchOutcome.Done;
            }

            var now = time.GetUtcNow();
            if (now < expiresAt + ExpiryGrace)
            {
                return new DispatchOutcome(expiresAt + ExpiryGrace - now);
            }

            try
            {
                // The answer path leaves the survey saying Sent (its response row is the truth): its Answered mark is
                // recorded here, once, off every answer's path.
                if (await answered.FindAsync(survey, cancellationToken).ConfigureAwait(false) is { } response)
                {
                    if (!survey.IsExpired(response.AnsweredAt))
                    {
                        survey.MarkAnswered(response.AnsweredAt);
                        await surveys.UpdateAsync(survey, cancellationToken).ConfigureAwait(false);
                    }

                    return DispatchOutcome.Done;
                }

                survey.MarkExpired(now);
                await surveys.UpdateAsync(survey, cancellationToken).ConfigureAwait(false);
                LogExpired(logger, survey.SurveyId);
                return DispatchOutcome.Done;
            }
            catch (DomainConflictException) when (attempt < 2)
            {
                if (await surveys.GetAsync(survey.SurveyId, cancellationToken).ConfigureAwait(false) is not { } current)
                {
                    return DispatchOutcome.Done;
                }

                survey = current;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey {SurveyId} not found; its outbox work is dropped")]
    private static partial void LogMissing(ILogger logger, string surveyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} sent (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, string surveyId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Survey {SurveyId} (attempt {Attempt}): no certain answer ({StatusCode} {ErrorCode}); counted as sent, not sent again, no reminder")]
    private static partial void LogUnconfirmed(ILogger logger, string surveyId, int attempt, int? statusCode, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey {SurveyId} undeliverable after {Attempts} attempts ({Reason}): {Detail}")]
    private static partial void LogUndeliverable(ILogger logger, string surveyId, int attempts, SurveyFailureReason reason, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} skipped before the send ({Reason})")]
    private static partial void LogSkipped(ILogger logger, string surveyId, SkipReason reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} attempt {Attempt} failed ({Reason}); retry in {Delay}")]
    private static partial void LogRetry(ILogger logger, string surveyId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} expired unanswered")]
    private static partial void LogExpired(ILogger logger, string surveyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} reminder: {Outcome}")]
    private static partial void LogReminded(ILogger logger, string surveyId, ConnectorOutcome outcome);
}
