using System.Net;
using System.Text.Json.Nodes;
using CxBot.App.Hosting;
using CxBot.App.Tests.Support;
using CxBot.Testing.Processes;

namespace CxBot.App.Tests.Hosting;

/// <summary>What <c>POST /api/messages</c> answers to input no channel should send: a clear 4xx, never a 500.</summary>
[Collection(AppAzurite.Name)]
public sealed class MessagingEndpointInputTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _factory = new(azurite);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Post_MalformedJson_Is400ProblemWithoutParsePositions()
    {
        var response = await _factory.PostRawActivityAsync(AppHttp.Body("{\"type\": \"message\", \"text\": "));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Bad request", problem["title"]!.GetValue<string>());
        Assert.DoesNotContain("line", problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("position", problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task Post_MissingType_Is400Problem()
    {
        var activity = TestPeople.NewCustomer().Text("help");
        activity.Remove("type");

        var response = await _factory.PostActivityAsync(activity);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("type", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_factory.Connector.Calls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("[{\"type\": \"message\"}]")]
    [InlineData("null")]
    [InlineData("\"message\"")]
    [InlineData("{\"type\": 5}")]
    public async Task Post_BodyNotAnActivityObject_Is400Problem(string body)
    {
        var response = await _factory.PostRawActivityAsync(AppHttp.Body(body));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_OverTheLimitWithContentLength_Is413Problem()
    {
        var response = await _factory.PostRawActivityAsync(AppHttp.Body(Oversized()));

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(ActivityRequestReader.MaxActivityBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OverTheLimitChunkedWithoutContentLength_Is413Problem()
    {
        using var content = new ChunkedContent(Oversized());

        var response = await _factory.PostRawActivityAsync(content);

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task Post_JustUnderTheLimit_IsAccepted()
    {
        var user = TestPeople.NewCustomer();
        var activity = user.Text("help");
        var padding = ActivityRequestReader.MaxActivityBytes - activity.ToJsonString().Length - 32;
        activity["padding"] = new string('x', padding);

        using var content = new ChunkedContent(activity.ToJsonString());
        var response = await _factory.PostRawActivityAsync(content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Post_NotJsonContentType_Is415Problem(string mediaType)
    {
        var body = TestPeople.NewCustomer().Text("help").ToJsonString();

        var response = await _factory.PostRawActivityAsync(AppHttp.Body(body, mediaType));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task Post_ActivityIdAtTheLimit_IsHandledOnce()
    {
        var user = TestPeople.NewCustomer();
        var activity = user.Text("help");
        activity["id"] = new string('7', InputLimits.IdLength);

        var first = await _factory.PostActivityAsync(activity);
        var second = await _factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId));
    }

    [Fact]
    public async Task Post_ActivityIdOverTheLimit_Is400NamingIt()
    {
        var activity = TestPeople.NewCustomer().Text("help");
        activity["id"] = new string('7', 2000);

        var response = await _factory.PostActivityAsync(activity);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("id", problem["field"]!.GetValue<string>());
        Assert.Empty(_factory.Connector.Calls);
    }

    private static string Oversized()
    {
        var activity = new JsonObject { ["type"] = "message", ["text"] = new string('a', ActivityRequestReader.MaxActivityBytes) };
        return activity.ToJsonString();
    }
}
