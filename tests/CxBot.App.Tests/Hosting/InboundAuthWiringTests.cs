using System.Net;
using System.Net.Http.Headers;
using CxBot.App.Hosting;
using CxBot.App.Tests.Support;
using CxBot.Domain.Conversations;
using CxBot.Testing.Auth;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxBot.App.Tests.Hosting;

/// <summary>The messaging endpoint with authentication on: the validator runs before anything is handled.</summary>
[Collection(AppAzurite.Name)]
public sealed class InboundAuthWiringTests(AzuriteProcess azurite)
{
    private const string AppId = "0b6c7d8e-1f2a-4b3c-9d4e-5f6a7b8c9d0e";

    [Fact]
    public async Task Post_WithoutAuthorization_Is401ProblemAndNothingHandled()
    {
        using var factory = Authenticated($"http://127.0.0.1:{FreePort.Next()}/v1/.well-known/openidconfiguration");
        var user = TestPeople.NewCustomer();

        var response = await factory.PostActivityAsync(user.Text("help"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The request is not authenticated.", problem["detail"]!.GetValue<string>());
        Assert.Empty(factory.Connector.Calls);
        var records = factory.Services.GetRequiredService<IConversationRecords>();
        Assert.Null(await records.FindPersonalByAadAsync(TeamsUser.TenantId, user.AadObjectId, CancellationToken.None));
    }

    [Fact]
    public async Task Post_WithTokenNotAJwt_Is401Problem()
    {
        using var factory = Authenticated($"http://127.0.0.1:{FreePort.Next()}/v1/.well-known/openidconfiguration");

        var response = await PostAsync(factory, TestPeople.NewCustomer().Text("help").ToJsonString(), "not-a-jwt");

        // Generic: which check failed (here: not a JWT) is for the log, not for the caller.
        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The request is not authenticated.", problem["detail"]!.GetValue<string>());
        Assert.Empty(factory.Connector.Calls);
    }

    [Fact]
    public async Task Post_WithValidChannelToken_IsHandled()
    {
        await using var stub = await OpenIdStubServer.StartAsync();
        using var key = new TestSigningKey("key-1");
        stub.PublishKeys(key.ToJwk("msteams"));
        using var factory = Authenticated(stub.MetadataUrl.ToString());
        var user = TestPeople.NewCustomer();
        var token = TestJwt.Valid(AppId, TeamsUser.ServiceUrl, factory.Time.GetUtcNow()).Sign(key);

        var response = await PostAsync(factory, user.Text("help").ToJsonString(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(factory.Connector.SentTo(user.PersonalConversationId));
    }

    [Fact]
    public async Task Post_WithKeyNotEndorsedForTheChannel_Is403Problem()
    {
        await using var stub = await OpenIdStubServer.StartAsync();
        using var key = new TestSigningKey("key-1");
        stub.PublishKeys(key.ToJwk("webchat"));
        using var factory = Authenticated(stub.MetadataUrl.ToString());
        var token = TestJwt.Valid(AppId, TeamsUser.ServiceUrl, factory.Time.GetUtcNow()).Sign(key);

        var response = await PostAsync(factory, TestPeople.NewCustomer().Text("help").ToJsonString(), token);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(factory.Connector.Calls);
    }

    [Fact]
    public void Startup_UnauthenticatedModeWithAnAppId_FailsNamingBothSettings()
    {
        var error = StartupFailure.Of(() => new CxBotAppFactory(azurite, new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticated"] = "true",
            ["Bot:AppId"] = AppId,
        }));

        Assert.Contains("Bot:AllowUnauthenticated", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:AppId", error.Message, StringComparison.Ordinal);
    }

    private CxBotAppFactory Authenticated(string openIdMetadataUrl) => new(azurite, new Dictionary<string, string?>
    {
        ["Bot:AllowUnauthenticated"] = "false",
        ["Bot:AppId"] = AppId,
        ["Bot:AppType"] = "SingleTenant",
        ["Bot:TenantId"] = TeamsUser.TenantId,
        ["Bot:AppPassword"] = "not-used-in-these-tests",
        ["Bot:OpenIdMetadataUrl"] = openIdMetadataUrl,
    });

    private static async Task<HttpResponseMessage> PostAsync(CxBotAppFactory factory, string activity, string bearer)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.MessagesPath) { Content = AppHttp.Body(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.SendAsync(request);
    }
}
