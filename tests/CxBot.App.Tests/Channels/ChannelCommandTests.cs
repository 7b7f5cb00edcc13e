using System.Text.Json.Nodes;
using CxBot.App.Channels;
using CxBot.App.Localization;
using CxBot.App.Routing;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Channels;

/// <summary>Supervisors designate team channels by purpose and queue, list them, and take them back.</summary>
[Collection(AppAzurite.Name)]
public sealed class ChannelCommandTests(AzuriteProcess azurite) : IDisposable
{
    private const string OtherChannel = "19:escalations@thread.skype";
    private static readonly LocalizedStrings RoutingStrings = new(typeof(ActivityRouter), "CxBot.App.Routing.RoutingStrings");
    private static readonly LocalizedStrings Strings = new(typeof(ChannelsModule), "CxBot.App.Channels.ChannelStrings");

    private readonly CxBotAppFactory _app = new(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task UseForFollowUps_InAChannelThread_StoresTheChannelRootForFollowUpsOnly_AndConfirms()
    {
        var supervisor = TestPeople.Supervisor();
        var activity = supervisor.InChannel(supervisor.Text("use this channel for follow-ups"), threadId: "1795444364332");

        await _app.PostActivityAsync(activity);

        var designation = Assert.Single(await DesignationsAsync());
        Assert.Equal((ChannelPurpose.FollowUps, null, TeamsUser.TeamId, TeamsUser.TeamId, TeamsUser.TenantId),
            (designation.Purpose, designation.Queue, designation.ChannelConversationId, designation.TeamId, designation.TenantId));
        Assert.Equal((supervisor.Name, CxBotAppFactory.SupervisorAad), (designation.SetBy.DisplayName, designation.SetBy.ObjectId));
        Assert.Equal(_app.Time.GetUtcNow(), designation.SetAt);
        var reference = JsonNode.Parse(designation.Reference)!;
        Assert.Equal(TeamsUser.TeamId, reference["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsUser.ServiceUrl, reference["serviceUrl"]!.GetValue<string>());
        Assert.Null(reference["user"]);
        var reply = Assert.Single(_app.Connector.SentTo(ConversationOf(activity)));
        Assert.Equal(Strings.Format("Designated", BotCulture.English, "follow-ups", supervisor.Name), reply.Text);
    }

    [Theory]
    [InlineData("use this channel for alerts")]
    [InlineData("gebruik dit kanaal voor meldingen")]
    public async Task TheLegacyAlertsCommand_DesignatesAllFourPurposes(string command)
    {
        var supervisor = TestPeople.Supervisor();

        await _app.PostActivityAsync(supervisor.InChannel(supervisor.Text(command)));

        var designations = await DesignationsAsync();
        Assert.Equal(ChannelPurposes.All, designations.Select(d => d.Purpose).Order());
        Assert.All(designations, d => Assert.Equal((null, TeamsUser.TeamId), (d.Queue, d.ChannelConversationId)));
    }

    [Theory]
    [InlineData("gebruik dit kanaal voor opvolging", ChannelPurpose.FollowUps)]
    [InlineData("gebruik dit kanaal voor opvolgingen", ChannelPurpose.FollowUps)]
    [InlineData("gebruik dit kanaal voor opvolgacties", ChannelPurpose.FollowUps)]
    [InlineData("gebruik dit kanaal voor signalen", ChannelPurpose.Signals)]
    [InlineData("gebruik dit kanaal voor klantsignalen", ChannelPurpose.Signals)]
    [InlineData("gebruik dit kanaal voor samenvattingen", ChannelPurpose.Digests)]
    [InlineData("gebruik dit kanaal voor overzichten", ChannelPurpose.Digests)]
    [InlineData("gebruik dit kanaal voor lessen", ChannelPurpose.Learnings)]
    [InlineData("gebruik dit kanaal voor leerpunten", ChannelPurpose.Learnings)]
    [InlineData("use this channel for summaries", ChannelPurpose.Digests)]
    [InlineData("Use this channel for Follow ups", ChannelPurpose.FollowUps)]
    public async Task EachPurposeWord_DesignatesItsPurpose(string command, ChannelPurpose purpose)
    {
        var supervisor = TestPeople.Supervisor();

        await _app.PostActivityAsync(supervisor.InChannel(supervisor.Text(command)));

        Assert.Equal(purpose, Assert.Single(await DesignationsAsync()).Purpose);
    }

    [Fact]
    public async Task DutchCommand_WithAQueue_StoresThePerQueueDesignation_AndConfirmsInDutch()
    {
        var supervisor = TestPeople.Supervisor("en-US");
        var activity = supervisor.InChannel(supervisor.Text("gebruik dit kanaal voor signalen voor wachtrij Facturen Zakelijk"));

        await _app.PostActivityAsync(activity);

        var designation = Assert.Single(await DesignationsAsync());
        Assert.Equal((ChannelPurpose.Signals, "Facturen Zakelijk"), (designation.Purpose, designation.Queue));
        Assert.Equal("nl-NL", JsonNode.Parse(designation.Reference)!["locale"]!.GetValue<string>());
        var reply = Assert.Single(_app.Connector.SentTo(ConversationOf(activity)));
        Assert.Equal(Strings.Format("Designated.Queue", BotCulture.Dutch, "signalen", "Facturen Zakelijk", supervisor.Name), reply.Text);
    }

    [Fact]
    public async Task APerQueueDesignation_KeepsTheAllQueuesOne_AndTheResolverPrefersItForItsQueue()
    {
        var supervisor = TestPeople.Supervisor();
        await _app.PostActivityAsync(supervisor.InChannel(supervisor.Text("use this channel for follow-ups")));
        await _app.PostActivityAsync(InOtherChannel(supervisor, "use this channel for follow-ups for queue \"VIP 'Gold' #1\"", OtherChannel));

        var designations = await DesignationsAsync();
        Assert.Equal(2, designations.Count);
        var resolver = _app.Services.GetRequiredService<ChannelResolver>();
        Assert.Equal(OtherChannel, (await resolver.ResolveAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps, "vip 'gold' #1 ", default))!.ChannelConversationId);
        Assert.Equal("VIP 'Gold' #1", (await resolver.ResolveAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps, "VIP 'Gold' #1", default))!.Queue);
        Assert.Equal(TeamsUser.TeamId, (await resolver.ResolveAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps, "billing", default))!.ChannelConversationId);
        Assert.Null(await resolver.ResolveAsync(TeamsUser.TenantId, ChannelPurpose.Signals, "billing", default));
    }

