using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Integrations;
using CxBot.App.People;
using CxBot.App.Tests.Support;
using CxBot.Domain.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.People;

/// <summary><c>/api/staff</c>: keys and scopes, validation, CSV import, and that writes apply at once on this instance.</summary>
[Collection(AppAzurite.Name)]
public sealed class StaffApiTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite, StaffApi.Settings());

    public void Dispose() => _app.Dispose();

    private static string NewId() => Guid.NewGuid().ToString();

    [Fact]
    public async Task PutGetListDelete_RoundTrip_IsIdempotent_AndChangesTheRoleAtOnce()
    {
        var client = _app.CreateClient();
        var user = new TeamsUser(NewId(), "Fleur Admin");
        var body = StaffApi.Entry("Fleur de Wit", "Admin", "agent");
        body["agentIds"] = new JsonArray("cc-1001", "cc-1002");
        body["team"] = "North";
        body["queues"] = new JsonArray("billing");
        body["tenantId"] = TeamsUser.TenantId;

        using var first = await StaffApi.PutAsync(client, user.AadObjectId, body);
        using var second = await StaffApi.PutAsync(client, user.AadObjectId, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(UserRole.Admin, StaffApi.RoleOf(_app.Services, user));

        using var get = await StaffApi.SendAsync(client, HttpMethod.Get, "/api/staff/" + user.AadObjectId);
        var entry = (await get.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Fleur de Wit", entry["displayName"]!.GetValue<string>());
        Assert.Equal(["agent", "admin"], entry["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["cc-1001", "cc-1002"], entry["agentIds"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("North", entry["team"]!.GetValue<string>());
        Assert.Equal("api", entry["source"]!.GetValue<string>());

        using var list = await StaffApi.SendAsync(client, HttpMethod.Get, "/api/staff");
        var ids = (await list.Content.ReadFromJsonAsync<JsonArray>())!.Select(e => e!["objectId"]!.GetValue<string>()).ToList();
        Assert.Contains(user.AadObjectId, ids);
        Assert.Contains(CxBotAppFactory.SupervisorAad, ids);

        using var deleted = await StaffApi.SendAsync(client, HttpMethod.Delete, "/api/staff/" + user.AadObjectId);
        using var deletedAgain = await StaffApi.SendAsync(client, HttpMethod.Delete, "/api/staff/" + user.AadObjectId);
        using var gone = await StaffApi.SendAsync(client, HttpMethod.Get, "/api/staff/" + user.AadObjectId);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deletedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(UserRole.Customer, StaffApi.RoleOf(_app.Services, user));
    }

    public static TheoryData<string, string, string> BadEntries => new()
    {
        { """{"displayName":"A","roles":["agent","boss"]}""", "a", "roles[1]" },
        { """{"roles":["agent"]}""", "a", "displayName" },
        { "{\"displayName\":\"" + new string('x', 257) + "\"}", "a", "displayName" },
        { """{"displayName":"A"}""", new string('o', 129), "objectId" },
        { "{\"displayName\":\"A\",\"agentIds\":[\"" + new string('1', 129) + "\"]}", "a", "agentIds[0]" },
        { "{\"displayName\":\"A\",\"team\":\"" + new string('t', 129) + "\"}", "a", "team" },
        { "{\"displayName\":\"A\",\"queues\":[\"q;r\"]}", "a", "queues[0]" },
        { """{"displayName":"A","tenantId":"line\nbreak"}""", "a", "tenantId" },
        { """{"displayName":"A","role":"agent"}""", "a", "role" },
        { """{"displayName":"A","roles":"agent"}""", "a", "roles" },
        { "not json", "a", "body" },
        { """{"displayName":"A\ud800"}""", "a", "body" },
        { """{"displayName":"A","DisplayName":"B"}""", "a", "body" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task Put_BadInput_Is400ProblemNamingTheField_AndStoresNothing(string json, string objectId, string field)
    {
        var client = _app.CreateClient();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await StaffApi.SendAsync(client, HttpMethod.Put, "/api/staff/" + objectId, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"errors should name {field}: {problem.ToJsonString()}");
        using var get = await StaffApi.SendAsync(client, HttpMethod.Get, "/api/staff/" + objectId);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task NoOrUnknownKey_Is401_AndAKeyOfAnotherScopeIs403()
    {
        var client = _app.CreateClient();

        using var none = await StaffApi.SendAsync(client, HttpMethod.Get, "/api/staff", key: null);
        using var unknown = await StaffApi.SendAsync(client, HttpMethod.Get, "/api/staff", key: "not-a-configured-key");
        using var contactsKey = await StaffApi.PutAsync(client, NewId(), StaffApi.Entry("X", "admin"), key: CxBotAppFactory.ApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, contactsKey.StatusCode);
        Assert.Contains("Staff", (await contactsKey.ReadProblemAsync(HttpStatusCode.Forbidden))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await none.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Contacts_TakeTheLegacyKeyAndAScopedKey_ButRefuseTheStaffKeyWith403()
    {
        using var app = new CxBotAppFactory(azurite, StaffApi.Settings(("Api:Keys:Contacts:0", ApiKeyVerifier.Hash("scoped-contacts-key"))));

        using var legacy = await app.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), app), CxBotAppFactory.ApiKey);
        using var scoped = await app.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), app), "scoped-contacts-key");
        using var staff = await app.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), app), StaffApi.Key);

        Assert.Equal(HttpStatusCode.Accepted, legacy.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, scoped.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
    }

    [Fact]
    public void Startup_ThreeKeysOfOneScope_Fails()
    {
        var error = StartupFailure.Of(() => new CxBotAppFactory(azurite, StaffApi.Settings(
            ("Api:Keys:Staff:1", ApiKeyVerifier.Hash("b")), ("Api:Keys:Staff:2", ApiKeyVerifier.Hash("c")))));

        Assert.Contains("Staff", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_KeysUnderANameThatIsNoScope_Fails()
    {
        var error = StartupFailure.Of(() => new CxBotAppFactory(azurite, StaffApi.Settings(("Api:Keys:Reports:0", ApiKeyVerifier.Hash("r")))));

        Assert.Contains("Api:Keys:Reports", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_GoodCsv_UpsertsEveryRow_AndIsIdempotent()
    {
        var client = _app.CreateClient();
        var (a, b) = (NewId(), NewId());
        var csv = $"objectId,displayName,roles,agentIds,team,queues,tenantId\r\n" +
                  $"{a},\"Jansen, Piet\",agent;supervisor,cc-1;cc-2,North,billing;sales,{TeamsUser.TenantId}\r\n" +
                  $"{b},Eva,,,,,\r\n";

        using var first = await StaffApi.ImportAsync(client, csv);
        using var second = await StaffApi.ImportAsync(client, csv);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonObject>())!["imported"]!.GetValue<int>());
        using var get = await StaffApi.SendAsync(client, HttpMethod.Get, "/api/staff/" + a);
        var entry = (await get.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Jansen, Piet", entry["displayName"]!.GetValue<string>());
        Assert.Equal(["billing", "sales"], entry["queues"]!.AsArray().Select(q => q!.GetValue<string>()));
        Assert.Equal(UserRole.Supervisor, StaffApi.RoleOf(_app.Services, new TeamsUser(a, "Piet")));
        Assert.Equal(UserRole.Customer, StaffApi.RoleOf(_app.Services, new TeamsUser(b, "Eva")));
    }

    [Fact]
    public async Task Import_BadRow_Is400NamingRowAndField_AndStoresNoRowAtAll()
    {
        var client = _app.CreateClient();
        var (good, bad) = (NewId(), NewId());
        var csv = $"objectId,displayName,roles\n{good},Good Row,agent\n{bad},Bad Row,agent;chief\n";

        using var response = await StaffApi.ImportAsync(client, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["row 3: roles[1]"], errors.Select(e => e.Key));
        using var get = await StaffApi.SendAsync(client, HttpMethod.Get, "/api/staff/" + good);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Theory]
    [InlineData("displayName,roles\nA,agent\n", "header: objectId")]
    [InlineData("objectId,displayName,boss\na,A,x\n", "header: boss")]
    [InlineData("objectId,displayName\na,A,extra\n", "row 2: columns")]
    [InlineData("objectId,displayName\na,A\nA,Again\n", "row 3: objectId")]
    [InlineData("objectId,displayName\na,\"not closed\n", "row 2")]
    public async Task Import_BadShape_Is400NamingWhere(string csv, string field)
    {
        using var response = await StaffApi.ImportAsync(_app.CreateClient(), csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Import_NotCsv_Is415()
    {
        using var response = await StaffApi.SendAsync(_app.CreateClient(), HttpMethod.Post, "/api/staff/import", JsonContent.Create(new JsonObject()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task AgentIdHeldByAnotherPerson_Is409NamingTheField_ForPutAndImport()
    {
        var client = _app.CreateClient();
        var (holder, other) = (NewId(), NewId());
        var agentId = "cc-" + NewId();
        var body = StaffApi.Entry("Holder", "agent");
        body["agentIds"] = new JsonArray(agentId);
        using var held = await StaffApi.PutAsync(client, holder, body);
        using var again = await StaffApi.PutAsync(client, holder, body);

        using var taken = await StaffApi.PutAsync(client, other, body);
        using var imported = await StaffApi.ImportAsync(client, $"objectId,displayName,agentIds\n{other},Other,{agentId}\n");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await taken.ReadProblemAsync(HttpStatusCode.Conflict))["errors"]!.AsObject().ContainsKey("agentIds[0]"));
        Assert.True((await imported.ReadProblemAsync(HttpStatusCode.Conflict))["errors"]!.AsObject().ContainsKey("row 2: agentIds[0]"));
        Assert.Equal(holder, _app.Services.GetRequiredService<StaffDirectory>().FindByAgentId(agentId)?.ObjectId);
    }
}
