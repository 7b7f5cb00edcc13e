using CxBot.App.Messaging;
using CxBot.App.Surveys;
using CxBot.App.Surveys.Delivery;
using CxBot.Domain;
using CxBot.Domain.Customers;
using CxBot.Domain.Surveys;
using Microsoft.Extensions.Options;

namespace CxBot.App.Contacts;

/// <summary>
/// Decides once per contact whether the customer gets a survey, schedules it in the outbox, and stores
/// the decision. Every step is idempotent, and the decision is written last, so a caller's retry after a crash
/// repeats the missing steps and never schedules a second survey (the survey id is derived from the contact id).
/// Two contacts of one customer, on this instance or another, are kept apart by the customer's suppression window:
/// the survey reserves it with a conditional write before it is stored, and only one reservation can win.
/// Features that keep facts of contacts (signals link to them) hear of each post first, through <see cref="IContactEndedObserver"/>.
/// </summary>
public sealed partial class ContactIntake(
    IContactDecisions decisions,
    ISurveys surveys,
    ISurveySkips skips,
    ICustomerPreferencesStore preferences,
    ISuppressionWindows suppressions,
    IOutbox outbox,
    SurveyRecipientResolver recipients,
    IOptionsMonitor<SurveyOptions> options,
    SurveyCatalog catalog,
    IEnumerable<IContactEndedObserver> observers,
    TimeProvider time,
    ILogger<ContactIntake> logger)
{
    /// <summary>The decision for the contact, made now or earlier.</summary>
    public async Task<ContactDecision> HandleAsync(ContactEnded contact, CancellationToken cancellationToken)
    {
        // Before the early return below: a repeated post repeats whatever an interrupted first post left undone there.
        foreach (var observer in observers)
        {
            await observer.OnContactEndedAsync(contact, cancellationToken).ConfigureAwait(false);
        }

        var existing = await decisions.GetAsync(contact.ContactId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var settings = options.CurrentValue;
        var surveyId = SurveyIds.For(contact.ContactId);
        var delay = contact.EndedAt.AddMinutes(settings.DelayMinutes) - now;
        delay = delay > TimeSpan.Zero ? delay : TimeSpan.Zero;

        // A survey row without a decision means an earlier attempt stopped half-way: finish scheduling it.
        var earlier = await surveys.GetAsync(surveyId, cancellationToken).ConfigureAwait(false);
        SkipReason? reason = null;
        if (earlier is null)
        {
            var (definition, samplingRate) = catalog.Current.ForQueue(contact.Queue);
            var window = TimeSpan.FromDays(settings.SuppressionDays);
            var prefs = await preferences.GetAsync(contact.Customer.Key, cancellationToken).ConfigureAwait(false);
            var suppression = await suppressions.GetAsync(contact.Customer.Key, cancellationToken).ConfigureAwait(false);
            reason = EligibilityPolicy.Decide(contact, prefs, suppression, window, samplingRate, now)
                ?? (await recipients.IsUnreachableAsync(contact.Customer, cancellationToken).ConfigureAwait(false) ? SkipReason.Unreachable : (SkipReason?)null)
                ?? await ReserveAsync(contact.Customer.Key, surveyId, window, SuppressionWindow.ReservationLifetime(delay, settings.MaxAttempts), now, cancellationToken).ConfigureAwait(false);
            if (reason is null)
            {
                await surveys.TryAddAsync(NewSurvey(contact, surveyId, definition, now), cancellationToken).ConfigureAwait(false);
            }
        }

        if (reason is { } skip)
        {
            await skips.AddAsync(new SurveySkip(contact.ContactId, contact.Queue, contact.Agent.AgentId!, contact.Channel, skip, contact.EndedAt, now), cancellationToken).ConfigureAwait(false);
            LogSkipped(logger, contact.ContactId, skip);
            return await decisions.AddOrGetAsync(new ContactDecision(contact.ContactId, null, skip, now), cancellationToken).ConfigureAwait(false);
        }

        await outbox.EnqueueAsync(SurveyWork.For(surveyId, DispatchKind.Send), delay, cancellationToken).ConfigureAwait(false);
        LogScheduled(logger, contact.ContactId, surveyId);
        return await decisions.AddOrGetAsync(new ContactDecision(contact.ContactId, surveyId, null, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Null when the window is reserved for the survey (or suppression is off); <see cref="SkipReason.Suppressed"/>
    /// when another survey, perhaps scheduled by another instance a moment ago, holds it.</summary>
    private async Task<SkipReason?> ReserveAsync(string customerKey, string surveyId, TimeSpan window, TimeSpan holdFor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (window == TimeSpan.Zero)
        {
            return null;
        }

        try
        {
            await suppressions.ChangeAsync(customerKey, w => w.Reserve(surveyId, now, window, holdFor), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DomainConflictException ex) when (ex.Reason == ConflictReason.Suppressed)
        {
            return SkipReason.Suppressed;
        }
    }

    private static Survey NewSurvey(ContactEnded contact, string surveyId, SurveyDefinition definition, DateTimeOffset now) => new()
    {
        SurveyId = surveyId,
        ContactId = contact.ContactId,
        Customer = contact.Customer,
        Agent = contact.Agent,
        Queue = contact.Queue,
        Channel = contact.Channel,
        ContactEndedAt = contact.EndedAt,
        Locale = contact.Locale,
        TenantId = contact.TenantId,
        DefinitionId = definition.Id,
        DefinitionVersion = definition.Version,
        Questions = definition.Questions,
        ScheduledAt = now,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId}: survey {SurveyId} scheduled")]
    private static partial void LogScheduled(ILogger logger, string contactId, string surveyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactId}: no survey ({Reason})")]
    private static partial void LogSkipped(ILogger logger, string contactId, SkipReason reason);
}
