using CxBot.Domain.People;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.People;

[Collection(StorageCollection.Name)]
public sealed class TableStaffTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static StaffMember Api(string objectId, string name, params string[] agentIds) => new(objectId, name)
    {
        Roles = StaffRoles.Agent | StaffRoles.Supervisor,
        AgentIds = agentIds,
        Team = "Team / North",
        Queues = ["billing", "sales#1"],
        TenantId = "tenant-1",
        Source = StaffSource.Api,
    };

    [Fact]
    public async Task Upsert_ApiAndRosterEntriesOfOnePerson_AreKeptApartAndReadBackWhole()
    {
        await using var storage = await azurite.IsolatedAsync("StaffSources");
        var store = storage.Get<IStaffStore>();
        var api = Api("Obj/1", "Anna", "agent-7", "agent-8");
        var roster = new StaffMember("obj/1", "Anna (Teams)") { Roles = StaffRoles.Agent, TenantId = "tenant-1", Source = StaffSource.Roster };

        await store.UpsertAsync(api, None);
        await store.UpsertAsync(roster, None);

        var readApi = await store.FindAsync(StaffSource.Api, "OBJ/1", None);
        Assert.NotNull(readApi);
        Assert.Equal(api.DisplayName, readApi.DisplayName);
        Assert.Equal(api.Roles, readApi.Roles);
        Assert.Equal(api.AgentIds, readApi.AgentIds);
        Assert.Equal(api.Queues, readApi.Queues);
        Assert.Equal(api.Team, readApi.Team);
        Assert.Equal(api.TenantId, readApi.TenantId);
        Assert.Equal(StaffSource.Api, readApi.Source);
        Assert.Equal("Anna (Teams)", (await store.FindAsync(StaffSource.Roster, "obj/1", None))?.DisplayName);
        Assert.Equal(2, (await store.ListAsync(None)).Count);
        Assert.Single(await store.ListAsync(StaffSource.Roster, None));
    }

    [Fact]
    public async Task FindObjectIdByAgentId_FollowsTheApiEntry_WhenAgentIdsChangeHandsAndEntriesAreDeleted()
    {
        await using var storage = await azurite.IsolatedAsync("StaffAgentIndex");
        var store = storage.Get<IStaffStore>();

        await store.UpsertAsync(Api("obj-1", "Anna", "agent-7", "agent-8"), None);
        Assert.Equal("obj-1", await store.FindObjectIdByAgentIdAsync("AGENT-7", None));
        Assert.Equal("obj-1", await store.FindObjectIdByAgentIdAsync("agent-8", None));

        // agent-8 moves to Bram: dropped from Anna's entry, given to Bram's.
        await store.UpsertAsync(Api("obj-1", "Anna", "agent-7"), None);
        await store.UpsertAsync(Api("obj-2", "Bram", "agent-8"), None);
        Assert.Equal("obj-2", await store.FindObjectIdByAgentIdAsync("agent-8", None));

        Assert.True(await store.DeleteAsync(StaffSource.Api, "obj-1", None));
        Assert.False(await store.DeleteAsync(StaffSource.Api, "obj-1", None));
        Assert.Null(await store.FindObjectIdByAgentIdAsync("agent-7", None));
        Assert.Null(await store.FindAsync(StaffSource.Api, "obj-1", None));
        Assert.Equal("obj-2", await store.FindObjectIdByAgentIdAsync("agent-8", None));
        Assert.Null(await store.FindObjectIdByAgentIdAsync("agent-unknown", None));
    }

    [Fact]
    public async Task Staff_IsCreatedAtStartupWithEveryOtherTable()
    {
        await using var storage = await azurite.IsolatedAsync("StaffTable");

        Assert.Contains(storage.Names.Staff, storage.Names.AllTables);
        Assert.Empty(await storage.Get<IStaffStore>().ListAsync(None));
    }
}
