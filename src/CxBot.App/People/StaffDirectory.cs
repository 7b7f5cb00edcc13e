using CxBot.Domain.People;
using Microsoft.Extensions.Options;

namespace CxBot.App.People;

/// <summary>
/// The effective staff directory, answered from memory. Three sources, with this precedence: an API entry decides
/// everything about its person (one without roles makes them a customer, whatever the others say); otherwise the
/// roles are the union of the <c>Roles:*</c> configuration and the agents' team roster, the name the roster's.
/// The stored sources are re-read every <c>Staff:CacheSeconds</c> (<see cref="StaffDirectoryRefresher"/>) and right
/// after a change on this instance; configuration applies as soon as it is reloaded.
/// </summary>
public sealed class StaffDirectory(IStaffStore store, IOptionsMonitor<RolesOptions> roles)
{
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>True once the stored sources have been read.</summary>
    public bool IsLoaded => _snapshot.Loaded;

    /// <summary>Re-reads the stored sources.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        _snapshot = Snapshot.Of(stored);
    }

    /// <summary>The person with this Entra object id, or null when no source names them.</summary>
    public StaffMember? Find(string objectId)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        var snapshot = _snapshot;
        if (snapshot.Api.TryGetValue(objectId, out var decided))
        {
            return decided;
        }

        var configured = roles.CurrentValue.RolesOf(objectId);
        if (snapshot.Roster.TryGetValue(objectId, out var member))
        {
            return member with { Roles = member.Roles | configured };
        }

        return configured == StaffRoles.None ? null : new StaffMember(objectId, "") { Roles = configured, Source = StaffSource.Configuration };
    }

    /// <summary>The person an API entry gives this platform agent id, or null.</summary>
    public StaffMember? FindByAgentId(string agentId)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        return _snapshot.AgentIds.TryGetValue(agentId, out var objectId) ? Find(objectId) : null;
    }

    /// <summary>The agent with the object id filled in when the directory knows their platform agent id.</summary>
    public PersonRef ResolveAgent(PersonRef agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (agent.ObjectId is not null || agent.AgentId is null || FindByAgentId(agent.AgentId) is not { } person)
        {
            return agent;
        }

        var name = string.IsNullOrWhiteSpace(agent.DisplayName) ? person.DisplayName : agent.DisplayName;
        return PersonRef.Agent(agent.AgentId, name, person.ObjectId);
    }

    /// <summary>Everyone any source names, as the precedence rule makes them, by name then object id.</summary>
    public IReadOnlyList<StaffMember> List()
    {
        var snapshot = _snapshot;
        var ids = snapshot.Api.Keys.Concat(snapshot.Roster.Keys).Concat(roles.CurrentValue.AllObjectIds)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return [.. ids.Select(Find).OfType<StaffMember>()
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(m => m.ObjectId, StringComparer.OrdinalIgnoreCase)];
    }

    private sealed record Snapshot(
        bool Loaded,
        IReadOnlyDictionary<string, StaffMember> Api,
        IReadOnlyDictionary<string, StaffMember> Roster,
        IReadOnlyDictionary<string, string> AgentIds)
    {
        public static readonly Snapshot Empty = new(false, Index([]), Index([]), new Dictionary<string, string>());

        public static Snapshot Of(IReadOnlyList<StaffMember> stored)
        {
            var api = Index(stored.Where(m => m.Source == StaffSource.Api));
            var agentIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in api.Values)
            {
                foreach (var agentId in member.AgentIds)
                {
                    agentIds.TryAdd(agentId, member.ObjectId);
                }
            }

            return new Snapshot(true, api, Index(stored.Where(m => m.Source == StaffSource.Roster)), agentIds);
        }

        private static Dictionary<string, StaffMember> Index(IEnumerable<StaffMember> members)
        {
            var index = new Dictionary<string, StaffMember>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in members)
            {
                index[member.ObjectId] = member;
            }

            return index;
        }
    }
}
