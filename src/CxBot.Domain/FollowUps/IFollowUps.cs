namespace CxBot.Domain.FollowUps;

/// <summary>Follow-ups. Updates are conditional on <see cref="FollowUp.ETag"/>; a lost race throws <see cref="DomainConflictException"/>.</summary>
public interface IFollowUps
{
    /// <summary>Adds it; false when one exists for the id.</summary>
    Task<bool> TryAddAsync(FollowUp followUp, CancellationToken cancellationToken);

    /// <summary>The follow-up, or null.</summary>
    Task<FollowUp?> GetAsync(string followUpId, CancellationToken cancellationToken);

    /// <summary>Replaces it if unchanged since read; sets the new ETag.</summary>
    Task UpdateAsync(FollowUp followUp, CancellationToken cancellationToken);

    /// <summary>
    /// Open or claimed follow-ups due before <paramref name="time"/>, found through the index of unresolved follow-ups
    /// (<see cref="IOpenFollowUps"/>) and read one by one; index entries found stale on the way are removed.
    /// </summary>
    IAsyncEnumerable<FollowUp> ListUnresolvedDueBeforeAsync(DateTimeOffset time, CancellationToken cancellationToken);
}
