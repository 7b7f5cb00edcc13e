using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CxBot.App.Hosting;
using CxBot.App.Tests.Support;
using CxBot.Domain.Conversations;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Hosting;

/// <summary>
/// The edges of <c>POST /api/messages</c>: the fields every turn needs, the bounds on what is stored, and JSON that binds
/// but could not be written again (lone surrogates, repeated names, deep nesting); each a 4xx and never a 5xx.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class ActivityEdgeTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _factory = new(azurite);

    public void Dispose() => _factory.Dispose();

    private IConversationRecords Records => _factory.Services.GetRequiredService<IConversationRecords>();

    [Theory]
    [InlineData("channelId", "channelId")]
    [InlineData("serviceUrl", "serviceUrl")]
    [InlineData("conversation", "conversation")]
    [InlineData("conversation.id", "conversation.id")]
    [InlineData("from", "from")]
    [InlineData("from.id", "from.id")]
    [InlineData("type", "type")]
    public async Task Post_WithoutAFieldEveryTurnNeeds_Is400NamingIt(string remove, string field)
    {
        var user = TestPeople.NewCustomer();
        var activity = user.Text("help");
        var path = remove.Split('.');
        (path.Length == 1 ? activity : activity[path[0]]!.AsObject()).Remove(path[^1]);

        var response = await _factory.PostActivityAsync(activity);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Empty(_factory.Connector.Calls);
    }

    [Theory]
    [InlineData("from.name", 300)]
    [InlineData("locale", 40)]
    [InlineData("conversation.id", 300)]
    [InlineData("recipient.id", 300)]
    [InlineData("conversation.tenantId", 300)]
    [InlineData("text", InputLimits.TextLength + 1)]
    public async Task Post_StoredValueOverItsBound_Is400NamingIt(string field, int length)
    {
        var activity = TestPeople.NewCustomer().Text("help");
        var path = field.Split('.');
        var owner = path.Length == 1 ? activity : activity[path[0]]!.AsObject();
        owner[path[^1]] = new string('n', length);

        var response = await _factory.PostActivityAsync(activity);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task Post_TeamIdThatOutgrowsATableKeyOnceEscaped_Is400()
    {
        var user = TestPeople.NewCustomer();
        var activity = user.InChannel(user.Text("help"));
        // 200 characters, but 600 once '/' is escaped for a key: more than a key holds.
        activity["channelData"]!["team"] = new JsonObject { ["id"] = new string('/', 200) };

        var response = await _factory.PostActivityAsync(activity);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("channelData.team.id", problem["field"]!.GetValue<string>());
    }

    // Each id within 256 characters, but the key built from it is longer than a key holds: the team's conversations
    // partition (teamconv|channel|team, '/' escaped to three characters), the tenant's Entra partition ('|' escaped when
    // joined) and the activity ledger's row (channel|conversation|activity).
    [Theory]
    [InlineData("channelData.team.id")]
    [InlineData("conversation.tenantId")]
    [InlineData("id")]
    public async Task Post_IdsThatMakeACompositeKeyTooLong_Is400NamingTheField_AndStoresNothing(string field)
    {
        var user = TestPeople.NewCustomer();
        var activity = user.InChannel(user.Text("help"));
        switch (field)
        {
            case "channelData.team.id":
                activity["channelData"]!["team"] = new JsonObject { ["id"] = new string('/', 170) };
                break;
            case "conversation.tenantId":
                activity["conversation"]!["tenantId"] = new string('|', 256);
                break;
            default:
                activity["conversation"]!["id"] = new string('c', 256);
                activity["id"] = new string('/', 100);
                break;
        }

        var response = await _factory.PostActivityAsync(activity);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Empty(_factory.Connector.Calls);
        Assert.Null(await Records.FindConversationAsync("msteams", activity["conversation"]!["id"]!.GetValue<string>(), CancellationToken.None));
    }

    [Fact]
    public async Task Post_ConversationIdAtTheLimit_IsHandledAndRecorded()
    {
        var user = TestPeople.NewCustomer();
        var activity = user.Text("help");
        var conversationId = "a:" + new string('c', InputLimits.IdLength - 2);
        activity["conversation"]!["id"] = conversationId;

        var response = await _factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await Records.FindConversationAsync("msteams", conversationId, CancellationToken.None));
    }

    [Fact]
    public async Task Post_AccountsWithHugeExtensionData_AreHandledAndStoredWithoutIt()
    {
        var user = TestPeople.NewCustomer();
        var activity = user.Text("help");
        // Together more than a string column holds; only the typed fields are kept in the stored reference.
        activity["from"]!["profile"] = new string('p', 60_000);
        activity["conversation"]!["notes"] = new string('q', 60_000);

        var response = await _factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId));
        var record = await Records.FindConversationAsync("msteams", user.PersonalConversationId, CancellationToken.None);
        Assert.NotNull(record);
        Assert.DoesNotContain("profile", record.Reference, StringComparison.Ordinal);
        Assert.DoesNotContain("notes", record.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithUtf8ByteOrderMark_IsHandled()
    {
        var user = TestPeople.NewCustomer();
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(user.Text("help").ToJsonString())).ToArray();

        var response = await _factory.PostRawActivityAsync(AppHttp.Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId));
    }

    [Theory]
    [InlineData("value", "{\"x\":\"a\\ud800\"}")]
    [InlineData("channelData", "{\"tenant\":{\"id\":\"\\udc00\"}}")]
    [InlineData("entities", "[{\"type\":\"clientInfo\",\"locale\":\"\\ud83d\"}]")]
    [InlineData("futureField", "\"\\ud800\\u0041\"")]
    [InlineData("from", "{\"id\":\"29:x\",\"extra\":\"\\udfff\"}")]
    public async Task Post_LoneSurrogateAnywhere_Is400(string field, string json)
    {
        var response = await _factory.PostRawActivityAsync(AppHttp.Body(AppHttp.WithRawValue(TestPeople.NewCustomer().Text("help"), field, json)));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The body is not a valid activity.", problem["detail"]!.GetValue<string>());
        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task Post_RawSurrogateBytes_Is400()
    {
        var json = Encoding.UTF8.GetBytes(AppHttp.WithRawValue(TestPeople.NewCustomer().Text("help"), "futureField", "\"@\""));
        var at = Array.IndexOf(json, (byte)'@');
        byte[] body = [.. json[..at], 0xED, 0xA0, 0x80, .. json[(at + 1)..]];

        var response = await _factory.PostRawActivityAsync(AppHttp.Body(body));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("channelData", "{\"tenant\":{\"id\":\"a\"},\"tenant\":{\"id\":\"b\"}}")]
    [InlineData("value", "{\"verb\":\"help\",\"Verb\":\"other\"}")]
    [InlineData("entities", "[{\"type\":\"mention\",\"type\":\"clientInfo\"}]")]
    public async Task Post_ObjectNamingAPropertyTwice_Is400(string field, string json)
    {
        var response = await _factory.PostRawActivityAsync(AppHttp.Body(AppHttp.WithRawValue(TestPeople.NewCustomer().Text("help"), field, json)));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task Post_NestedAThousandLevelsDeep_Is400()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 1000)) + string.Concat(Enumerable.Repeat("]", 1000));

        var response = await _factory.PostRawActivityAsync(AppHttp.Body(AppHttp.WithRawValue(TestPeople.NewCustomer().Text("help"), "futureField", deep)));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
