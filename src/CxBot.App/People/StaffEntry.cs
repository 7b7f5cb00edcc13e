using System.Text.Json.Serialization;
using CxBot.Domain.People;

namespace CxBot.App.People;

/// <summary>The body of <c>PUT /api/staff/{objectId}</c>, and one row of the CSV import.</summary>
public sealed record StaffEntryRequest
{
    /// <summary>Name shown on cards.</summary>
    public string? DisplayName { get; init; }
    /// <summary><c>agent</c>, <c>supervisor</c>, <c>admin</c>; empty makes the person a customer.</summary>
    public IReadOnlyList<string?>? Roles { get; init; }
    /// <summary>The contact-center platform's agent ids of the person.</summary>
    public IReadOnlyList<string?>? AgentIds { get; init; }
    /// <summary>Team.</summary>
    public string? Team { get; init; }
    /// <summary>Queues.</summary>
    public IReadOnlyList<string?>? Queues { get; init; }
    /// <summary>Entra tenant id.</summary>
    public string? TenantId { get; init; }

    /// <summary>Fields the API does not know; rejected so that typos are not silently ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Unknown { get; set; }

    /// <summary>Every problem per field (prefixed with <paramref name="fieldPrefix"/>), or the API entry.</summary>
    public StaffMember? Validate(string? objectId, string fieldPrefix, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        void Fail(string field, string message) => errors[fieldPrefix + field] = [message];

        Text("objectId", objectId, StaffLimits.IdLength, required: true, Fail);
        Text("displayName", DisplayName, StaffLimits.NameLength, required: true, Fail);
        Text("team", Team, StaffLimits.IdLength, required: false, Fail);
        Text("tenantId", TenantId, StaffLimits.IdLength, required: false, Fail);
        List("agentIds", AgentIds, StaffLimits.MaxAgentIds, Fail);
        List("queues", Queues, StaffLimits.MaxQueues, Fail);
        var roles = StaffRoles.None;
        if (Roles is { Count: > 3 })
        {
            Fail("roles", "At most 3 roles: agent, supervisor, admin.");
        }

        for (var i = 0; i < (Roles?.Count ?? 0); i++)
        {
            if (StaffLimits.ParseRole(Roles![i]) is { } role)
            {
                roles |= role;
            }
            else
            {
                Fail($"roles[{i}]", "Unknown role; use agent, supervisor or admin.");
            }
        }

        foreach (var name in (IEnumerable<string>?)Unknown?.Keys ?? [])
        {
            Fail(name, "Unknown field.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new StaffMember(objectId!.Trim(), DisplayName!.Trim())
        {
            Roles = roles,
            AgentIds = Clean(AgentIds),
            Team = string.IsNullOrWhiteSpace(Team) ? null : Team.Trim(),
            Queues = Clean(Queues),
            TenantId = string.IsNullOrWhiteSpace(TenantId) ? null : TenantId.Trim(),
            Source = StaffSource.Api,
        };
    }

    private static void Text(string field, string? value, int max, bool required, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                fail(field, "Required.");
            }
        }
        else if (value.Trim().Length > max)
        {
            fail(field, $"At most {max} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            fail(field, "Must not contain control characters (line breaks, tabs).");
        }
    }

    private static void List(string field, IReadOnlyList<string?>? values, int maxItems, Action<string, string> fail)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > maxItems)
        {
            fail(field, $"At most {maxItems} values.");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            Text($"{field}[{i}]", values[i], StaffLimits.IdLength, required: true, fail);
            if (values[i]?.Contains(';', StringComparison.Ordinal) == true)
            {
                fail($"{field}[{i}]", "Must not contain ';' (the CSV list separator).");
            }
        }
    }

    private static string[] Clean(IReadOnlyList<string?>? values) =>
        [.. (values ?? []).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>A directory entry as the API shows it.</summary>
public sealed record StaffEntryResponse(
    string ObjectId,
    string DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> AgentIds,
    string? Team,
    IReadOnlyList<string> Queues,
    string? TenantId,
    string Source)
{
    /// <summary>The API view of an effective entry.</summary>
    public static StaffEntryResponse Of(StaffMember m) => new(
        m.ObjectId,
        m.DisplayName,
        [.. StaffLimits.RoleNames(m.Roles)],
        m.AgentIds,
        m.Team,
        m.Queues,
        m.TenantId,
        m.Source.ToString().ToLowerInvariant());
}

/// <summary>The answer of <c>POST /api/staff/import</c>.</summary>
public sealed record StaffImportResponse(int Imported);

/// <summary>The bounds of the staff API's fields and the names of the roles.</summary>
public static class StaffLimits
{
    /// <summary>Ids (object, tenant, agent ids), team and queue names.</summary>
    public const int IdLength = 128;
    /// <summary>Display names.</summary>
    public const int NameLength = 256;
    /// <summary>Agent ids per person.</summary>
    public const int MaxAgentIds = 20;
    /// <summary>Queues per person.</summary>
    public const int MaxQueues = 50;

    private static readonly (string Name, StaffRoles Role)[] Names =
        [("agent", StaffRoles.Agent), ("supervisor", StaffRoles.Supervisor), ("admin", StaffRoles.Admin)];

    /// <summary>The role a name stands for, or null.</summary>
    public static StaffRoles? ParseRole(string? name)
    {
        foreach (var (known, role) in Names)
        {
            if (string.Equals(name?.Trim(), known, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>The names of the roles held.</summary>
    public static IEnumerable<string> RoleNames(StaffRoles roles) => Names.Where(n => roles.HasFlag(n.Role)).Select(n => n.Name);
}
