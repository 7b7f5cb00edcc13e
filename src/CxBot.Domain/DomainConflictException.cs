namespace CxBot.Domain;

/// <summary>A state change that is not allowed from the current state, or lost a race with another writer.</summary>
public sealed class DomainConflictException(string code, string message) : Exception(message)
{
    /// <summary>A stable code, e.g. <c>already-claimed</c>.</summary>
    public string Code { get; } = code;
}
