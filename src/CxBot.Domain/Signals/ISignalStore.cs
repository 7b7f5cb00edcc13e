namespace CxBot.Domain.Signals;

/// <summary>
/// Signals. Updates are conditional on <see cref="Signal.ETag"/>; a lost race throws <see cref="DomainConflictException"/>
/// (<see cref="ConflictReason.Concurrency"/>). Lists are read through keys designed for them, never by scanning the table.
/// </summary>
public interface ISignalStore
{
    /// <summary>Adds the signal unless one with its id exists (a double click, a redelivered submit): returns the stored
    /// signal, and whether it was this call that added it. Repeating the call also repairs the list entries.</summary>
    Task<(Signal Signal, bool Added)> AddOrGetAsync(Signal signal, CancellationToken cancellationToken);

    /// <summary>The signal, or null.</summary>
    Task<Signal?> GetAsync(string signalId, CancellationToken cancellationToken);

    /// <summary>Replaces it if unchanged since read; sets the new ETag and moves its list entries.</summary>
    Task SaveAsync(Signal signal, CancellationToken cancellationToken);

    /// <summary>Signals a person logged in a tenant (any status), newest first.</summary>
    Task<SignalPage> ListByReporterAsync(string? tenantId, string reporterObjectId, int pageSize, string? continuationToken,
        CancellationToken cancellationToken);

    /// <summary>A tenant's signals matching <paramref name="query"/>, newest first.</summary>
    Task<SignalPage> ListAsync(SignalQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}

/// <summary>A tenant's topic list. Updates are conditional on <see cref="Topic.ETag"/>.</summary>
public interface ITopicStore
{
    /// <summary>Every topic of the tenant, merged ones included.</summary>
    Task<IReadOnlyList<Topic>> ListAsync(string? tenantId, CancellationToken cancellationToken);

    /// <summary>One topic, or null.</summary>
    Task<Topic?> GetAsync(string? tenantId, string key, CancellationToken cancellationToken);

    /// <summary>Adds it (a new topic or a proposal); false when the key exists.</summary>
    Task<bool> TryAddAsync(string? tenantId, Topic topic, CancellationToken cancellationToken);

    /// <summary>Replaces it (renamed, reviewed, merged) if unchanged since read; sets the new ETag.</summary>
    Task SaveAsync(string? tenantId, Topic topic, CancellationToken cancellationToken);
}

/// <summary>
/// The contacts signals name, kept so that a signal and its contact meet whichever arrives first. Each side writes
/// its own row first and then reads the other's: a signal writes that it waits and then reads the contact; a contact
/// is recorded and then reads who waits for it. Whatever the order, across instances, at least one side sees the other.
/// </summary>
public interface ISignalContacts
{
    /// <summary>Records (or replaces) an ended contact's facts.</summary>
    Task RecordContactAsync(ContactFacts contact, CancellationToken cancellationToken);

    /// <summary>The contact's facts, or null when the platform has not reported it (yet).</summary>
    Task<ContactFacts?> FindContactAsync(string contactId, CancellationToken cancellationToken);

    /// <summary>Notes that a signal names the contact (idempotent).</summary>
    Task AddWaitingSignalAsync(string contactId, string signalId, CancellationToken cancellationToken);

    /// <summary>The ids of the signals that name the contact.</summary>
    Task<IReadOnlyList<string>> ListWaitingSignalsAsync(string contactId, CancellationToken cancellationToken);
}
