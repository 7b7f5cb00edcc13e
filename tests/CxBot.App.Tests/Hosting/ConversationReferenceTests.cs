using System.Text.Json.Nodes;
using CxBot.App.Tests.Support;
using CxBot.Domain.Conversations;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Hosting;

/// <summary>Every inbound activity leaves a conversation reference in storage, so the bot can write there later.</summary>
[Collection(AppAzurite.Name)]
public sealed class ConversationReferenceTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _factory = new(azurite);

    private IConversationRecords Records => _factory.Services.GetRequiredService<IConversationRecords>();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TeamsInstall_StoresThePersonalChatByEntraId()
    {
        var user = TestPeople.NewCustomer("nl-NL");

        await _factory.PostActivityAsync(user.Install());

        var record = await Records.FindPersonalByAadAsync(TeamsUser.TenantId, user.AadObjectId, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(user.PersonalConversationId, record.ConversationId);
        Assert.Equal(user.UserId, record.UserId);
        Assert.Equal("nl-NL", record.Locale);
        Assert.Equal(_factory.Time.GetUtcNow(), record.LastSeen);
        var reference = JsonNode.Parse(record.Reference)!;
        Assert.Equal(TeamsUser.ServiceUrl, reference["serviceUrl"]!.GetValue<string>());
        Assert.Equal(user.PersonalConversationId, reference["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsUser.BotId, reference["bot"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownActivityType_StillStoresTheReference()
    {
        var user = TestPeople.NewCustomer();

        await _factory.PostActivityAsync(user.Personal("futureType"));

        Assert.NotNull(await Records.FindConversationAsync("msteams", user.PersonalConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task LaterActivityInAnotherLocale_ReplacesTheReference()
    {
        var english = TestPeople.NewCustomer("en-US");
        var dutch = english with { Locale = "nl-NL" };

        await _factory.PostActivityAsync(english.Text("help"));
        await _factory.PostActivityAsync(dutch.Text("hulp"));

        var record = await Records.FindPersonalByAadAsync(TeamsUser.TenantId, english.AadObjectId, CancellationToken.None);
        Assert.Equal("nl-NL", record!.Locale);
    }

    [Fact]
    public async Task ChannelMessage_StoresTheChannelConversationWithItsTeam()
    {
        var user = TestPeople.NewCustomer();
        var activity = user.InChannel(user.Text("help"), threadId: "1795444364999");

        await _factory.PostActivityAsync(activity);

        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();
        var record = await Records.FindConversationAsync("msteams", conversationId, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal("channel", record.ConversationType);
        Assert.Equal(TeamsUser.TeamId, record.TeamId);
        Assert.Equal(TeamsUser.TenantId, record.TenantId);
    }

    [Fact]
    public async Task WebChatMessage_StoresThePersonalChatByChannelUserId()
    {
        var user = WebChatUser.New();

        await _factory.PostActivityAsync(user.Text("help"));

        var record = await Records.FindPersonalByUserAsync("webchat", user.UserId, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(user.ConversationId, record.ConversationId);
        Assert.Equal(WebChatUser.ServiceUrl, JsonNode.Parse(record.Reference)!["serviceUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task WebChatMessageClaimingATeamsIdentity_NeverBecomesWhereThatTeamsUsersMessagesGo()
    {
        var teamsUser = TestPeople.NewCustomer();
        var forged = WebChatUser.New().Text("help");
        forged["from"]!["aadObjectId"] = teamsUser.AadObjectId;
        forged["conversation"]!["tenantId"] = TeamsUser.TenantId;
        forged["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsUser.TenantId } };

        await _factory.PostActivityAsync(forged);

        Assert.Null(await Records.FindPersonalByAadAsync(TeamsUser.TenantId, teamsUser.AadObjectId, CancellationToken.None));
        var stored = await Records.FindPersonalByUserAsync("webchat", forged["from"]!["id"]!.GetValue<string>(), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Null(stored.AadObjectId);
        Assert.Null(stored.TenantId);
        Assert.DoesNotContain(teamsUser.AadObjectId, stored.Reference, StringComparison.OrdinalIgnoreCase);
    }
}
