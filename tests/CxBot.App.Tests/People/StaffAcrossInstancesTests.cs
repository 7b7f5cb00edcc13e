using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.People;
using CxBot.App.Tests.Support;
using CxBot.Domain.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.People;

/// <summary>Two instances on one storage account: a change made through one applies on the other within <c>Staff:CacheSeconds</c>.</summary>
[Collection(AppAzurite.Name)]
public sealed class StaffAcrossInstancesTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task RoleChangedThroughTheApiOnOneInstance_AppliesOnTheOtherWithinTheCacheTime_WithoutARestart()
    {
        using var first = new CxBotAppFactory(azurite, StaffApi.Settings(("Staff:CacheSeconds", "5")));
        using var second = new CxBotAppFactory(azurite, StaffApi.Settings(("Staff:CacheSeconds", "5"), ("Storage:TablePrefix", first.TablePrefix)));
        var supervisor = TestPeople.Supervisor();
        var secondDirectory = second.Services.GetRequiredService<StaffDirectory>();
        await Poll.UntilAsync(() => secondDirectory.IsLoaded, TimeSpan.FromSeconds(10), "the second instance's first read of the directory");
        Assert.Equal(UserRole.Supervisor, StaffApi.RoleOf(second.Services, supervisor));

        using var put = await StaffApi.PutAsync(first.CreateClient(), supervisor.AadObjectId, StaffApi.Entry("Sam, now an agent", "agent"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        // Cached until the second instance's refresh comes round; its clock is the test's.
        Assert.Equal(UserRole.Agent, StaffApi.RoleOf(first.Services, supervisor));
        Assert.Equal(UserRole.Supervisor, StaffApi.RoleOf(second.Services, supervisor));
        second.Time.Advance(TimeSpan.FromSeconds(5));
        await Poll.UntilAsync(() => StaffApi.RoleOf(second.Services, supervisor) == UserRole.Agent, TimeSpan.FromSeconds(10),
            "the role change to reach the second instance");

        using var get = await StaffApi.SendAsync(second.CreateClient(), HttpMethod.Get, "/api/staff/" + supervisor.AadObjectId);
        Assert.Equal("Sam, now an agent", (await get.Content.ReadFromJsonAsync<JsonObject>())!["displayName"]!.GetValue<string>());
    }
}
