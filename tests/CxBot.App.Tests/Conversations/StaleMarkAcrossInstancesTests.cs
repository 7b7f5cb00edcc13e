using System.Net;
using CxBot.App.Conversations;
using CxBot.App.Tests.Support;
using CxBot.Domain.Conversations;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Conversations;

/// <summary>
/// A chat marked stale by one instance (its send was refused) is cleared when the customer writes to another instance
/// that stored the chat lately and so would skip the rewrite: that instance reads the row again now and then.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class StaleMarkAcrossInstancesTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task AMarkSetOnOneInstance_GoesWhenTheCustomerWritesToAnotherThatStoredTheChatLately()
    {
        using var first = new CxBotAppFactory(azurite);
        using var second = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = first.TablePrefix });
        var customer = TestPeople.NewCustomer();
        await PostAsync(first, customer.Text("help"));

        var records = second.Services.GetRequiredService<IConversationRecords>();
        Assert.True(await records.MarkStaleAsync("msteams", customer.PersonalConversationId, "403 BotDisabledByAdmin", second.Time.GetUtcNow(), default));

        first.Time.Advance(ConversationRecorder.RecheckAfter);
        await PostAsync(first, customer.Text("help"));

        Assert.False((await records.FindPersonalByAadAsync(TeamsUser.TenantId, customer.AadObjectId, default))!.IsStale);
        Assert.False((await records.FindConversationAsync("msteams", customer.PersonalConversationId, default))!.IsStale);
    }

    private static async Task PostAsync(CxBotAppFactory app, System.Text.Json.Nodes.JsonObject activity)
    {
        using var response = await app.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
