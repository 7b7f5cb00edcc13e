using System.Collections.Concurrent;
using CxBot.App.Messaging;
using CxBot.App.Surveys;
using CxBot.App.Surveys.Delivery;
using CxBot.Domain.Customers;
using CxBot.Domain.Surveys;
using Microsoft.Extensions.Options;

namespace CxBot.App.Contacts;

/// <summary>
/// Decides once per contact whether the customer gets a survey, schedules it in the outbox, and stores
/// the decision. Every step is idempotent, and the decision is written last, so a caller's retry after a crash
/// repeats the missing steps and never schedules a second survey (the survey id is derived from the contact id).
/// </summary>
public sealed partial class ContactIntake(
    IContactDecisions decisions,
    ISurveys surveys,
    ISurveySkips skips,
    ICustomerPreferencesStore preferences,
    IOutbox outbox,
    IOptionsMonitor<SurveyOptions> options,
    SurveyCatalog catalog,
    TimeProvider time,
    ILogger<ContactIntake> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>The decision for the contact, made now or earlier.</summary>
    public async Task<ContactDecision> HandleAsync(ContactEnded contact, CancellationToken cancellationToken)
    {
        // Per customer, not per contact: two contacts of one customer at once must not both pass the suppression window.
        var gate = _locks.GetOrAdd(contact.Customer.Key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DecideAsync(contact, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
            if (gate.CurrentCount == 1)
            {
                _locks.TryRemove(new KeyValuePair<string, SemaphoreSlim>(contact.Customer.Key, gate));
            }
        }
    }

    private async Task<ContactDecision> DecideAsync(ContactEnded contact, CancellationToken cancellationToken)
    {
        var existing = await decisions.GetAsync(contact.ContactId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var settings = options.CurrentValue;
        var surveyId = SurveyIds.For(contact.ContactId);

        // A survey row without a decision means an earlier attempt stopped half-way: finish scheduling it.
        var earlier = await surveys.GetAsync(surveyId, cancellationToken).ConfigureAwait(false);
        SkipReason? reason = null;
        if (earlier is null)
        {
            var (definition, samplingRate) = catalog.Current.ForQueue(contact.Queue);
            var prefs = await preferences.GetAsync(contact.Customer.Key, cancellationToken).ConfigureAwait(false);
            reason = EligibilityPolicy.Decide(contact, prefs, TimeSpan.FromDays(settings.SuppressionDays), samplingRate, now);
            if (reason is null)
            {
                await surveys.TryAddAsync(NewSurvey(contact, surveyId, definition, now), cancellationToken).ConfigureAwait(false);
            }
        }

        if (reason is { } skip)
        {
            await skips.AddAsync(new SurveySkip(contact.ContactId, contact.Queue, contact.Agent.AgentId!, skip, now), cancellationToken).ConfigureAwait(false);
            LogSkipped(logger, contact.ContactId, skip);
            return await decisions.AddOrGetAsync(new ContactDecision(contact.ContactId, null, skip, now), cancellationToken).ConfigureAwait(false);
        }

        await preferences.MarkSurveyedAsync(contact.Customer.Key, now, cancellationToken).ConfigureAwait(false);
        var delay = contact.EndedAt.AddMinutes(settings.DelayMinutes) - now;
        await outbox.EnqueueAsync(SurveyWork.For(surveyId, DispatchKind.Send), delay > TimeSpan.Zero ? delay : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        LogScheduled(logger, contact.ContactId, surveyId);
        return await decisions.AddOrGetAsync(new ContactDecision(contact.ContactId, surveyId, null, now), cancellationToken).ConfigureAwait(false);
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
