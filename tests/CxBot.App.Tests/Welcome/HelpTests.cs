using System.Globalization;
using CxBot.App.Channels;
using CxBot.App.Localization;
using CxBot.App.Routing;
using CxBot.App.Tests.Support;
using CxBot.Testing.Processes;
using static CxBot.App.Tests.Welcome.WelcomeCardQuery;

namespace CxBot.App.Tests.Welcome;

/// <summary><c>help</c> lists what the reader may do where they are; other text gets a clear answer.</summary>
[Collection(AppAzurite.Name)]
public sealed class HelpTests(AzuriteProcess azurite) : IDisposable
{
    private static readonly LocalizedStrings RoutingStrings = new(typeof(ActivityRouter), "CxBot.App.Routing.RoutingStrings");

    private readonly CxBotAppFactory _factory = new(azurite);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Help_CustomerInPersonalChat_ListsHelpStopStart()
    {
        var user = TestPeople.NewCustomer();

        await _factory.PostActivityAsync(user.Text("help"));

        var card = Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId)).Card();
        Assert.Equal(Text("HelpTitle", BotCulture.English), Title(card));
        Assert.Equal(["help", "stop", "start"], ListedCommands(card));
    }

    [Fact]
    public async Task Help_SupervisorInTeamChannel_ListsHelpAndTheChannelCommands()
    {
        var supervisor = TestPeople.Supervisor();
        var activity = supervisor.InChannel(supervisor.Text("help"));

        await _factory.PostActivityAsync(activity);

        var card = Assert.Single(_factory.Connector.SentTo(ConversationOf(activity))).Card();
        Assert.Equal(["help", "use this channel for follow-ups", "use this channel for signals", "use this channel for digests",
            "use this channel for learnings", "use this channel for alerts", "channels", "stop using this channel", "signals", "actions"], ListedCommands(card));
    }

    [Fact]
    public async Task Help_AgentInTeamChannel_ListsOnlyHelp()
    {
        var agent = TestPeople.Agent();
        var activity = agent.InChannel(agent.Text("help"));

        await _factory.PostActivityAsync(activity);

        var card = Assert.Single(_factory.Connector.SentTo(ConversationOf(activity))).Card();
        Assert.Equal(["help"], ListedCommands(card));
    }

    [Fact]
    public async Task Hulp_WithEnglishLocale_AnswersInDutch()
    {
        var user = TestPeople.NewCustomer("en-US");

        await _factory.PostActivityAsync(user.Text("hulp"));

        var card = Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId)).Card();
        Assert.Equal("nl", card["lang"]!.GetValue<string>());
        Assert.Equal(Text("HelpTitle", BotCulture.Dutch), Title(card));
        Assert.Equal(["hulp", "stop enquêtes", "start enquêtes"], ListedCommands(card));
    }

    [Theory]
    [InlineData("Help!")]
    [InlineData("  HELP  ")]
    [InlineData("?")]
    public async Task Help_OtherSpellings_AnswerWithTheHelpCard(string text)
    {
        var user = TestPeople.NewCustomer();

        await _factory.PostActivityAsync(user.Text(text));

        var card = Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId)).Card();
        Assert.Equal(Text("HelpTitle", BotCulture.English), Title(card));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("nl-NL")]
    public async Task TextNoCommandMatches_AnswersNotUnderstoodInTheLocale(string locale)
    {
        var user = TestPeople.NewCustomer(locale);

        await _factory.PostActivityAsync(user.Text("what is the weather tomorrow"));

        var sent = Assert.Single(_factory.Connector.SentTo(user.PersonalConversationId));
        Assert.Equal(Text("NotUnderstood", CultureInfo.GetCultureInfo(locale)), sent.Text);
        Assert.Null(sent.Attachments);
    }

    [Fact]
    public async Task AlertsCommand_InPersonalChat_AnswersWrongScope()
    {
        var supervisor = TestPeople.Supervisor();

        await _factory.PostActivityAsync(supervisor.Text("use this channel for alerts"));

        var sent = Assert.Single(_factory.Connector.SentTo(supervisor.PersonalConversationId));
        Assert.Equal(RoutingStrings.Format("WrongScope", BotCulture.English, ChannelsModule.AlertsCommand), sent.Text);
    }

    [Theory]
    [InlineData(CxBotAppFactory.AgentAad)]
    [InlineData("0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a")]
    public async Task AlertsCommand_NonSupervisorInChannel_IsRefused(string aadObjectId)
    {
        var person = new TeamsUser(aadObjectId, "Not A Supervisor");
        var activity = person.InChannel(person.Text("use this channel for alerts"));

        await _factory.PostActivityAsync(activity);

        var sent = Assert.Single(_factory.Connector.SentTo(ConversationOf(activity)));
        Assert.Equal(RoutingStrings.Get("SupervisorsOnly", BotCulture.English), sent.Text);
    }

    private static string ConversationOf(System.Text.Json.Nodes.JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>();
}
