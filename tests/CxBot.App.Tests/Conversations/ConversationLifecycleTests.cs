using System.Text.Json.Nodes;
using CxBot.App.Channels;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.Conversations;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Messaging;
using CxBot.Protocol.Connector;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using static CxBot.App.Tests.Conversations.LifecycleActivities;

namespace CxBot.App.Tests.Conversations;

/// <summary>
/// The bot uninstalled or removed, a channel or a team deleted: what the bot stored for those conversations goes,
/// the designations there go with it (so follow-ups wait for a new channel), nobody is told, only the activity's own
/// tenant is touched, and a repeat changes nothing more.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class ConversationLifecycleTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite) { RealProactiveMessages = true };

    private SurveyFlow Flow => new(_app);

    private IConversationRecords Records => _app.Services.GetRequiredService<IConversationRecords>();

    private IChannelDesignations Designations => _app.Services.GetRequiredService<IChannelDesignations>();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task UninstallInAPersonalChat_RemovesTheStoredChat_AndSaysNothing()
    {
        var customer = await Flow.InstalledCustomerAsync();
        Assert.NotNull(await Records.FindPersonalByAadAsync(TeamsUser.TenantId, customer.AadObjectId, default));
        _app.Connector.Reset();

        await PostAsync(PersonalInstallation(customer, "remove"));

        Assert.Null(await Records.FindPersonalByAadAsync(TeamsUser.TenantId, customer.AadObjectId, default));
        Assert.Null(await Records.FindPersonalByUserAsync("msteams", customer.UserId, default));
        Assert.Null(await Records.FindConversationAsync("msteams", customer.PersonalConversationId, default));
        Assert.Empty(_app.Connector.Calls);
    }

    [Fact]
    public async Task ReinstallInAPersonalChat_RecordsItAgain_AndWelcomes()
    {
        var customer = await Flow.InstalledCustomerAsync();
        await PostAsync(PersonalInstallation(customer, "remove"));
        _app.Connector.Reset();

        await PostAsync(PersonalInstallation(customer, "add"));

        Assert.NotNull(await Records.FindPersonalByAadAsync(TeamsUser.TenantId, customer.AadObjectId, default));
        Assert.Single(_app.Connector.CallsOf(ConnectorOperation.Send), c => c.ConversationId == customer.PersonalConversationId);
    }

    public static TheoryData<string> TeamRemovals => ["installationUpdate remove", "membersRemoved with the bot", "teamDeleted"];

    [Theory]
    [MemberData(nameof(TeamRemovals))]
    public async Task TheBotLeavingTheTeam_OrTheTeamDeleted_RemovesItsConversationsAndDesignations_AndTheFollowUpWaitsForANewChannel(string removal)
    {
        await Flow.UseChannelForAlertsAsync();
        Assert.NotEmpty(await Records.ListTeamAsync("msteams", TeamsUser.TeamId, default));
        _app.Connector.Reset();

        await PostAsync(removal switch
        {
            "installationUpdate remove" => TeamInstallation("remove"),
            "membersRemoved with the bot" => BotMembership(removed: true),
            _ => TeamDeleted(),
        });

        Assert.Empty(_app.Connector.Calls);
        await AssertTeamForgottenAsync();
        await AssertFollowUpHeldThenPostedAfterDesignationAsync();
    }

    [Fact]
    public async Task ADeletedChannel_LosesItsDesignations_AndItsQueuesFollowUpGoesToTheChannelForAllQueues()
    {
        await Flow.UseChannelForAlertsAsync();
        await PostAsync(InChannel(SurveyFlow.Supervisor, "use this channel for follow-ups for queue " + SurveyFlow.Queue, SecondChannel));
        Assert.Contains(await Designations.ListAsync(TeamsUser.TenantId, default), d => d.ChannelConversationId == SecondChannel);
        _app.Connector.Reset();

        await PostAsync(ChannelDeleted(SecondChannel));

        Assert.Empty(_app.Connector.Calls);
        var left = await Designations.ListAsync(TeamsUser.TenantId, default);
        Assert.DoesNotContain(left, d => d.ChannelConversationId == SecondChannel);
        Assert.Equal(ChannelPurposes.All.Count, left.Count(d => d.ChannelConversationId == TeamsUser.TeamId));
        Assert.DoesNotContain(await Records.ListTeamAsync("msteams", TeamsUser.TeamId, default),
            r => r.ConversationId.StartsWith(SecondChannel, StringComparison.Ordinal));
        Assert.Contains(await Records.ListTeamAsync("msteams", TeamsUser.TeamId, default),
            r => r.ConversationId.StartsWith(TeamsUser.TeamId, StringComparison.Ordinal));

        var followUp = await Flow.AnswerLowAsync();
        Assert.Equal(TeamsUser.TeamId, (await FollowUpAsync(followUp))!.Card?.ConversationId);
        Assert.DoesNotContain(_app.Connector.CallsOf(ConnectorOperation.Send), c => c.ConversationId == SecondChannel);
    }

    [Fact]
    public async Task TheBotRemovedFromAGroupChat_ForgetsTheGroupChat()
    {
        var supervisor = SurveyFlow.Supervisor;
        await PostAsync(GroupChatMessage(supervisor));
        Assert.NotNull(await Records.FindConversationAsync("msteams", GroupChat, default));
        _app.Connector.Reset();

        await PostAsync(BotRemovedFromGroupChat(supervisor));

        Assert.Null(await Records.FindConversationAsync("msteams", GroupChat, default));
        Assert.Empty(_app.Connector.Calls);
    }

    [Fact]
    public async Task AnotherTenantsTeamDeletion_LeavesThisTenantsConversationsAndDesignations()
    {
        await Flow.UseChannelForAlertsAsync();
        var before = await Records.ListTeamAsync("msteams", TeamsUser.TeamId, default);

        await PostAsync(TeamDeleted(OtherTenant));
        await PostAsync(TeamInstallation("remove", OtherTenant));

        Assert.Equal(ChannelPurposes.All.Count, (await Designations.ListAsync(TeamsUser.TenantId, default)).Count);
        Assert.Equal(before.Select(r => r.ConversationId).Order(), (await Records.ListTeamAsync("msteams", TeamsUser.TeamId, default)).Select(r => r.ConversationId).Order());
        Assert.NotNull(await Records.FindTeamAsync("msteams", TeamsUser.TeamId, default));

        // The same event from the team's own tenant does remove them.
        await PostAsync(TeamDeleted());
        await AssertTeamForgottenAsync();
    }

    [Fact]
    public async Task ARedeliveredOrRepeatedRemoval_ChangesNothingMore()
    {
        await Flow.UseChannelForAlertsAsync();
        var removal = TeamInstallation("remove");
        var again = removal.DeepClone().AsObject();
        again["id"] = Guid.NewGuid().ToString();
        _app.Connector.Reset();

        await PostAsync(removal);
        await PostAsync(removal.DeepClone().AsObject());
        await PostAsync(again);

        Assert.Empty(_app.Connector.Calls);
        await AssertTeamForgottenAsync();
    }

    // An empty tenant in channelData names no tenant: the conversation's own tenant counts, and the turn runs
    // (it used to fail on a storage call with an empty key, answered 503 and logged as an error).
    [Fact]
    public async Task TheBotAddedToATeam_WithAnEmptyTenantInChannelData_IsHandledAndRecorded()
    {
        await Flow.UseChannelForAlertsAsync();
        await PostAsync(TeamInstallation("remove"));
        var added = TeamInstallation("add");
        added["channelData"]!["tenant"] = new JsonObject { ["id"] = "" };

        using var response = await _app.PostActivityAsync(added);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await Records.FindTeamAsync("msteams", TeamsUser.TeamId, default));
    }

    public static TheoryData<string> ForgedWebChatRemovals => ["channelDeleted", "teamDeleted"];

    // Channel data from web chat is the client's own claim: a Teams event type naming another visitor's conversation (as
    // the deleted channel or the team) removes nothing but what the activity itself is about.
    [Theory]
    [MemberData(nameof(ForgedWebChatRemovals))]
    public async Task AWebChatUpdateClaimingATeamsDeletion_LeavesAnotherVisitorsConversationStored(string eventType)
    {
        var victim = WebChatUser.New();
        await PostAsync(victim.Text("help"));
        Assert.NotNull(await Records.FindConversationAsync("webchat", victim.ConversationId, default));

        var forged = WebChatUser.New().Activity("conversationUpdate");
        forged["channelData"] = new JsonObject
        {
            ["eventType"] = eventType,
            ["channel"] = new JsonObject { ["id"] = victim.ConversationId },
            ["team"] = new JsonObject { ["id"] = victim.ConversationId },
        };
        await PostAsync(forged);

        Assert.NotNull(await Records.FindConversationAsync("webchat", victim.ConversationId, default));
        Assert.NotNull(await Records.FindPersonalByUserAsync("webchat", victim.UserId, default));
    }

    private async Task AssertTeamForgottenAsync()
    {
        Assert.Empty(await Designations.ListAsync(TeamsUser.TenantId, default));
        Assert.Empty(await Records.ListTeamAsync("msteams", TeamsUser.TeamId, default));
        Assert.Null(await Records.FindTeamAsync("msteams", TeamsUser.TeamId, default));
        Assert.Null(await Records.FindConversationAsync("msteams", TeamsUser.TeamId + ";messageid=1795444364332", default));
    }

    // With no channel left, a low answer's follow-up card is held; installed again and designated, it is posted there.
    private async Task AssertFollowUpHeldThenPostedAfterDesignationAsync()
    {
        var surveyId = await Flow.AnswerLowAsync();
        Assert.Null((await FollowUpAsync(surveyId))!.Card);
        Assert.DoesNotContain(_app.Connector.CallsOf(ConnectorOperation.Send), c => c.ConversationId == TeamsUser.TeamId);
        Assert.Single(await _app.Services.GetRequiredService<IHeldMessages>().ListAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps, default));

        await PostAsync(TeamInstallation("add"));
        await Flow.UseChannelForAlertsAsync();

        var card = (await FollowUpAsync(surveyId))!.Card;
        Assert.Equal(TeamsUser.TeamId, card?.ConversationId);
        Assert.Single(_app.Connector.CallsOf(ConnectorOperation.Send),
            c => c.ConversationId == TeamsUser.TeamId && (c.Result as ConnectorResult<ResourceResponse>)?.Value?.Id == card!.ActivityId);
    }

    private Task<FollowUp?> FollowUpAsync(string surveyId) => _app.Services.GetRequiredService<IFollowUps>().GetAsync(surveyId, default);

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await _app.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
    }
}
