using CxBot.App.Channels;
using CxBot.Domain;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals;

/// <summary>
/// The one way signals are written. Every store write goes through here, and after a write wins, its changes (with the
/// classification before and after) go to every <see cref="ISignalChangeObserver"/>: the counting follows this one place.
/// A signal that names a contact is linked to it here, whether the platform reported the contact before or after.
/// </summary>
public sealed partial class SignalRecorder(
    ISignalStore store,
    ISignalContacts contacts,
    TenantRule tenants,
    IEnumerable<ISignalChangeObserver> observers,
    TimeProvider time,
    ILogger<SignalRecorder> logger)
{
    private const int MaxAttempts = 10;

    /// <summary>Stores a new signal unless one with its id exists (a double submit): returns the stored one and whether it was
    /// added now. Repeating it also repeats the contact link an interrupted first attempt may have left undone.</summary>
    public async Task<(Signal Signal, bool Added)> ReportAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var (stored, added) = await store.AddOrGetAsync(signal, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            await PublishAsync(stored.TakeChanges(), cancellationToken).ConfigureAwait(false);
        }

        return (await LinkWhenNamedAsync(stored, cancellationToken).ConfigureAwait(false), added);
    }

    /// <summary>Saves a read signal after a guarded move (ETag: a lost race throws <see cref="DomainConflictException"/>), then tells the observers.</summary>
    public async Task<Signal> SaveAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        await store.SaveAsync(signal, cancellationToken).ConfigureAwait(false);
        await PublishAsync(signal.TakeChanges(), cancellationToken).ConfigureAwait(false);
        return await LinkWhenNamedAsync(signal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells the observers that a topic now counts as another (after the merge was stored).</summary>
    public Task TopicMergedAsync(TopicMerge merge, CancellationToken cancellationToken) =>
        Notify(o => o.OnTopicMergedAsync(merge, cancellationToken), merge.FromKey);

    /// <summary>The platform reported a contact: keep its facts, then show them on every signal that already names it.</summary>
    public async Task ContactReportedAsync(ContactFacts contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        await contacts.RecordContactAsync(contact, cancellationToken).ConfigureAwait(false);
        foreach (var signalId in await contacts.ListWaitingSignalsAsync(contact.ContactId, cancellationToken).ConfigureAwait(false))
        {
            await LinkAsync(signalId, contact, cancellationToken).ConfigureAwait(false);
        }
    }

    // The signal's side of the meeting: note that it waits first, then look for the contact (docs/storage.md, SignalContacts).
    private async Task<Signal> LinkWhenNamedAsync(Signal signal, CancellationToken cancellationToken)
    {
        if (signal.ContactId is not { } contactId || signal.Contact is not null)
        {
            return signal;
        }

        await contacts.AddWaitingSignalAsync(contactId, signal.SignalId, cancellationToken).ConfigureAwait(false);
        var contact = await contacts.FindContactAsync(contactId, cancellationToken).ConfigureAwait(false);
        return contact is null ? signal : await LinkAsync(signal.SignalId, contact, cancellationToken).ConfigureAwait(false) ?? signal;
    }

    // Read, link, save with the ETag; on a lost race read again (a supervisor's move and a link may meet).
    private async Task<Signal?> LinkAsync(string signalId, ContactFacts contact, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var signal = await store.GetAsync(signalId, cancellationToken).ConfigureAwait(false);
            if (signal is null || !string.Equals(signal.ContactId, contact.ContactId, StringComparison.Ordinal))
            {
                return signal;
            }

            // A contact of one tenant is never shown on another tenant's signal.
            if (!string.Equals(tenants.OwnerOf(signal.TenantId), tenants.OwnerOf(contact.TenantId), StringComparison.OrdinalIgnoreCase))
            {
                LogOtherTenant(logger, signalId, contact.ContactId);
                return signal;
            }

            if (!signal.LinkContact(contact, time.GetUtcNow()))
            {
                return signal;
            }

            try
            {
                await store.SaveAsync(signal, cancellationToken).ConfigureAwait(false);
                await PublishAsync(signal.TakeChanges(), cancellationToken).ConfigureAwait(false);
                return signal;
            }
            catch (DomainConflictException ex) when (ex.Reason == ConflictReason.Concurrency && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PublishAsync(IReadOnlyList<SignalChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            await Notify(o => o.OnSignalChangedAsync(change, cancellationToken), change.SignalId).ConfigureAwait(false);
        }
    }

    // The write has won already; one observer's failure must not undo it for the person, nor keep the others from hearing.
    private async Task Notify(Func<ISignalChangeObserver, Task> call, string subject)
    {
        foreach (var observer in observers)
        {
            try
            {
                await call(observer).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(logger, ex, observer.GetType().Name, subject);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Signal observer {Observer} failed on {Subject}")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signal {SignalId} names contact {ContactId} of another tenant; not linked")]
    private static partial void LogOtherTenant(ILogger logger, string signalId, string contactId);
}
