namespace CxBot.App.People;

/// <summary>The <c>Roles</c> configuration section: Entra object ids of staff, one of the staff directory's sources.</summary>
public sealed class RolesOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Roles";

    /// <summary>Entra object ids of administrators.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>Entra object ids of supervisors.</summary>
    public List<string> Supervisors { get; set; } = [];

    /// <summary>Entra object ids of agents.</summary>
    public List<string> Agents { get; set; } = [];

    /// <summary>The roles these lists give the person.</summary>
    public Domain.People.StaffRoles RolesOf(string objectId)
    {
        var roles = Domain.People.StaffRoles.None;
        if (Admins.Contains(objectId, StringComparer.OrdinalIgnoreCase))
        {
            roles |= Domain.People.StaffRoles.Admin;
        }

        if (Supervisors.Contains(objectId, StringComparer.OrdinalIgnoreCase))
        {
            roles |= Domain.People.StaffRoles.Supervisor;
        }

        if (Agents.Contains(objectId, StringComparer.OrdinalIgnoreCase))
        {
            roles |= Domain.People.StaffRoles.Agent;
        }

        return roles;
    }

    /// <summary>Every object id the lists name.</summary>
    public IEnumerable<string> AllObjectIds => Admins.Concat(Supervisors).Concat(Agents);
}
