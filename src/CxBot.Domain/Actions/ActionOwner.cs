using CxBot.Domain.People;

namespace CxBot.Domain.Actions;

/// <summary>Who owns an action: a person, or a department by name (then its contact person acts for it).</summary>
public sealed record ActionOwner
{
    /// <summary>Longest department name kept.</summary>
    public const int MaxDepartmentLength = 100;

    private ActionOwner(PersonRef? person, string? department)
    {
        Person = person;
        Department = department;
    }

    /// <summary>The owning person, when a person owns it.</summary>
    public PersonRef? Person { get; }

    /// <summary>The owning department's name, when a department owns it.</summary>
    public string? Department { get; }

    /// <summary>A person owns it.</summary>
    public static ActionOwner OfPerson(PersonRef person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new ActionOwner(person, null);
    }

    /// <summary>A department owns it; the name is trimmed and its inner spaces collapsed.</summary>
    public static ActionOwner OfDepartment(string department)
    {
        var name = string.Join(' ', (department ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (name.Length is 0 or > MaxDepartmentLength)
        {
            throw new ArgumentException($"A department name has 1 to {MaxDepartmentLength} characters.", nameof(department));
        }

        return new ActionOwner(null, name);
    }

    /// <summary>The key a department's actions are listed under (lower case), or null for a person.</summary>
    public string? DepartmentKey => Department?.ToLowerInvariant();
}
