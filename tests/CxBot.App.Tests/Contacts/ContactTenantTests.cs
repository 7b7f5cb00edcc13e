using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Tests.Support;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Contacts;

/// <summary>
/// Every contact carries its owning tenant: the request's <c>tenantId</c>, else the Teams customer's tenant, else
/// <c>Bot:TenantId</c>. A Teams customer of another tenant than the one named is refused.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class ContactTenantTests(AzuriteProcess azurite) : IDisposable
{
    private const string OtherTenant = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private const string DeploymentTenant = "d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a";

    private readonly CxBotAppFactory _app = new(azurite, new Dictionary<string, string?> { ["Bot:TenantId"] = DeploymentTenant });

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("not-a-tenant")]
    [InlineData("")]
    [InlineData(" 72f988bf-86f1-41af-91ab-2d7cd011db47")]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47-72f988bf-86f1-41af-91ab-2d7cd011db47-0000")]
    [InlineData(OtherTenant)]
    public async Task Post_BadOrForeignTenantId_Is400NamingTenantId_AndSchedulesNothing(string tenantId)
    {
        var contact = ContactJson.For(TestPeople.NewCustomer(), _app);
        contact["tenantId"] = tenantId;

        using var response = await _app.PostContactAsync(contact);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["tenantId"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await _app.DispatchAsync());
    }

    [Theory]
    [InlineData(OtherTenant, OtherTenant)]
    [InlineData(null, DeploymentTenant)]
    public async Task Post_TheOwningTenant_IsStoredWithTheSurvey(string? tenantId, string expected)
    {
        var contact = new SurveyFlow(_app).WebChatContact("dl_" + Guid.NewGuid().ToString("N"));
        if (tenantId is not null)
        {
            contact["tenantId"] = tenantId;
        }

        using var response = await _app.PostContactAsync(contact);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var surveyId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["surveyId"]!.GetValue<string>();
        Assert.Equal(expected, (await _app.Services.GetRequiredService<ISurveys>().GetAsync(surveyId, default))!.TenantId);
    }
}
