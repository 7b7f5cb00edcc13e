using CxBot.App.Conversations;
using CxBot.App.Hosting;
using CxBot.Domain.Conversations;
using CxBot.Domain.People;
using CxBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace CxBot.App.People;

/// <summary>
/// Makes the stored roster the members of the agents' team (<c>Staff:AgentsTeamId</c>): every member with an Entra
/// object id is an agent, named as Teams names them; members who left are removed. The team is read through the
/// connector's paged members API at the serviceUrl of the team's stored conversation, so the bot must have heard
/// from the team (installed there) first. A pass that cannot read every page changes nothing.
/// </summary>
public sealed partial class RosterSync(
    IStaffStore store,
    IConversationRecords conversations,
    IConnectorClient connector,
    StaffDirectory directory,
    IOptionsMonitor<StaffOptions> options,
    ILogger<RosterSync> logger) : IDisposable
{
    private const int PageSize = 500;
    private const int MaxPages = 200;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>One pass; returns the number of members on the roster, or null when the team could not be read.</summary>
    public async Task<int?> SyncAsync(CancellationToken cancellationToken)
    {
        var teamId = options.CurrentValue.AgentsTeamId;
        if (string.IsNullOrWhiteSpace(teamId))
        {
            return null;
        }

        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var team = await conversations.FindTeamAsync("msteams", teamId, cancellationToken).ConfigureAwait(false);
            if (team is null)
            {
                LogTeamUnknown(logger, teamId);
                return null;
            }

            var members = await ReadMembersAsync(StoredReferences.Parse(team.Reference).ServiceUrl, teamId, team.TenantId, cancellationToken).ConfigureAwait(false);
            if (members is null)
            {
                return null;
            }

            await ReplaceRosterAsync(members, cancellationToken).ConfigureAwait(false);
            await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);
            return members.Count;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<Dictionary<string, StaffMember>?> ReadMembersAsync(string serviceUrl, string teamId, string? tenantId, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, StaffMember>(StringComparer.OrdinalIgnoreCase);
        string? continuation = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await connector.GetPagedMembersAsync(serviceUrl, teamId, PageSize, continuation, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess || result.Value is null)
            {
                LogReadFailed(logger, teamId, result.Outcome);
                return null;
            }

            foreach (var account in result.Value.Members ?? [])
            {
                if (!string.IsNullOrWhiteSpace(account.AadObjectId) && !string.Equals(account.Role, "bot", StringComparison.OrdinalIgnoreCase))
                {
                    members[account.AadObjectId] = new StaffMember(account.AadObjectId, account.Name ?? "")
                    {
                        Roles = StaffRoles.Agent,
                        TenantId = tenantId,
                        Source = StaffSource.Roster,
                    };
                }
            }

            continuation = result.Value.ContinuationToken;
            if (string.IsNullOrEmpty(continuation))
            {
                return members;
            }
        }

        LogTooManyPages(logger, teamId, MaxPages);
        return null;
    }

    private async Task ReplaceRosterAsync(Dictionary<string, StaffMember> members, CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(StaffSource.Roster, cancellationToken).ConfigureAwait(false);
        var unchanged = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var removed = 0;
        foreach (var old in stored)
        {
            if (!members.TryGetValue(old.ObjectId, out var now))
            {
                await store.DeleteAsync(StaffSource.Roster, old.ObjectId, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            else if (now.DisplayName == old.DisplayName && now.TenantId == old.TenantId)
            {
                unchanged.Add(old.ObjectId);
            }
        }

        foreach (var member in members.Values.Where(m => !unchanged.Contains(m.ObjectId)))
        {
            await store.UpsertAsync(member, cancellationToken).ConfigureAwait(false);
        }

        LogSynced(logger, members.Count, removed);
    }

    /// <inheritdoc />
    public void Dispose() => _oneAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The agents' team {TeamId} is not known yet: install the bot in the team so it hears from it")]
    private static partial void LogTeamUnknown(ILogger logger, string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the members of the agents' team {TeamId}: {Outcome}; the roster is unchanged")]
    private static partial void LogReadFailed(ILogger logger, string teamId, ConnectorOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The agents' team {TeamId} has more than {MaxPages} pages of members; the roster is unchanged")]
    private static partial void LogTooManyPages(ILogger logger, string teamId, int maxPages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agents' roster: {Members} members, {Removed} removed")]
    private static partial void LogSynced(ILogger logger, int members, int removed);
}

/// <summary>Runs <see cref="RosterSync"/> at startup and every <c>Staff:RosterRefreshMinutes</c>.</summary>
public sealed class RosterRefresher(RosterSync roster, IOptionsMonitor<StaffOptions> options, TimeProvider time, ILogger<RosterRefresher> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        StaffDirectoryRefresher.RepeatAsync(roster.SyncAsync, () => TimeSpan.FromMinutes(options.CurrentValue.RosterRefreshMinutes), time,
            new OutageBackoff("Agents' roster refresh", logger), stoppingToken);
}
