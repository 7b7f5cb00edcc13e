using System.Text.Json.Nodes;
using CxBot.App.Alerts;
using CxBot.App.Localization;
using CxBot.App.Tests.Support;
using CxBot.Domain.Settings;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Alerts;

/// <summary><c>use this channel for alerts</c>: a supervisor makes the team channel the place for follow-ups.</summary>
[Collection(AppAzurite.Name)]
public sealed class AlertChannelCommandTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task Supervisor_InChannelThread_StoresTheChannelRootAndConfirms()
    {
        using var factory = new CxBotAppFactory(azurite);
        var supervisor = TestPeople.Supervisor();
        var activity = supervisor.InChannel(supervisor.Text("use this channel for alerts"), threadId: "1795444364332");

        await factory.PostActivityAsync(activity);

        var channel = await AlertChannelOf(factory);
        Assert.NotNull(channel);
        Assert.Equal(TeamsUser.TeamId, channel.ChannelConversationId);
        Assert.DoesNotContain(";messageid=", channel.ChannelConversationId, StringComparison.Ordinal);
        Assert.Equal(TeamsUser.TeamId, channel.TeamId);
        Assert.Equal(supervisor.Name, channel.SetBy);
        Assert.Equal(factory.Time.GetUtcNow(), channel.SetAt);
        var reference = JsonNode.Parse(channel.Reference)!;
        Assert.Equal(TeamsUser.TeamId, reference["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsUser.ServiceUrl, reference["serviceUrl"]!.GetValue<string>());
        Assert.Null(reference["user"]);

        var reply = Assert.Single(factory.Connector.SentTo(ConversationOf(activity)));
        Assert.Equal(AlertsModule.Strings.Format("ChannelSet", BotCulture.English, supervisor.Name), reply.Text);
    }

    [Fact]
    public async Task Supervisor_DutchKeyword_ConfirmsInDutchAndKeepsDutchForAlerts()
    {
        using var factory = new CxBotAppFactory(azurite);
        var supervisor = TestPeople.Supervisor("en-US");
        var activity = supervisor.InChannel(supervisor.Text("gebruik dit kanaal voor meldingen"));

        await factory.PostActivityAsync(activity);

        var channel = await AlertChannelOf(factory);
        Assert.Equal("nl-NL", JsonNode.Parse(channel!.Reference)!["locale"]!.GetValue<string>());
        var reply = Assert.Single(factory.Connector.SentTo(ConversationOf(activity)));
        Assert.Equal(AlertsModule.Strings.Format("ChannelSet", BotCulture.Dutch, supervisor.Name), reply.Text);
    }

    [Fact]
    public async Task Agent_InChannel_StoresNothing()
    {
        using var factory = new CxBotAppFactory(azurite);
        var agent = TestPeople.Agent();

        await factory.PostActivityAsync(agent.InChannel(agent.Text("use this channel for alerts")));

        Assert.Null(await AlertChannelOf(factory));
    }

    [Fact]
    public async Task Supervisor_SecondChannel_ReplacesTheFirst()
    {
        using var factory = new CxBotAppFactory(azurite);
        var supervisor = TestPeople.Supervisor();
        const string otherChannel = "19:escalations@thread.skype";
        var first = supervisor.InChannel(supervisor.Text("use this channel for alerts"));
        var second = supervisor.InChannel(supervisor.Text("use this channel for alerts"));
        second["conversation"]!["id"] = otherChannel + ";messageid=1795444364400";
        second["channelData"]!["channel"]!["id"] = otherChannel;

        await factory.PostActivityAsync(first);
        await factory.PostActivityAsync(second);

        Assert.Equal(otherChannel, (await AlertChannelOf(factory))!.ChannelConversationId);
    }

    private static Task<AlertChannel?> AlertChannelOf(CxBotAppFactory factory) =>
        factory.Services.GetRequiredService<IAlertChannels>().GetAsync(TeamsUser.TenantId, CancellationToken.None);

    private static string ConversationOf(JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>();
}
