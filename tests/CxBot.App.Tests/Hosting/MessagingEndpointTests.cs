using System.Net;
using System.Text.Json.Nodes;
using CxBot.App.Hosting;
using CxBot.App.Routing;
using CxBot.App.Tests.Support;
using CxBot.Domain.Activities;
using CxBot.Protocol.Schema;
using CxBot.Testing.Processes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Hosting;

/// <summary>How <c>/api/messages</c> treats well-formed activities it has nothing for, repeats, and failures.</summary>
[Collection(AppAzurite.Name)]
public sealed class MessagingEndpointTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _factory = new(azurite);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Head_Messages_Is200()
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, BotEndpoints.MessagesPath));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownActivityType_IsAcknowledgedAndIgnored()
    {
        var user = TestPeople.NewCustomer();
        var activity = user.Personal("futureType");
        activity["text"] = "help";

        var response = await _factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_factory.Connector.Calls);
    }

    [Theory]
    [InlineData("composeExtension/setting")]
    [InlineData("future/invoke")]
    public async Task Post_UnknownInvokeName_Is501(string name)
    {
        var activity = TestPeople.NewCustomer().Personal("invoke");
        activity["name"] = name;
        activity["value"] = new JsonObject();

        var response = await _factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task Post_SameActivityIdTwice_IsHandledOnce()
    {
        var user = TestPeople.NewCustomer();
        var activity = user.Text("help");

        var first = await _factory.PostActivityAsync(activity);
        var second = await _factory.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId));
    }

    [Fact]
    public async Task Post_SameIdOnAnotherChannel_IsNotADuplicate()
    {
        var user = TestPeople.NewCustomer();
        var teams = user.Text("help");
        var webChat = user.Text("help");
        webChat["id"] = teams["id"]!.GetValue<string>();
        webChat["channelId"] = "webchat";

        await _factory.PostActivityAsync(teams);
        await _factory.PostActivityAsync(webChat);

        Assert.Equal(2, _factory.Connector.SentTo(user.PersonalConversationId).Count);
    }

    [Fact]
    public async Task Post_MessageWhoseHandlerThrows_Is503SoTheChannelRetries()
    {
        var user = TestPeople.NewCustomer();
        var attempts = 0;
        _factory.Connector.Responder = _ =>
        {
            Interlocked.Increment(ref attempts);
            throw new HttpRequestException("The connection was reset.");
        };

        var response = await _factory.PostActivityAsync(user.Text("help"));

        await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Post_InvokeWhoseHandlerThrows_Is200WithUniversalActionsErrorAndNoDetails()
    {
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddRouteModule<ThrowingModule>()));
        var activity = TestPeople.NewCustomer().Personal("invoke");
        activity["name"] = ThrowingModule.InvokeName;
        using var client = factory.CreateClient();

        var response = await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(500, body["statusCode"]!.GetValue<int>());
        Assert.Equal(InvokeResponse.ErrorType, body["type"]!.GetValue<string>());
        Assert.DoesNotContain(ThrowingModule.Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LedgerStorageDown_Is503ProblemNot500()
    {
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IActivityLedger, UnreachableLedger>()));
        using var client = factory.CreateClient();

        var response = await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(TestPeople.NewCustomer().Text("help").ToJsonString()));

        await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task Healthz_StorageReachable_Is200Healthy()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        Assert.True(body["storage"]!["reachable"]!.GetValue<bool>());
    }

    private sealed class ThrowingModule : IRouteModule
    {
        public const string InvokeName = "test/throw";
        public const string Secret = "connection string with AccountKey=";

        public void Register(RouteTableBuilder routes) =>
            routes.Invoke(new InvokeRoute(InvokeName, CxBot.Domain.People.UserRole.Customer, (_, _) => throw new InvalidOperationException(Secret)));
    }

    private sealed class UnreachableLedger : IActivityLedger
    {
        public Task<ActivityClaim> TryClaimAsync(ActivityKey key, DateTimeOffset receivedAt, TimeSpan staleAfter, CancellationToken cancellationToken) =>
            throw new Azure.RequestFailedException(503, "Service Unavailable");

        public Task CompleteAsync(ActivityKey key, ActivityClaim claim, StoredAnswer? answer, DateTimeOffset at, CancellationToken cancellationToken) =>
            throw new Azure.RequestFailedException(503, "Service Unavailable");

        public Task AbandonAsync(ActivityKey key, ActivityClaim claim, CancellationToken cancellationToken) =>
            throw new Azure.RequestFailedException(503, "Service Unavailable");

        public Task<ActivityClaim?> GetAsync(ActivityKey key, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
            throw new Azure.RequestFailedException(503, "Service Unavailable");
    }

    [Fact]
    public async Task Post_LedgerFailsWithAnyException_Is503NotA500()
    {
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IActivityLedger, BrokenLedger>()));
        using var client = factory.CreateClient();

        var response = await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(TestPeople.NewCustomer().Text("help").ToJsonString()));

        await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
    }

    private sealed class BrokenLedger : IActivityLedger
    {
        public Task<ActivityClaim> TryClaimAsync(ActivityKey key, DateTimeOffset receivedAt, TimeSpan staleAfter, CancellationToken cancellationToken) =>
            throw new TimeoutException("The storage call timed out.");

        public Task CompleteAsync(ActivityKey key, ActivityClaim claim, StoredAnswer? answer, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task AbandonAsync(ActivityKey key, ActivityClaim claim, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<ActivityClaim?> GetAsync(ActivityKey key, DateTimeOffset receivedAt, CancellationToken cancellationToken) => Task.FromResult<ActivityClaim?>(null);
    }
}
