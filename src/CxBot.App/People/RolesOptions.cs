namespace CxBot.App.People;

/// <summary>The <c>Roles</c> configuration section: Entra object ids of staff. Everyone else is a customer.</summary>
public sealed class RolesOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Roles";

    /// <summary>Entra object ids of supervisors.</summary>
    public List<string> Supervisors { get; set; } = [];

    /// <summary>Entra object ids of agents.</summary>
    public List<string> Agents { get; set; } = [];
}
