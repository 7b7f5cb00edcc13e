using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CxBot.App.Hosting;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using CxBot.Storage.Setup;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CxBot.Deployment.Tests.ManagedIdentity;

// The app on the deployment's configuration runs on its user-assigned managed identity end to end: the connector's
// bearer token and the storage token both come from the platform's identity endpoint for the identity's client id,
// and the storage clients hold no key. Nothing leaves the machine: the identity endpoint is a local stub, the connector
// and the storage account are answered in-process, and every socket the process opens is checked to be loopback.
[Collection(DeployedAppCollection.Name)]
public sealed class ManagedIdentityEndToEndTests(DeployedApp deployed, ITestOutputHelper output)
{
    private const string BotFrameworkResource = "https://api.botframework.com";
    private const string StorageResource = "https://storage.azure.com";

    [Fact]
    public void TheTestRunsTheAppOnEveryAppSettingOfTheTemplate()
    {
        var template = ArmTemplate.Load("azuredeploy.json").WebAppSettings();

        var expressions = template.Where(s => s.Value.StartsWith('[')).Select(s => s.Key).Order(StringComparer.Ordinal);
        Assert.Equal(expressions, DeployedApp.ValuesForTemplateExpressions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("UserAssignedMSI", DeployedApp.AppSettings()["Bot__AppType"]);
    }

    [Fact]
    public async Task ConnectorCall_CarriesTheTokenTheIdentityEndpointIssuedForTheBotsClientId()
    {
        var connector = deployed.App.Services.GetRequiredService<IConnectorClient>();

        var result = await connector.SendAsync("https://smba.trafficmanager.net/emea/", "a:1x2y3z", OutboundActivity.WithText("hello"));

        Assert.True(result.IsSuccess, $"{result.Outcome} {result.ErrorCode} {result.ErrorMessage}");
        var sent = Assert.Single(deployed.ConnectorRequests);
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/a%3A1x2y3z/activities", sent.Uri.AbsoluteUri);
        Assert.Equal($"Bearer {IdentityEndpointStub.TokenFor(BotFrameworkResource, DeployedApp.IdentityClientId)}", sent.Authorization);

        var tokenRequest = Assert.Single(deployed.Identity.Requests, r => r.Resource == BotFrameworkResource);
        AssertAppServiceTokenRequest(tokenRequest);
        AssertNothingLeftTheMachine();
    }

    [Fact]
    public async Task StorageClients_UseTheEndpointsWithTheIdentitysToken_AndNoKey()
    {
        var clients = deployed.App.Services.GetRequiredService<StorageClients>();
        await EventuallyAsync(() => !deployed.StorageRequests.IsEmpty); // the initializer's first attempt ran at startup

        Assert.True(clients.UsesManagedIdentity);
        Assert.Equal(new Uri(DeployedApp.TableEndpoint), clients.Tables.Uri);
        Assert.Equal(new Uri(DeployedApp.QueueEndpoint), clients.Queues.Uri);
        Assert.Empty(clients.Tables.Uri.Query); // no SAS
        Assert.Empty(clients.Queues.Uri.Query);
        var storageToken = $"Bearer {IdentityEndpointStub.TokenFor(StorageResource, DeployedApp.IdentityClientId)}";
        Assert.All(deployed.StorageRequests, request =>
        {
            Assert.Contains(request.Uri.Host, new[] { "acct.table.core.windows.net", "acct.queue.core.windows.net" });
            Assert.Equal(storageToken, request.Authorization); // never "SharedKey account:signature"
            Assert.DoesNotContain(request.Uri.Query.TrimStart('?').Split('&'), p => p.StartsWith("sig=", StringComparison.Ordinal)); // no SAS
        });
        var tokenRequest = Assert.Single(deployed.Identity.Requests, r => r.Resource == StorageResource);
        AssertAppServiceTokenRequest(tokenRequest);
        Assert.Contains(deployed.Logs.Lines, l => l.Contains("Storage not ready (attempt 1)", StringComparison.Ordinal) && l.Contains("AuthorizationPermissionMismatch", StringComparison.Ordinal));
        AssertNothingLeftTheMachine();
    }

    [Fact]
    public async Task Healthz_ReportsStorageUnreachable_Promptly_WhileTheRoleIsNotInForce()
    {
        using var client = deployed.App.CreateClient();
        var clock = Stopwatch.StartNew();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"/healthz took {clock.Elapsed}");
        var report = await response.Content.ReadFromJsonAsync<HealthReport>();
        Assert.Equal("unhealthy", report!.Status);
        Assert.False(report.Storage.Reachable);
        Assert.Equal("RequestFailedException", report.Storage.Error);
        AssertNothingLeftTheMachine();
    }

    // What MSAL sends to App Service's identity endpoint for a user-assigned identity chosen by client id.
    private void AssertAppServiceTokenRequest(IdentityRequest request)
    {
        output.WriteLine($"{request.Method} {request.Path}?{string.Join('&', request.Query.Select(q => $"{q.Key}={q.Value}"))} X-IDENTITY-HEADER: {request.IdentityHeader}");
        Assert.Equal("GET", request.Method);
        Assert.Equal(IdentityEndpointStub.TokenPath, request.Path);
        Assert.Equal(IdentityEndpointStub.Header, request.IdentityHeader);
        Assert.Equal("2019-08-01", request.Query.GetValueOrDefault("api-version"));
        Assert.Equal(DeployedApp.IdentityClientId, request.ClientId);
        Assert.DoesNotContain("mi_res_id", request.Query.Keys);
        Assert.DoesNotContain("object_id", request.Query.Keys);
    }

    // Every request that went over a socket went to the loopback identity endpoint: no Microsoft host, no IMDS.
    private void AssertNothingLeftTheMachine()
    {
        Assert.NotEmpty(deployed.Network.Hosts);
        Assert.All(deployed.Network.Hosts, host => Assert.Equal(deployed.Identity.Endpoint.Host, host));
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "timed out");
            await Task.Delay(50);
        }
    }
}
