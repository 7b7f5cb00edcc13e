using System.Text.Json.Nodes;
using CxBot.EndToEnd.Tests.Fakes;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Processes;

public sealed class PlaygroundClientTests(FakeBotPlayground fixture) : IClassFixture<FakeBotPlayground>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private PlaygroundClient Client => fixture.Client;

    private AsyncRecorder<JsonObject> BotActivities => fixture.Bot.Activities;

    [Fact]
    public void Config_DescribesTheMockTenant()
    {
        Assert.Equal("fake-bot-chat", Client.PersonalChatId);
        Assert.Equal("00000000-0000-0000-0000-00000000000011", Client.Config.Bot.Id);
        Assert.Equal("user-id-0", Client.Config.CurrentUser.Id);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", Client.Config.CurrentUser.AadObjectId);
        Assert.Equal("team-id", Client.ChannelId);
        Assert.NotEmpty(Client.GroupChatId);
    }

    [Fact]
    public async Task Install_SendsInstallationUpdateThenConversationUpdate()
    {
        await Client.InstallAsync();

        var installation = await BotActivities.WaitForAsync(a => (string?)a["type"] == "installationUpdate", Wait);
        var conversationUpdate = await BotActivities.WaitForAsync(a => (string?)a["type"] == "conversationUpdate", Wait);
        var welcome = await Client.WaitForMessageAsync(m => m.Text == FakeBot.WelcomeText);

        Assert.Equal("add", (string?)installation["action"]);
        Assert.Contains(
            conversationUpdate["membersAdded"]!.AsArray(),
            member => (string?)member!["id"] == Client.Config.Bot.Id);
        Assert.Equal(Client.PersonalChatId, welcome.ConversationId);
    }

    [Fact]
    public async Task SendText_InPersonalChat_TheBotsReplyArrivesOnTheStream()
    {
        var post = await Client.SendTextAsync(Client.PersonalChatId, "hello there");

        var activity = await BotActivities.WaitForAsync(a => (string?)a["text"] == "hello there", Wait);
        var reply = await Client.WaitForMessageAsync(m => m.Text == "pong: hello there");

        Assert.NotEmpty(post.MessageId);
        Assert.Equal("personal", (string?)activity["conversation"]!["conversationType"]);
        Assert.Equal(fixture.Playground.ServiceUrl.ToString().TrimEnd('/'), (string?)activity["serviceUrl"]);
        Assert.Equal(PlaygroundMessageAction.Create, reply.Action);
        Assert.Equal(Client.PersonalChatId, reply.ConversationId);
        Assert.Equal(Client.Config.Bot.Id, reply.FromId);
    }

    [Fact]
    public async Task SendCustomText_FromAnotherUserInTheGroupChat_CarriesThatUsersAadObjectId()
    {
        await Client.SendCustomTextAsync(Client.GroupChatId, "from megan", fromUserId: "user-id-1");

        var activity = await BotActivities.WaitForAsync(a => (string?)a["text"] == "from megan", Wait);
        var reply = await Client.WaitForMessageAsync(m => m.Text == "pong: from megan");

        Assert.Equal(Client.GroupChatId, reply.ConversationId);

        Assert.Equal("user-id-1", (string?)activity["from"]!["id"]);
        Assert.Equal("00000000-0000-0000-0000-0000000000021", (string?)activity["from"]!["aadObjectId"]);
    }

    [Fact]
    public async Task SendText_InGroupChatMentioningTheBot_ReachesTheBotWithAMention()
    {
        await Client.SendTextAsync(Client.GroupChatId, "group hello", mentionBot: true);

        var activity = await BotActivities.WaitForAsync(a => ((string?)a["text"])?.EndsWith("group hello", StringComparison.Ordinal) == true, Wait);
        var reply = await Client.WaitForMessageAsync(m => m.Text == "pong: group hello");

        Assert.Equal("groupChat", (string?)activity["conversation"]!["conversationType"]);
        Assert.Contains(activity["entities"]!.AsArray(), e => (string?)e!["type"] == "mention");
        Assert.Equal(Client.GroupChatId, reply.ConversationId);
    }

    [Fact]
    public async Task SendText_InChannelMentioningTheBot_TheReplyIsInThePostsThread()
    {
        var post = await Client.SendTextAsync(Client.ChannelId, "channel hello", mentionBot: true);

        var reply = await Client.WaitForMessageAsync(m => m.Text == "pong: channel hello");

        Assert.Equal($"team-id;messageid={post.MessageId}", post.PostConversationId);
        Assert.Equal(post.ReplyConversationId(Client.ChannelId), reply.ConversationId);
    }

    [Fact]
    public async Task Submit_OnACard_TheBotReceivesTheValueAndTheCardIsUpdated()
    {
        await Client.SendTextAsync(Client.PersonalChatId, "card");
        var card = await Client.WaitForMessageAsync(m => m.AdaptiveCards.Any());

        await Client.SubmitAsync(Client.PersonalChatId, card.MessageId!, new JsonObject { ["verb"] = "rate", ["score"] = "4" });

        var submit = await BotActivities.WaitForAsync(a => (string?)a["type"] == "message" && a["value"] is JsonObject, Wait);
        var update = await Client.WaitForMessageAsync(m => m.Action == PlaygroundMessageAction.Update && m.MessageId == card.MessageId);
        Assert.Equal("Rate us", (string?)card.AdaptiveCard["body"]![0]!["text"]);
        Assert.Equal(card.MessageId, (string?)submit["replyToId"]);
        Assert.Equal("4", (string?)submit["value"]!["score"]);
        Assert.Equal("""submitted: {"verb":"rate","score":"4"}""", update.Text);
    }

    [Fact]
    public async Task Execute_ReturnsTheBotsInvokeResponseBody()
    {
        await Client.SendTextAsync(Client.PersonalChatId, "card");
        var card = await Client.WaitForMessageAsync(m => m.AdaptiveCards.Any());

        var body = await Client.ExecuteAsync(Client.PersonalChatId, card.MessageId!, "rate", new JsonObject { ["score"] = "5" });

        var invoke = await BotActivities.WaitForAsync(a => (string?)a["value"]?["action"]?["data"]?["score"] == "5", Wait);
        Assert.Equal(PlaygroundMessage.AdaptiveCardContentType, (string?)body["type"]);
        Assert.Equal("executed rate", (string?)body["value"]!["body"]![0]!["text"]);
        Assert.Equal("adaptiveCard/action", (string?)invoke["name"]);
        Assert.Equal("5", (string?)invoke["value"]!["action"]!["data"]!["score"]);
    }

    [Fact]
    public async Task Invoke_WhenTheBotFails_ThrowsWithTheRelayedStatus()
    {
        await Client.SendTextAsync(Client.PersonalChatId, "card");
        var card = await Client.WaitForMessageAsync(m => m.AdaptiveCards.Any());

        var failure = await Assert.ThrowsAsync<PlaygroundRequestException>(() =>
            Client.ExecuteAsync(Client.PersonalChatId, card.MessageId!, "rate", new JsonObject { ["fail"] = true }));

        Assert.Equal(502, failure.StatusCode);
        Assert.Contains("UserBotError", failure.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCustomText_InDutch_ReachesTheBotInThatLocale()
    {
        var id = await Client.SendCustomTextAsync(Client.PersonalChatId, "hallo daar", "nl-NL");

        var activity = await BotActivities.WaitForAsync(a => (string?)a["text"] == "hallo daar", Wait);
        await Client.WaitForMessageAsync(m => m.Text == "pong: hallo daar");

        Assert.Equal(id, (string?)activity["id"]);
        Assert.Equal("nl-NL", (string?)activity["locale"]);
        Assert.Equal("nl-NL", (string?)activity["entities"]![0]!["locale"]);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", (string?)activity["from"]!["aadObjectId"]);
        Assert.Equal(Client.PersonalChatId, (string?)activity["conversation"]!["id"]);
    }

    [Fact]
    public async Task Execute_OnAnUnknownMessage_IsRefusedByThePlayground()
    {
        var refusal = await Assert.ThrowsAsync<PlaygroundRequestException>(() =>
            Client.ExecuteAsync(Client.PersonalChatId, "1", "rate", []));

        Assert.Equal(400, refusal.StatusCode);
        Assert.Contains("ActivityNotFoundInConversation", refusal.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForMessage_WhenNothingMatches_TimesOutListingWhatArrived()
    {
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() =>
            Client.WaitForMessageAsync(m => m.Text == "never sent", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("Recorded so far", timeout.Message, StringComparison.Ordinal);
    }
}
