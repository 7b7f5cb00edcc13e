using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.People;
using CxBot.App.Tests.Support;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.People;

/// <summary>The directory's three sources (configuration, API, the agents' team roster) and the precedence rule between them.</summary>
[Collection(AppAzurite.Name)]
public sealed class StaffDirectoryTests(AzuriteProcess azurite)
{
    private static string NewId() => Guid.NewGuid().ToString();

    private static ChannelAccount Member(string aad, string name) => new() { Id = "29:" + aad[..8], Name = name, AadObjectId = aad, Role = "user" };

    [Fact]
    public async Task Configuration_AdminsSupervisorsAndAgents_GiveRoles_ButNotToWebChatUsers()
    {
        var admin = new TeamsUser(NewId(), "Ada Admin");
        using var app = new CxBotAppFactory(azurite, StaffApi.Settings(("Roles:Admins:0", admin.AadObjectId.ToUpperInvariant())));
        await app.PostActivityAsync(admin.Text("hello"));

        Assert.Equal(UserRole.Admin, StaffApi.RoleOf(app.Services, admin));
        Assert.Equal(UserRole.Supervisor, StaffApi.RoleOf(app.Services, TestPeople.Supervisor()));
        Assert.Equal(UserRole.Agent, StaffApi.RoleOf(app.Services, TestPeople.Agent()));
        Assert.Equal(UserRole.Customer, StaffApi.RoleOf(app.Services, TestPeople.NewCustomer()));
        var webChat = admin.Text("hello");
        webChat["channelId"] = "webchat";
        Assert.Equal(UserRole.Customer, StaffApi.RoleOf(app.Services, webChat));
        Assert.Equal(StaffSource.Configuration, app.Services.GetRequiredService<StaffDirectory>().Find(admin.AadObjectId)?.Source);
    }

    [Fact]
    public async Task BeforeTheStoredDirectoryIsRead_ConfigurationAloneMakesNobodyStaff_AndTheAppReadsItBeforeItTakesRequests()
    {
        var roles = new StaticRoles(new RolesOptions { Supervisors = [CxBotAppFactory.SupervisorAad] });
        var unread = new StaffDirectory(new UnreadableStore(), roles);
        var supervisor = TestPeople.Supervisor().Text("help");

        Assert.False(unread.IsLoaded);
        Assert.Equal(UserRole.Customer, new RoleResolver(unread).Resolve(Protocol.Schema.ProtocolJson.ParseActivity(System.Text.Encoding.UTF8.GetBytes(supervisor.ToJsonString()))!));

        using var app = new CxBotAppFactory(azurite, StaffApi.Settings());
        using var client = app.CreateClient();
        Assert.True(app.Services.GetRequiredService<StaffDirectory>().IsLoaded);
    }

    private sealed class StaticRoles(RolesOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<RolesOptions>
    {
        public RolesOptions CurrentValue => value;
        public RolesOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<RolesOptions, string?> listener) => null;
    }