    [Theory]
    [InlineData("use this channel for follow-ups please")]
    [InlineData("use this channel for follow-ups for queue")]
    [InlineData("gebruik dit kanaal voor opvolging voor")]
    public async Task AnUnreadableArgument_StoresNothing_AndExplains(string command)
    {
        var supervisor = TestPeople.Supervisor();
        var activity = supervisor.InChannel(supervisor.Text(command));

        await _app.PostActivityAsync(activity);

        Assert.Empty(await DesignationsAsync());
        var reply = Assert.Single(_app.Connector.SentTo(ConversationOf(activity)));
        var culture = command.StartsWith("gebruik", StringComparison.Ordinal) ? BotCulture.Dutch : BotCulture.English;
        Assert.Equal(Strings.Get("Usage.Use", culture), reply.Text);
    }

    [Theory]
    [InlineData(CxBotAppFactory.AgentAad, "use this channel for follow-ups")]
    [InlineData(CxBotAppFactory.AgentAad, "use this channel for alerts")]
    [InlineData(CxBotAppFactory.AgentAad, "channels")]
    [InlineData(CxBotAppFactory.AgentAad, "stop using this channel")]
    [InlineData("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a", "use this channel for signals")]
    [InlineData("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a", "gebruik dit kanaal voor lessen")]
    [InlineData("0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a", "kanalen")]
    public async Task AgentsAndCustomers_AreRefused_AndNothingIsStored(string aadObjectId, string command)
    {
        await SetAsync(ChannelPurpose.Digests, null, OtherChannel);
        var person = new TeamsUser(aadObjectId, "Not A Supervisor");
        var activity = person.InChannel(person.Text(command));

        await _app.PostActivityAsync(activity);

        var designation = Assert.Single(await DesignationsAsync());
        Assert.Equal(OtherChannel, designation.ChannelConversationId);
        var reply = Assert.Single(_app.Connector.SentTo(ConversationOf(activity)));
        var culture = command is "kanalen" || command.StartsWith("gebruik", StringComparison.Ordinal) ? BotCulture.Dutch : BotCulture.English;
        Assert.Equal(RoutingStrings.Get("SupervisorsOnly", culture), reply.Text);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public async Task Channels_ListsTheTenantsDesignations_InEnglish_WithUserTextInert()
    {
        var supervisor = TestPeople.Supervisor();
        await _app.PostActivityAsync(supervisor.InChannel(supervisor.Text("use this channel for follow-ups")));
        await _app.PostActivityAsync(InOtherChannel(supervisor, "use this channel for signals for queue **VIP** {{x}}", OtherChannel, channelName: "Escalations"));
        await _app.Services.GetRequiredService<IChannelDesignations>().SetAsync(new ChannelDesignation("0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
            ChannelPurpose.Digests, null, "19:other-team@thread.skype", "19:other-team@thread.skype", "{}", new PersonRef("Someone Else"), _app.Time.GetUtcNow()), default);

        var card = await ListAsync(supervisor, "channels");

        var text = CardNodes.VisibleText(card);
        Assert.Contains("Follow-ups", text, StringComparison.Ordinal);
        Assert.Contains("all queues", text, StringComparison.Ordinal);
        Assert.Contains("Signals", text, StringComparison.Ordinal);
        Assert.Contains("Escalations", text, StringComparison.Ordinal);
        Assert.Contains("Sam Supervisor", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Digests", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone Else", text, StringComparison.Ordinal);
        // The queue name is a text run (never markdown) and its braces cannot become a template expression.
        var queueRun = Assert.Single(CardQueryRuns(card), r => r.Contains("VIP", StringComparison.Ordinal));
        Assert.Equal("**VIP** {\u2060{x}}", queueRun);
        Assert.DoesNotContain(CardTextBlocks(card), t => t.Contains("VIP", StringComparison.Ordinal));
        Assert.Equal("en", card["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task Kanalen_ListsInDutch_AndSaysWhenThereAreNone()
    {
        var supervisor = TestPeople.Supervisor();
        var emptyCard = await ListAsync(supervisor, "kanalen");
        Assert.Contains(Strings.Get("List.Empty", BotCulture.Dutch), CardNodes.VisibleText(emptyCard), StringComparison.Ordinal);

        await _app.PostActivityAsync(supervisor.InChannel(supervisor.Text("gebruik dit kanaal voor opvolging voor wachtrij facturen")));
        var card = await ListAsync(supervisor, "kanalen");
        var text = CardNodes.VisibleText(card);
        Assert.Contains("Kanalen", text, StringComparison.Ordinal);
        Assert.Contains("Opvolging", text, StringComparison.Ordinal);
        Assert.Contains("Wachtrij: ", text, StringComparison.Ordinal);
        Assert.Contains("facturen", text, StringComparison.Ordinal);
        Assert.Contains("Algemeen", text, StringComparison.Ordinal);
        Assert.Equal("nl", card["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task StopUsingThisChannelForAPurpose_RemovesOnlyThatPurposeHere()
    {
        var supervisor = TestPeople.Supervisor();
        await _app.PostActivityAsync(supervisor.InChannel(supervisor.Text("use this channel for alerts")));
        await SetAsync(ChannelPurpose.Signals, "billing", OtherChannel);
        var stop = supervisor.InChannel(supervisor.Text("stop using this channel for signals"));

        await _app.PostActivityAsync(stop);

        var left = await DesignationsAsync();
        Assert.Equal([ChannelPurpose.FollowUps, ChannelPurpose.Signals, ChannelPurpose.Digests, ChannelPurpose.Learnings],
            left.Select(d => d.Purpose).Order());
        Assert.Single(left, d => d.Purpose == ChannelPurpose.Signals && d.ChannelConversationId == OtherChannel);
        Assert.Equal(Strings.Format("Stopped", BotCulture.English, "signals"), _app.Connector.SentTo(ConversationOf(stop))[^1].Text);
    }

    [Fact]
    public async Task GebruikDitKanaalNietMeer_RemovesEverythingOfThisChannel_AndNothingElsewhere()
    {
        var supervisor = TestPeople.Supervisor();
        await _app.PostActivityAsync(supervisor.InChannel(supervisor.Text("use this channel for follow-ups")));
        await _app.PostActivityAsync(supervisor.InChannel(supervisor.Text("use this channel for digests for queue billing")));
        await SetAsync(ChannelPurpose.Learnings, null, OtherChannel);
        var stop = supervisor.InChannel(supervisor.Text("gebruik dit kanaal niet meer"));

        await _app.PostActivityAsync(stop);

        var left = Assert.Single(await DesignationsAsync());
        Assert.Equal((ChannelPurpose.Learnings, OtherChannel), (left.Purpose, left.ChannelConversationId));
        Assert.Equal(Strings.Format("Stopped", BotCulture.Dutch, "opvolgingen en samenvattingen"), _app.Connector.SentTo(ConversationOf(stop))[^1].Text);
    }

    private Task<IReadOnlyList<ChannelDesignation>> DesignationsAsync() =>
        _app.Services.GetRequiredService<IChannelDesignations>().ListAsync(TeamsUser.TenantId, default);

    private Task SetAsync(ChannelPurpose purpose, string? queue, string channel) =>
        _app.Services.GetRequiredService<IChannelDesignations>().SetAsync(new ChannelDesignation(TeamsUser.TenantId, purpose, queue,
            TeamsUser.TeamId, channel, "{}", new PersonRef("Earlier"), _app.Time.GetUtcNow()), default);

    private static JsonObject InOtherChannel(TeamsUser user, string text, string channelId, string? channelName = null)
    {
        var activity = user.InChannel(user.Text(text));
        activity["conversation"]!["id"] = channelId + ";messageid=1795444364400";
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId, ["name"] = channelName };
        return activity;
    }

    private async Task<JsonObject> ListAsync(TeamsUser supervisor, string command)
    {
        var list = supervisor.InChannel(supervisor.Text(command));
        await _app.PostActivityAsync(list);
        var sent = _app.Connector.SentTo(ConversationOf(list))[^1];
        return Assert.IsType<JsonObject>(sent.Attachments?.FirstOrDefault()?.Content);
    }

    private static string ConversationOf(JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>();

    private static IEnumerable<string> CardQueryRuns(JsonNode card) =>
        Cards.CardQuery.Descendants(card).Where(o => o["type"]?.GetValue<string>() == "TextRun").Select(o => o["text"]!.GetValue<string>());

    private static IEnumerable<string> CardTextBlocks(JsonNode card) =>
        Cards.CardQuery.Descendants(card).Where(o => o["type"]?.GetValue<string>() == "TextBlock").Select(o => o["text"]!.GetValue<string>());
}
