using CxBot.App.People;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// Who may see whose figures. Per-agent figures are personal data about employees: an agent's figures are shown only to
/// their own supervisors (a supervisor whose staff-directory team is the agent's team) and to admins, never to a channel
/// audience, and not at all when <c>Privacy:AgentReporting</c> is false.
/// </summary>
public sealed class SummaryAudience(StaffDirectory directory, IOptionsMonitor<PrivacyOptions> privacy)
{
    /// <summary>True when per-agent figures may be shown in this deployment.</summary>
    public bool AgentReporting => privacy.CurrentValue.AgentReporting;

    /// <summary>True when <paramref name="viewer"/> supervises <paramref name="agent"/>.</summary>
    public static bool Supervises(StaffMember? viewer, StaffMember agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return viewer?.Role switch
        {
            UserRole.Admin => true,
            UserRole.Supervisor => !string.IsNullOrWhiteSpace(viewer.Team)
                && string.Equals(viewer.Team.Trim(), agent.Team?.Trim(), StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="viewer"/> may see the figures of the platform agent <paramref name="agentId"/>
    /// (an id the directory does not know is visible to admins only).</summary>
    public bool MaySeeAgent(StaffMember? viewer, string agentId)
    {
        if (!AgentReporting || viewer is null)
        {
            return false;
        }

        var agent = AgentById(agentId);
        return agent is null ? viewer.Role == UserRole.Admin : Supervises(viewer, agent);
    }

    /// <summary>True when <paramref name="viewer"/> may read a summary or a drill-down of <paramref name="scope"/>.</summary>
    public bool MaySee(StaffMember? viewer, ReportScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Agent is not { } agentId || MaySeeAgent(viewer, agentId);
    }

    /// <summary>The agents whose rows <paramref name="viewer"/> may see, by name; empty for a channel audience or when switched off.</summary>
    public IReadOnlyList<StaffMember> AgentsFor(StaffMember? viewer)
    {
        if (!AgentReporting || viewer is null || viewer.Role < UserRole.Supervisor)
        {
            return [];
        }

        return [.. directory.List().Where(m => m.Roles.HasFlag(StaffRoles.Agent) && m.AgentIds.Count > 0 && Supervises(viewer, m))];
    }

    /// <summary>The directory's person with this platform agent id (case-insensitive, normalised as scopes are), or null.</summary>
    public StaffMember? AgentById(string agentId)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        var wanted = ReportScope.Normalize(agentId);
        return directory.FindByAgentId(agentId)
            ?? directory.List().FirstOrDefault(m => m.AgentIds.Any(id => ReportScope.Normalize(id) == wanted));
    }

    /// <summary>Every agent id of the person behind <paramref name="agentId"/> (one person may have several), normalised.</summary>
    public IReadOnlyList<string> AgentIdsOf(string agentId)
    {
        var person = AgentById(agentId);
        return person is null ? [ReportScope.Normalize(agentId)] : [.. person.AgentIds.Select(ReportScope.Normalize).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The agent id a name or id typed after <c>agent</c> stands for: a directory name, else one of the ids it knows,
    /// else a single word taken as a platform agent id; null for an unknown name of several words.</summary>
    public string? ResolveAgent(string nameOrId)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        var text = nameOrId.Trim();
        var byName = directory.List().FirstOrDefault(m => m.AgentIds.Count > 0 && string.Equals(m.DisplayName.Trim(), text, StringComparison.OrdinalIgnoreCase));
        if (byName is not null)
        {
            return byName.AgentIds[0];
        }

        if (AgentById(text) is { } byId)
        {
            return byId.AgentIds.First(id => ReportScope.Normalize(id) == ReportScope.Normalize(text));
        }

        return text.Contains(' ', StringComparison.Ordinal) ? null : text;
    }

    /// <summary>The name to show for an agent id: the directory's, else the id.</summary>
    public string NameOf(string agentId)
    {
        var name = AgentById(agentId)?.DisplayName;
        return string.IsNullOrWhiteSpace(name) ? agentId : name;
    }
}