    private sealed class UnreadableStore : IStaffStore
    {
        public Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken) => throw new TimeoutException("Storage does not answer.");
        public Task<IReadOnlyList<StaffMember>> ListAsync(StaffSource source, CancellationToken cancellationToken) => throw new TimeoutException("Storage does not answer.");
        public Task<StaffMember?> FindAsync(StaffSource source, string objectId, CancellationToken cancellationToken) => throw new TimeoutException("Storage does not answer.");
        public Task<string?> FindObjectIdByAgentIdAsync(string agentId, CancellationToken cancellationToken) => throw new TimeoutException("Storage does not answer.");
        public Task UpsertAsync(StaffMember member, CancellationToken cancellationToken) => throw new TimeoutException("Storage does not answer.");
        public Task<bool> DeleteAsync(StaffSource source, string objectId, CancellationToken cancellationToken) => throw new TimeoutException("Storage does not answer.");
    }

    [Fact]
    public async Task Api_EntryWithoutRoles_MakesAConfiguredSupervisorACustomer_UntilItIsDeleted()
    {
        using var app = new CxBotAppFactory(azurite, StaffApi.Settings());
        var client = app.CreateClient();
        var supervisor = TestPeople.Supervisor();

        using var put = await StaffApi.PutAsync(client, supervisor.AadObjectId, StaffApi.Entry("Sam, former supervisor"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(UserRole.Customer, StaffApi.RoleOf(app.Services, supervisor));

        using var delete = await StaffApi.SendAsync(client, HttpMethod.Delete, "/api/staff/" + supervisor.AadObjectId);
        Assert.Equal(UserRole.Supervisor, StaffApi.RoleOf(app.Services, supervisor));
    }

    [Fact]
    public async Task Roster_ReadsEveryPageOfTheTeam_MembersAreAgentsNamedByTeams_UnionWithConfiguration_ButAnApiEntryDecides()
    {
        var (first, second, decided) = (NewId(), NewId(), NewId());
        using var app = new CxBotAppFactory(azurite, StaffApi.Settings(("Staff:AgentsTeamId", TeamsUser.TeamId)));
        var client = app.CreateClient();
        var supervisor = TestPeople.Supervisor();
        // The bot hears from the team: that is where the serviceUrl to read its members comes from.
        await app.PostActivityAsync(supervisor.InChannel(supervisor.Text("hello")));
        app.Connector.Responder = call => call.Operation != ConnectorOperation.GetPagedMembers ? null
            : call.ContinuationToken is null
                ? ConnectorResult.Ok(new PagedMembersResult([Member(first, "Ilse Eerste"), Member(CxBotAppFactory.SupervisorAad, "Sam (Teams)")], "page-2"))
                : ConnectorResult.Ok(new PagedMembersResult([Member(second, "Tom Tweede"), Member(decided, "Dirk"), new ChannelAccount { Id = "28:bot", Role = "bot" }], null));
        using var put = await StaffApi.PutAsync(client, decided, StaffApi.Entry("Dirk Decided", "supervisor"));

        var members = await app.Services.GetRequiredService<RosterSync>().SyncAsync(CancellationToken.None);

        Assert.Equal(4, members);
        var calls = app.Connector.CallsOf(ConnectorOperation.GetPagedMembers);
        Assert.Contains(calls, c => c.ContinuationToken == "page-2" && c.ConversationId == TeamsUser.TeamId && c.ServiceUrl == TeamsUser.ServiceUrl);
        var directory = app.Services.GetRequiredService<StaffDirectory>();
        Assert.Equal(("Ilse Eerste", StaffRoles.Agent), (directory.Find(first)!.DisplayName, directory.Find(first)!.Roles));
        Assert.Equal(StaffRoles.Agent, directory.Find(second)!.Roles);
        Assert.Equal(TeamsUser.TenantId, directory.Find(second)!.TenantId);
        // Configuration and roster add up; the name comes from the roster.
        Assert.Equal(("Sam (Teams)", StaffRoles.Agent | StaffRoles.Supervisor), (directory.Find(CxBotAppFactory.SupervisorAad)!.DisplayName, directory.Find(CxBotAppFactory.SupervisorAad)!.Roles));
        // The API entry decides: a supervisor only, under the API's name, whatever the roster says.
        Assert.Equal(("Dirk Decided", StaffRoles.Supervisor), (directory.Find(decided)!.DisplayName, directory.Find(decided)!.Roles));
        Assert.Equal(UserRole.Agent, StaffApi.RoleOf(app.Services, new TeamsUser(first, "Ilse")));
    }

    [Fact]
    public async Task Roster_MembersWhoLeftTheTeam_AreRemovedByTheNextScheduledRefresh()
    {
        var (stays, leaves) = (NewId(), NewId());
        using var app = new CxBotAppFactory(azurite, StaffApi.Settings(("Staff:AgentsTeamId", TeamsUser.TeamId), ("Staff:RosterRefreshMinutes", "60")));
        var supervisor = TestPeople.Supervisor();
        await app.PostActivityAsync(supervisor.InChannel(supervisor.Text("hello")));
        app.Connector.AddMembers(TeamsUser.TeamId, Member(stays, "Stay"), Member(leaves, "Leave"));
        var roster = app.Services.GetRequiredService<RosterSync>();
        var directory = app.Services.GetRequiredService<StaffDirectory>();
        Assert.Equal(2, await roster.SyncAsync(CancellationToken.None));
        Assert.Equal(UserRole.Agent, directory.Find(leaves)?.Role);

        app.Connector.Reset();
        app.Connector.AddMembers(TeamsUser.TeamId, Member(stays, "Stay"));
        await Poll.UntilAsync(() =>
        {
            app.Time.Advance(TimeSpan.FromMinutes(60));
            return directory.Find(leaves) is null;
        }, TimeSpan.FromSeconds(20), "the hourly roster refresh to drop the leaver");

        Assert.Equal(UserRole.Agent, directory.Find(stays)?.Role);
        var stored = await app.Services.GetRequiredService<IStaffStore>().ListAsync(StaffSource.Roster, CancellationToken.None);
        Assert.Equal([stays], stored.Select(m => m.ObjectId));
    }

    [Fact]
    public async Task Roster_TeamReadFails_KeepsTheRoster()
    {
        var member = NewId();
        using var app = new CxBotAppFactory(azurite, StaffApi.Settings(("Staff:AgentsTeamId", TeamsUser.TeamId)));
        var supervisor = TestPeople.Supervisor();
        await app.PostActivityAsync(supervisor.InChannel(supervisor.Text("hello")));
        app.Connector.AddMembers(TeamsUser.TeamId, Member(member, "Mia"));
        var roster = app.Services.GetRequiredService<RosterSync>();
        await roster.SyncAsync(CancellationToken.None);

        app.Connector.Responder = call => call.Operation == ConnectorOperation.GetPagedMembers ? ConnectorResult.Throttled(TimeSpan.FromSeconds(1)) : null;

        Assert.Null(await roster.SyncAsync(CancellationToken.None));
        Assert.Equal(UserRole.Agent, app.Services.GetRequiredService<StaffDirectory>().Find(member)?.Role);
    }

    [Fact]
    public async Task AnsweredSurveyAndItsFollowUp_NameTheAgentsObjectId_FromThePlatformAgentId()
    {
        var agent = NewId();
        using var app = new CxBotAppFactory(azurite, StaffApi.Settings());
        var body = StaffApi.Entry(SurveyFlow.AgentName, "agent");
        body["agentIds"] = new JsonArray(SurveyFlow.AgentId);
        using var put = await StaffApi.PutAsync(app.CreateClient(), agent, body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var followUp = await new SurveyFlow(app).OpenFollowUpAsync();

        var response = await app.Services.GetRequiredService<CxBot.App.Surveys.SurveyResponseLookup>().FindByContactAsync(followUp.ContactId, CancellationToken.None);
        Assert.Equal(PersonRef.Agent(SurveyFlow.AgentId, SurveyFlow.AgentName, agent), response?.Agent);
        var stored = await app.Services.GetRequiredService<IFollowUps>().GetAsync(followUp.FollowUpId, CancellationToken.None);
        Assert.Equal(agent, stored?.Agent.ObjectId);
        Assert.Equal(agent, app.Services.GetRequiredService<StaffDirectory>().ResolveAgent(PersonRef.Agent(SurveyFlow.AgentId.ToUpperInvariant(), "")).ObjectId);
    }
}
