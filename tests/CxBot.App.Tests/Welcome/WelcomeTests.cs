using System.Net;
using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Tests.Support;
using CxBot.App.Welcome;
using CxBot.Protocol.Schema;
using CxBot.Testing.Processes;
using static CxBot.App.Tests.Welcome.WelcomeCardQuery;

namespace CxBot.App.Tests.Welcome;

/// <summary>One welcome card per install, in the installer's language, whichever activity announces the install.</summary>
[Collection(AppAzurite.Name)]
public sealed class WelcomeTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _factory = new(azurite);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TeamsPersonalInstall_EnglishLocale_SendsOneEnglishWelcomeCard()
    {
        var user = TestPeople.NewCustomer("en-US");

        var response = await _factory.PostActivityAsync(user.Install());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId)).Card();
        Assert.Equal("en", card["lang"]!.GetValue<string>());
        Assert.Equal(Text("Title", BotCulture.English), Title(card));
        Assert.Equal(Text("PersonalIntro", BotCulture.English), card["body"]![1]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task TeamsPersonalInstall_DutchLocale_SendsOneDutchWelcomeCard()
    {
        var user = TestPeople.NewCustomer("nl-NL");

        await _factory.PostActivityAsync(user.Install());

        var sent = Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId));
        var card = sent.Card();
        Assert.Equal("nl", card["lang"]!.GetValue<string>());
        Assert.Equal(Text("Title", BotCulture.Dutch), Title(card));
        Assert.NotEqual(Text("Title", BotCulture.English), Title(card));
        Assert.Equal("nl-NL", sent.Locale);
    }

    [Fact]
    public async Task TeamsWelcome_IsAddressedFromTheBotToTheInstaller()
    {
        var user = TestPeople.NewCustomer();

        await _factory.PostActivityAsync(user.Install());

        var call = Assert.Single(_factory.Connector.Calls);
        Assert.Equal(TeamsUser.ServiceUrl, call.ServiceUrl);
        Assert.Equal(TeamsUser.BotId, call.Activity!.From!.Id);
        Assert.Equal(user.UserId, call.Activity.Recipient!.Id);
    }

    [Fact]
    public async Task TeamsInstallInATeam_SendsTheTeamWelcome()
    {
        var supervisor = TestPeople.Supervisor();
        var install = supervisor.InChannel(supervisor.Install());

        await _factory.PostActivityAsync(install);

        var sent = Assert.Single(_factory.Connector.SentTo(install["conversation"]!["id"]!.GetValue<string>()));
        Assert.Equal(Text("TeamIntro", BotCulture.English), sent.Card()["body"]![1]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task TeamsUninstall_SendsNothing()
    {
        var remove = TestPeople.NewCustomer().Install();
        remove["action"] = "remove";

        await _factory.PostActivityAsync(remove);

        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task TeamsConversationUpdateWithTheBotAdded_SendsNothing()
    {
        var update = TestPeople.NewCustomer().Personal(ActivityTypes.ConversationUpdate);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsUser.BotId });

        var response = await _factory.PostActivityAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task WebChatConversationUpdateWithTheBotAdded_SendsTheWelcome()
    {
        var user = WebChatUser.New("nl-NL");

        await _factory.PostActivityAsync(user.BotAdded());

        var card = Assert.Single(_factory.Connector.SentTo(user.ConversationId)).Card();
        Assert.Equal(Text("Title", BotCulture.Dutch), Title(card));
    }

    [Fact]
    public async Task WebChatConversationUpdateWithOnlyTheUserAdded_SendsNothing()
    {
        var user = WebChatUser.New();
        var update = user.Activity(ActivityTypes.ConversationUpdate);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = user.UserId });

        await _factory.PostActivityAsync(update);

        Assert.Empty(_factory.Connector.Calls);
    }

    [Fact]
    public async Task WelcomeCardShowCommandsButton_AnswersTheInvokeWithTheHelpCard()
    {
        var user = TestPeople.NewCustomer();
        await _factory.PostActivityAsync(user.Install());
        var welcome = Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId)).Card();
        var button = welcome["actions"]!.AsArray().Single()!.AsObject();
        Assert.Equal("Action.Execute", button["type"]!.GetValue<string>());
        Assert.Equal("Action.Submit", button["fallback"]!["type"]!.GetValue<string>());

        var response = await _factory.PostActivityAsync(user.Execute(button["verb"]!.GetValue<string>(), button["data"]!.DeepClone().AsObject()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal(InvokeResponse.CardType, body["type"]!.GetValue<string>());
        var help = body["value"]!.AsObject();
        Assert.Equal(Text("HelpTitle", BotCulture.English), Title(help));
        Assert.Equal(["help", "stop", "start"], ListedCommands(help));
        Assert.Single(_factory.Connector.Calls);
    }

    [Fact]
    public async Task WelcomeCardShowCommandsSubmitFallback_SendsTheHelpCard()
    {
        var user = WebChatUser.New();
        var submit = user.Activity(ActivityTypes.Message);
        submit["value"] = new JsonObject { ["verb"] = WelcomeModule.HelpVerb };

        await _factory.PostActivityAsync(submit);

        var card = Assert.Single(_factory.Connector.SentTo(user.ConversationId)).Card();
        Assert.Equal(Text("HelpTitle", BotCulture.English), Title(card));
    }
}
