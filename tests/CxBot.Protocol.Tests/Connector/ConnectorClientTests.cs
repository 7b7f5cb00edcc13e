using System.Net;
using System.Text.Json.Nodes;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;

namespace CxBot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests
{
    private const string Teams = ConnectorTestHost.Teams;
    private const string ChannelThread = "19:abc@thread.skype;messageid=123";
    private const string EscapedChannelThread = "19%3Aabc%40thread.skype%3Bmessageid%3D123";

    [Fact]
    public async Task SendAsync_PostsActivityToConversationActivities()
    {
        var stub = new StubHttpHandler(Respond.Json(HttpStatusCode.Created, """{"id":"1700000000001"}"""));
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(Teams, ChannelThread, OutboundActivity.WithText("hello"));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        Assert.Equal("1700000000001", result.Value?.Id);
        var request = stub.Single;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://smba.trafficmanager.net/amer/v3/conversations/{EscapedChannelThread}/activities", request.Uri.AbsoluteUri);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("""{"type":"message","text":"hello","textFormat":"plain"}""", request.Body);
    }

    [Fact]
    public async Task ReplyAsync_PostsToTheActivityAndSetsReplyToId()
    {
        var stub = new StubHttpHandler(Respond.Json(HttpStatusCode.Created, """{"id":"2"}"""));
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.ReplyAsync(Teams, "a:1x", "1;9", OutboundActivity.WithText("hi"));

        Assert.Equal("2", result.Value?.Id);
        var request = stub.Single;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1x/activities/1%3B9", request.Uri.AbsoluteUri);
        Assert.Equal("1;9", JsonNode.Parse(request.Body!)!["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateAsync_PutsActivityToTheActivity()
    {
        var stub = new StubHttpHandler(Respond.Json(HttpStatusCode.OK, """{"id":"42"}"""));
        using var host = ConnectorTestHost.Create(stub);
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" };

        var result = await host.Client.UpdateAsync(Teams, "a:1x", "42", OutboundActivity.WithCard(card));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal("42", result.Value?.Id);
        var request = stub.Single;
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1x/activities/42", request.Uri.AbsoluteUri);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("42", body["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_NewActivity_CarriesNoId()
    {
        var stub = new StubHttpHandler(Respond.Json(HttpStatusCode.Created, """{"id":"7"}"""));
        using var host = ConnectorTestHost.Create(stub);

        await host.Client.SendAsync(Teams, "a:1x", OutboundActivity.WithText("hi"));

        Assert.Null(JsonNode.Parse(stub.Single.Body!)!["id"]);
    }

    [Fact]
    public async Task DeleteAsync_SendsDeleteWithoutBody()
    {
        var stub = new StubHttpHandler(Respond.Status(HttpStatusCode.OK));
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.DeleteAsync(Teams, "a:1x", "42");

        Assert.Equal(ConnectorResult.Ok(HttpStatusCode.OK), result);
        var request = stub.Single;
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1x/activities/42", request.Uri.AbsoluteUri);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task DeleteAsync_PlaygroundNotImplemented_IsFailedWithCode()
    {
        var stub = new StubHttpHandler(Respond.Error(HttpStatusCode.NotImplemented, "DeleteActivityAPINotImplemented", "no"));
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.DeleteAsync(Teams, "a:1x", "42");

        Assert.Equal(ConnectorResult.Failed(HttpStatusCode.NotImplemented, "DeleteActivityAPINotImplemented", "no"), result);
    }

    [Fact]
    public async Task CreateConversationAsync_PostsParametersToConversations()
    {
        var stub = new StubHttpHandler(Respond.Json(HttpStatusCode.Created, """{"id":"a:new","activityId":"5","serviceUrl":"https://smba.trafficmanager.net/amer/"}"""));
        using var host = ConnectorTestHost.Create(stub);
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };

        var result = await host.Client.CreateConversationAsync(Teams, parameters);

        Assert.Equal(new ConversationResourceResponse("a:new", "5", "https://smba.trafficmanager.net/amer/"), result.Value);
        var request = stub.Single;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations", request.Uri.AbsoluteUri);
        Assert.Equal(
            """{"isGroup":false,"bot":{"id":"28:bot"},"members":[{"id":"29:user"}],"tenantId":"tenant-1","channelData":{"tenant":{"id":"tenant-1"}}}""",
            request.Body);
    }

    [Fact]
    public async Task GetMemberAsync_GetsTheMember()
    {
        var stub = new StubHttpHandler(Respond.Json(HttpStatusCode.OK, """{"id":"29:u","name":"Megan","aadObjectId":"oid","email":"m@x"}"""));
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.GetMemberAsync(Teams, ChannelThread, "29:u");

        Assert.Equal("Megan", result.Value?.Name);
        Assert.Equal("m@x", result.Value?.Extra?["email"].GetString());
        var request = stub.Single;
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"https://smba.trafficmanager.net/amer/v3/conversations/{EscapedChannelThread}/members/29%3Au", request.Uri.AbsoluteUri);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task GetPagedMembersAsync_GetsOnePageWithQuery()
    {
        var stub = new StubHttpHandler(Respond.Json(HttpStatusCode.OK, """{"continuationToken":"next+1","members":[{"id":"29:a"},{"id":"29:b"}]}"""));
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.GetPagedMembersAsync(Teams, "19:t@thread.tacv2", pageSize: 100, continuationToken: "prev/0");

        Assert.Equal(["29:a", "29:b"], result.Value!.Members!.Select(m => m.Id));
        Assert.Equal("next+1", result.Value.ContinuationToken);
        Assert.Equal(
            "https://smba.trafficmanager.net/amer/v3/conversations/19%3At%40thread.tacv2/pagedmembers?pageSize=100&continuationToken=prev%2F0",
            stub.Single.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task SendAsync_AcceptedWithEmptyBody_IsSentWithNullId()
    {
        var stub = new StubHttpHandler(Respond.Status(HttpStatusCode.Accepted));
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("text and card"));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        Assert.NotNull(result.Value);
        Assert.Null(result.Value.Id);
    }

    [Fact]
    public async Task SendAsync_SuccessWithUnreadableBody_IsStillSent()
    {
        var stub = new StubHttpHandler(Respond.Json(HttpStatusCode.Created, "<html>ok</html>"));
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Null(result.Value?.Id);
    }

    public static TheoryData<Func<HttpResponseMessage>, ConnectorResult> Failures => new()
    {
        { Respond.Error(HttpStatusCode.NotFound, "ConversationNotFound", "gone"), ConnectorResult.NotFound("ConversationNotFound", "gone") },
        { Respond.Error(HttpStatusCode.Forbidden, "ConversationBlockedByUser", "blocked"), ConnectorResult.Blocked("ConversationBlockedByUser", "blocked") },
        { Respond.Error(HttpStatusCode.Forbidden, "BotNotInConversationRoster", "r"), ConnectorResult.Blocked("BotNotInConversationRoster", "r") },
        { Respond.Error(HttpStatusCode.BadRequest, "BadArgument", "bad"), ConnectorResult.Failed(HttpStatusCode.BadRequest, "BadArgument", "bad") },
        { Respond.Error(HttpStatusCode.Unauthorized, "BotNotRegistered", "who"), ConnectorResult.Failed(HttpStatusCode.Unauthorized, "BotNotRegistered", "who") },
        { Respond.Error(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig", "big"), ConnectorResult.Failed(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig", "big") },
        { Respond.Error(HttpStatusCode.InternalServerError, "ServiceError", "oops"), ConnectorResult.Uncertain(HttpStatusCode.InternalServerError, "ServiceError", "oops") },
        { Respond.Json(HttpStatusCode.InternalServerError, "<html>proxy</html>"), ConnectorResult.Uncertain(HttpStatusCode.InternalServerError) },
        { Respond.Status(HttpStatusCode.Found, r => r.Headers.Location = new Uri("https://evil.example.com/")), ConnectorResult.Failed(HttpStatusCode.Found) },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task SendAsync_ErrorStatus_MapsToTypedOutcomeWithConnectorError(Func<HttpResponseMessage> answer, ConnectorResult expected)
    {
        var stub = new StubHttpHandler(answer);
        using var host = ConnectorTestHost.Create(stub);

        var result = await host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(expected.As<ResourceResponse>(), result);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_IsFailedWithoutStatus()
    {
        // A real socket to a loopback port nobody listens on: the request never went out, so it is not uncertain.
        var port = FreeLoopbackPort();
        using var host = ConnectorTestHost.Create(primary: null, new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticated"] = "true", ["Bot:AppId"] = null, ["Bot:AppPassword"] = null,
        });

        var result = await host.Client.SendAsync($"http://127.0.0.1:{port}/", "a:1", OutboundActivity.WithText("x"));

        Assert.Equal((ConnectorOutcome.Failed, null, ConnectorErrorCodes.TransportError), (result.Outcome, result.StatusCode, result.ErrorCode));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var stub = new StubHttpHandler(Respond.Status(HttpStatusCode.Created));
        using var host = ConnectorTestHost.Create(stub);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"), cancelled.Token));
    }

    [Fact]
    public async Task SendAsync_CancelledWhileWaitingToRetry_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var stub = new StubHttpHandler(() =>
        {
            cancellation.Cancel();
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        });
        using var host = ConnectorTestHost.Create(stub);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Client.SendAsync(Teams, "a:1", OutboundActivity.WithText("x"), cancellation.Token));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_MissingArguments_Throw()
    {
        using var host = ConnectorTestHost.Create(new StubHttpHandler(Respond.Status(HttpStatusCode.Created)));

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.SendAsync(Teams, "", OutboundActivity.WithText("x")));
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Client.SendAsync(null!, "a:1", OutboundActivity.WithText("x")));
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Client.SendAsync(Teams, "a:1", null!));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.GetPagedMembersAsync(Teams, "a:1", pageSize: 0));
    }
}
