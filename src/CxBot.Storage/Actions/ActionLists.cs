using CxBot.Domain.Actions;

namespace CxBot.Storage.Actions;

/// <summary>The partitions of <c>ActionIndex</c>: which lists an action is in. Each list is one partition, read with one query.</summary>
internal static class ActionLists
{
    /// <summary>A tenant's actions in one status.</summary>
    public static string ForStatus(string? tenantId, ActionStatus status) => TableKeys.Join("status", Tenant(tenantId), status.ToString());

    /// <summary>Every tenant's actions in one status (for the background passes).</summary>
    public static string EveryTenant(ActionStatus status) => TableKeys.Join("all", status.ToString());

    /// <summary>A tenant's actions owned by a department (its name lower case, inner spaces collapsed).</summary>
    public static string ForDepartment(string? tenantId, string department) => TableKeys.Join("dept", Tenant(tenantId), DepartmentKey(department));

    /// <summary>The lists <paramref name="action"/> belongs in now.</summary>
    public static IReadOnlyList<string> Of(ImprovementAction action)
    {
        var lists = new List<string> { ForStatus(action.TenantId, action.Status), EveryTenant(action.Status) };
        lists.AddRange(Departments(action).Select(d => ForDepartment(action.TenantId, d)));
        return lists.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The departments an action is listed under: the owning department and the owner when a department owns it.</summary>
    public static IEnumerable<string> Departments(ImprovementAction action) =>
        new[] { action.Details.Owner.Department, action.Details.OwningDepartment }
            .Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => DepartmentKey(d!)).Distinct(StringComparer.Ordinal);

    /// <summary>The entry's row key: newest first, the id keeps two actions of one tick apart.</summary>
    public static string RowKey(ImprovementAction action) => TableKeys.Join(TableKeys.InvertedTicks(action.ProposedAt), action.ActionId);

    /// <summary>Lower case, trimmed, inner spaces collapsed.</summary>
    public static string DepartmentKey(string department) =>
        string.Join(' ', department.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();

    private static string Tenant(string? tenantId) => string.IsNullOrWhiteSpace(tenantId) ? "-" : tenantId.Trim().ToLowerInvariant();
}
