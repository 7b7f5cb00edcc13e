namespace CxBot.Domain.Actions;

/// <summary>Where improvement actions are kept. Writes are guarded by the ETag the action was read with.</summary>
public interface IImprovementActions
{
    /// <summary>Stores a new action; false when an action with its id exists already (a repeated submit).</summary>
    Task<bool> TryAddAsync(ImprovementAction action, CancellationToken cancellationToken);

    /// <summary>The action, or null.</summary>
    Task<ImprovementAction?> GetAsync(string actionId, CancellationToken cancellationToken);

    /// <summary>Writes the action's changes if nobody changed it since it was read (<see cref="DomainConflictException"/> with <see cref="ConflictReason.Concurrency"/> otherwise).</summary>
    Task UpdateAsync(ImprovementAction action, CancellationToken cancellationToken);

    /// <summary>The tenant's actions in <paramref name="statuses"/>, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ImprovementAction>> ListAsync(string? tenantId, IReadOnlyCollection<ActionStatus> statuses, int max, CancellationToken cancellationToken);

    /// <summary>The tenant's actions owned by a department (<see cref="ActionOwner.DepartmentKey"/> or <see cref="ImprovementActionDetails.OwningDepartment"/>).</summary>
    Task<IReadOnlyList<ImprovementAction>> ListByDepartmentAsync(string? tenantId, string department, CancellationToken cancellationToken);

    /// <summary>Every tenant's actions in <paramref name="status"/>, for the background passes (overdue notices, effect checks).</summary>
    IAsyncEnumerable<ImprovementAction> ListEveryTenantAsync(ActionStatus status, CancellationToken cancellationToken);
}
