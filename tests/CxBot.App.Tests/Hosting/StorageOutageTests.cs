using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CxBot.App.Hosting;
using CxBot.App.Tests.People;
using CxBot.App.Tests.Support;
using CxBot.Testing.Auth;
using CxBot.Testing.Processes;

namespace CxBot.App.Tests.Hosting;

/// <summary>
/// The app on a store that does not answer (its ports have nothing listening): every endpoint answers at once with 503
/// and <c>Retry-After</c> (problem+json), never a 500, while a client's mistake still gets its 4xx.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class StorageOutageTests(AzuriteProcess azurite)
{
    private const string AppId = "0b6c7d8e-1f2a-4b3c-9d4e-5f6a7b8c9d0e";

    // Refused at once; with the storage clients' short retries the answer comes in about a second, not the SDK's default ~10 s.
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Messages_AuthenticatedActivityWhileStoreIsDown_Is503WithRetryAfterQuickly()
    {
        await using var stub = await OpenIdStubServer.StartAsync();
        using var key = new TestSigningKey("key-1");
        stub.PublishKeys(key.ToJwk("msteams"));
        using var factory = DownStore(new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticated"] = "false",
            ["Bot:AppId"] = AppId,
            ["Bot:AppType"] = "SingleTenant",
            ["Bot:TenantId"] = TeamsUser.TenantId,
            ["Bot:AppPassword"] = "not-used-in-these-tests",
            ["Bot:OpenIdMetadataUrl"] = stub.MetadataUrl.ToString(),
        });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.MessagesPath) { Content = AppHttp.Body(TestPeople.NewCustomer().Text("help").ToJsonString()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestJwt.Valid(AppId, TeamsUser.ServiceUrl, factory.Time.GetUtcNow()).Sign(key));

        var took = Stopwatch.StartNew();
        var response = await client.SendAsync(request);
        took.Stop();

        await AssertStorageUnavailableAsync(response);
        Assert.True(took.Elapsed < Quick, $"Took {took.Elapsed}.");
        Assert.Empty(factory.Connector.Calls);
    }

    [Fact]
    public async Task Contacts_ValidContactWhileStoreIsDown_Is503WithRetryAfterNot500_Quickly()
    {
        using var factory = DownStore();

        var took = Stopwatch.StartNew();
        var response = await factory.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), factory));
        took.Stop();

        await AssertStorageUnavailableAsync(response);
        Assert.True(took.Elapsed < Quick, $"Took {took.Elapsed}.");
    }

    [Fact]
    public async Task Contacts_InvalidContactWhileStoreIsDown_IsStill400()
    {
        using var factory = DownStore();
        var contact = ContactJson.For(TestPeople.NewCustomer(), factory);
        contact.Remove("queue");

        var response = await factory.PostContactAsync(contact);

        // The caller's mistake, not an outage: retrying it would not help.
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["queue"]);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Staff_PutWhileStoreIsDown_Is503WithRetryAfter()
    {
        using var factory = DownStore(StaffApi.Settings());
        using var client = factory.CreateClient();

        var response = await StaffApi.PutAsync(client, Guid.NewGuid().ToString(), StaffApi.Entry("Robin Smit", "agent"));

        await AssertStorageUnavailableAsync(response);
    }

    [Fact]
    public async Task Healthz_WhileStoreIsDown_Is503NamingStorageUnhealthy()
    {
        using var factory = DownStore();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("unhealthy", body["status"]!.GetValue<string>());
        Assert.False(body["storage"]!["reachable"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(body["storage"]!["error"]?.GetValue<string>()));
    }

    private static async Task AssertStorageUnavailableAsync(HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Storage unavailable", problem["title"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromSeconds(Problems.StorageRetryAfterSeconds), response.Headers.RetryAfter?.Delta);
    }

    // Every storage endpoint on a loopback port where nothing listens: each call is refused.
    private CxBotAppFactory DownStore(Dictionary<string, string?>? settings = null)
    {
        var port = FreePort.Next();
        var all = new Dictionary<string, string?>(settings ?? [])
        {
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName={AzuriteProcess.AccountName};AccountKey={AzuriteProcess.AccountKey};" +
                $"BlobEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.AccountName};QueueEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.AccountName};" +
                $"TableEndpoint=http://127.0.0.1:{port}/{AzuriteProcess.AccountName};",
        };
        return new CxBotAppFactory(azurite, all);
    }
}
