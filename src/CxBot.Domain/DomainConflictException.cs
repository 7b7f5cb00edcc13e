namespace CxBot.Domain;

/// <summary>A state change that is not allowed from the current state, or lost a race with another writer.</summary>
public sealed class DomainConflictException(ConflictReason reason, string message) : Exception(message)
{
    /// <summary>Why.</summary>
    public ConflictReason Reason { get; } = reason;
}
