using CxBot.App.Channels;
using CxBot.App.People;
using CxBot.Domain.People;

namespace CxBot.App.FollowUps;

/// <summary>The people a supervisor may hand a follow-up to (the reassign list on the card).</summary>
public interface IFollowUpAssignees
{
    /// <summary>Candidates in the tenant, each with an Entra object id, in the order the card lists them.</summary>
    Task<IReadOnlyList<PersonRef>> ListAsync(string? tenantId, CancellationToken cancellationToken);
}

/// <summary>
/// The staff directory's supervisors and agents, supervisors first, by name, within the follow-up's tenant
/// (<see cref="TenantRule.Allows(string?, StaffMember)"/>).
/// </summary>
public sealed class DirectoryFollowUpAssignees(StaffDirectory directory, TenantRule tenants) : IFollowUpAssignees
{
    /// <summary>Most people listed on a card (a choice list beyond this is unusable, and the card must stay small).</summary>
    public const int MaxCandidates = 100;

    /// <inheritdoc />
    public Task<IReadOnlyList<PersonRef>> ListAsync(string? tenantId, CancellationToken cancellationToken)
    {
        IReadOnlyList<PersonRef> people = [.. directory.List()
            .Where(m => m.Role is UserRole.Agent or UserRole.Supervisor or UserRole.Admin)
            .Where(m => tenants.Allows(tenantId, m))
            .OrderByDescending(m => m.Role >= UserRole.Supervisor)
            .ThenBy(NameOf, StringComparer.CurrentCultureIgnoreCase)
            .Take(MaxCandidates)
            .Select(m => PersonRef.Staff(m.ObjectId, NameOf(m)))];
        return Task.FromResult(people);
    }

    // People known only from the Roles:* lists have no name yet: their object id stands in.
    private static string NameOf(StaffMember member) => string.IsNullOrWhiteSpace(member.DisplayName) ? member.ObjectId : member.DisplayName;
}
