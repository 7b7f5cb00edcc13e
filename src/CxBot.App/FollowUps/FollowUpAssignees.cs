using CxBot.App.People;
using CxBot.Domain.People;
using Microsoft.Extensions.Options;

namespace CxBot.App.FollowUps;

/// <summary>The people a supervisor may hand a follow-up to (the reassign list on the card).</summary>
public interface IFollowUpAssignees
{
    /// <summary>Candidates in the tenant, each with an Entra object id, in the order the card lists them.</summary>
    Task<IReadOnlyList<PersonRef>> ListAsync(string? tenantId, CancellationToken cancellationToken);
}

/// <summary>
/// Until the staff directory exists: the supervisors and then the agents of <c>Roles:*</c>. The configuration knows
/// only object ids, so the list shows those; the directory will supply names.
/// </summary>
public sealed class ConfiguredFollowUpAssignees(IOptionsMonitor<RolesOptions> roles) : IFollowUpAssignees
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PersonRef>> ListAsync(string? tenantId, CancellationToken cancellationToken)
    {
        var configured = roles.CurrentValue;
        IReadOnlyList<PersonRef> people = [.. configured.Supervisors.Concat(configured.Agents)
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => PersonRef.Staff(id, id))];
        return Task.FromResult(people);
    }
}
