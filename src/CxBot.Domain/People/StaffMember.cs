namespace CxBot.Domain.People;

/// <summary>The roles a member of staff holds.</summary>
[Flags]
public enum StaffRoles
{
    /// <summary>None: the person is treated as a customer.</summary>
    None = 0,
    /// <summary>A contact-center agent.</summary>
    Agent = 1,
    /// <summary>A supervisor.</summary>
    Supervisor = 2,
    /// <summary>An administrator.</summary>
    Admin = 4,
}

/// <summary>Where a directory entry came from; see the staff directory's precedence rule.</summary>
public enum StaffSource
{
    /// <summary>The <c>Roles:*</c> configuration lists.</summary>
    Configuration,
    /// <summary>The admin API (<c>/api/staff</c>).</summary>
    Api,
    /// <summary>The members of the configured agents' team.</summary>
    Roster,
}

/// <summary>A member of staff as the directory knows them.</summary>
/// <param name="ObjectId">Entra object id: the key.</param>
/// <param name="DisplayName">Name.</param>
public sealed record StaffMember(string ObjectId, string DisplayName)
{
    /// <summary>Tenant of the person, when known (needed to start a chat with them).</summary>
    public string? TenantId { get; init; }
    /// <summary>Roles.</summary>
    public StaffRoles Roles { get; init; }
    /// <summary>The contact-center platform's agent ids of this person.</summary>
    public IReadOnlyList<string> AgentIds { get; init; } = [];
    /// <summary>Team (supervisors see the figures of their own team).</summary>
    public string? Team { get; init; }
    /// <summary>Queues the person works.</summary>
    public IReadOnlyList<string> Queues { get; init; } = [];
    /// <summary>Where the entry came from.</summary>
    public StaffSource Source { get; init; }

    /// <summary>The highest role held.</summary>
    public UserRole Role => Roles.HasFlag(StaffRoles.Admin) ? UserRole.Admin
        : Roles.HasFlag(StaffRoles.Supervisor) ? UserRole.Supervisor
        : Roles.HasFlag(StaffRoles.Agent) ? UserRole.Agent
        : UserRole.Customer;

    /// <summary>The person as records refer to them.</summary>
    public PersonRef ToPersonRef(string? agentId = null) => new(DisplayName) { ObjectId = ObjectId, AgentId = agentId ?? (AgentIds.Count > 0 ? AgentIds[0] : null) };
}
