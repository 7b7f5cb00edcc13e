namespace CxBot.Domain.People;

/// <summary>
/// The stored sources of the staff directory: entries made through the admin API and the members of the agents'
/// team. Configuration is not stored; the directory reads it from the options. One entry per person per source.
/// </summary>
public interface IStaffStore
{
    /// <summary>Every stored entry of every stored source.</summary>
    Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The entries of one source.</summary>
    Task<IReadOnlyList<StaffMember>> ListAsync(StaffSource source, CancellationToken cancellationToken);

    /// <summary>One person's entry of one source, or null.</summary>
    Task<StaffMember?> FindAsync(StaffSource source, string objectId, CancellationToken cancellationToken);

    /// <summary>The object id of the person an API entry gives this platform agent id, or null (a point read of the index).</summary>
    Task<string?> FindObjectIdByAgentIdAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the entry of <see cref="StaffMember.Source"/> (Api or Roster) for the person.</summary>
    Task UpsertAsync(StaffMember member, CancellationToken cancellationToken);

    /// <summary>Removes one person's entry of one source; false when there was none.</summary>
    Task<bool> DeleteAsync(StaffSource source, string objectId, CancellationToken cancellationToken);
}
