namespace CxBot.Domain.People;

/// <summary>
/// A person as a record refers to them: a member of staff in Teams (Entra object id), an agent of the
/// contact-center platform (its agent id), or both once the staff directory connects the two.
/// </summary>
/// <param name="DisplayName">The name shown on cards (rendered inert).</param>
public sealed record PersonRef(string DisplayName)
{
    /// <summary>The Entra object id, when the person is known in Teams.</summary>
    public string? ObjectId { get; init; }

    /// <summary>The contact-center platform's agent id, when the person is an agent there.</summary>
    public string? AgentId { get; init; }

    /// <summary>A member of staff acting in Teams.</summary>
    public static PersonRef Staff(string objectId, string displayName) => new(displayName) { ObjectId = objectId };

    /// <summary>An agent as the contact-center platform names them; <paramref name="objectId"/> when the directory knows it.</summary>
    public static PersonRef Agent(string agentId, string displayName, string? objectId = null) =>
        new(displayName) { AgentId = agentId, ObjectId = objectId };

    /// <summary>True when both refer to one person: the same object id, or (when either lacks one) the same agent id.</summary>
    public bool IsSamePerson(PersonRef? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ObjectId is not null && other.ObjectId is not null)
        {
            return string.Equals(ObjectId, other.ObjectId, StringComparison.OrdinalIgnoreCase);
        }

        return AgentId is not null && other.AgentId is not null && string.Equals(AgentId, other.AgentId, StringComparison.OrdinalIgnoreCase);
    }
}
