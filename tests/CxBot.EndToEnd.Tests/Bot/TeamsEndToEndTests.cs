using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>Through the Agents Playground's client API, as Teams would drive the bot.</summary>
public sealed class TeamsEndToEndTests(TeamsBot bot) : IClassFixture<TeamsBot>
{
    private PlaygroundClient Client => bot.Client;

    [Fact]
    public async Task Install_GivesTheWelcomeCard_AndHelpListsTheCommandsInEnglishAndDutch()
    {
        await Client.InstallAsync();
        await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "Welcome to CxBot"));

        await Client.SendTextAsync(Client.PersonalChatId, "help");
        var english = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "What you can do here"));
        var englishCard = english.AdaptiveCard.ToJsonString(RealBot.Readable);
        Assert.Contains("\"help\"", englishCard, StringComparison.Ordinal);
        Assert.Contains("Stop receiving surveys", englishCard, StringComparison.Ordinal);

        await Client.SendCustomTextAsync(Client.PersonalChatId, "hulp", locale: "nl-NL");
        var dutch = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "Wat je hier kunt doen"));
        var dutchCard = dutch.AdaptiveCard.ToJsonString(RealBot.Readable);
        Assert.Contains("\"hulp\"", dutchCard, StringComparison.Ordinal);
        Assert.Contains("Ontvang geen enquêtes meer", dutchCard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_GivesASurveyInThePersonalChat_AnsweringItThanksAndStoresOneResponse()
    {
        await Client.InstallAsync();
        var contactId = "e2e-" + Guid.NewGuid().ToString("N")[..8];

        var decision = await bot.PostContactAsync(RealBot.TeamsCustomer(), contactId);
        Assert.Equal("scheduled", (string?)decision["status"]);

        var survey = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "How did we do?") && RealBot.CardContains(m, "Sam de Boer"), TimeSpan.FromSeconds(20));
        var answer = RealBot.Answer(survey.AdaptiveCard, ("csat", "4"), ("expectation", "as-expected"), ("resolution", "yes"), ("comment", "Quick and *friendly*"));
        var reply = await Client.ExecuteAsync(Client.PersonalChatId, survey.MessageId!, "survey.answer", answer);

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)reply["type"]);
        Assert.Contains("Thank you!", RealBot.ValueText(reply), StringComparison.Ordinal);

        var stored = await bot.StoredResponseAsync(contactId);
        Assert.NotNull(stored);
        Assert.Equal("agent-7", stored.Agent.AgentId);
        Assert.Equal("Sam de Boer", stored.Agent.DisplayName);
        Assert.Equal("billing", stored.Queue);
        Assert.Equal(4, stored.Answers.Csat);
        Assert.Equal("Quick and *friendly*", stored.Answers.Comment);

        var again = await Client.ExecuteAsync(Client.PersonalChatId, survey.MessageId!, "survey.answer", answer);
        Assert.Contains("Already answered", RealBot.ValueText(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LowScore_PostsAFollowUpInTheTeamChannel_ClaimEditsIt_ASecondClaimShowsTheOwner()
    {
        await Client.InstallAsync();
        await Client.SendTextAsync(Client.ChannelId, "use this channel for alerts", mentionBot: true);
        await Client.WaitForMessageAsync(m => m.Text?.Contains("post follow-ups, signals, digests and learnings in this channel", StringComparison.Ordinal) == true);

        var contactId = "e2e-low-" + Guid.NewGuid().ToString("N")[..8];
        await bot.PostContactAsync(RealBot.TeamsCustomer(), contactId);
        var survey = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "How did we do?"), TimeSpan.FromSeconds(20));
        var thanks = await Client.ExecuteAsync(Client.PersonalChatId, survey.MessageId!, "survey.answer",
            RealBot.Answer(survey.AdaptiveCard, ("csat", "1"), ("resolution", "no"), ("consent", "true"), ("comment", "Nobody called back")));
        Assert.Contains("within 24 hours", RealBot.ValueText(thanks), StringComparison.Ordinal);

        var followUp = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "Call back a dissatisfied customer") && RealBot.CardContains(m, contactId), TimeSpan.FromSeconds(20));
        var claimData = followUp.AdaptiveCard["actions"]!.AsArray().OfType<JsonObject>().First(a => (string?)a["title"] == "Claim")["data"]!.AsObject();

        // A click on a channel post comes from the post's thread.
        var thread = $"{followUp.ConversationId};messageid={followUp.MessageId}";
        var claimed = await Client.ExecuteAsync(thread, followUp.MessageId!, "followup.claim", claimData);
        Assert.Contains("Claimed by Alex Wilber", RealBot.ValueText(claimed), StringComparison.Ordinal);
        var edited = await Client.WaitForMessageAsync(m => m.Action == PlaygroundMessageAction.Update && m.MessageId == followUp.MessageId);
        Assert.True(RealBot.CardContains(edited, "Claimed by Alex Wilber"));

        // Megan (an agent) clicks Claim on her own copy of the card: Teams sends her invoke to the bot.
        var meganClaim = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = bot.Playground.ServiceUrl.ToString(),
            ["from"] = Client.Account("user-id-1"),
            ["recipient"] = new JsonObject { ["id"] = Client.Config.Bot.Id, ["name"] = Client.Config.Bot.Name },
            ["conversation"] = new JsonObject { ["id"] = thread, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = RealBot.PlaygroundTenant },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = RealBot.PlaygroundTenant } },
            ["replyToId"] = followUp.MessageId,
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "followup.claim", ["data"] = claimData.DeepClone() } },
        };
        using var http = new HttpClient();
        using var refused = await http.PostAsJsonAsync(bot.Bot.MessagesEndpoint, meganClaim);
        var refusal = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("Already claimed by Alex Wilber", RealBot.ValueText(refusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUpsAndSignalsInTwoChannels_TheFollowUpCardGoesToTheFollowUpsChannelOnly()
    {
        await Client.InstallAsync();
        var channels = Client.Config.Teams[0].Channels;
        Assert.True(channels.Count >= 2, $"The Playground's team has {channels.Count} channel(s).");
        var (general, second) = (channels[0].Id, channels[1].Id);
        var queue = "e2e-" + Guid.NewGuid().ToString("N")[..6];

        // Per queue, so that the other tests' designations of the same team for all queues do not matter.
        await Client.SendTextAsync(second, $"use this channel for follow-ups for queue {queue}", mentionBot: true);
        await Client.WaitForMessageAsync(m => m.Text?.Contains($"post follow-ups of queue \u201c{queue}\u201d in this channel", StringComparison.Ordinal) == true);
        await Client.SendTextAsync(general, $"use this channel for signals for queue {queue}", mentionBot: true);
        await Client.WaitForMessageAsync(m => m.Text?.Contains($"post signals of queue \u201c{queue}\u201d in this channel", StringComparison.Ordinal) == true);

        var contactId = "e2e-route-" + Guid.NewGuid().ToString("N")[..8];
        var surveyId = (string)(await bot.PostContactAsync(RealBot.TeamsCustomer(), contactId, queue))["surveyId"]!;
        var survey = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "How did we do?") && RealBot.CardContains(m, surveyId), TimeSpan.FromSeconds(20));
        await Client.ExecuteAsync(Client.PersonalChatId, survey.MessageId!, "survey.answer",
            RealBot.Answer(survey.AdaptiveCard, ("csat", "1"), ("resolution", "no"), ("consent", "true")));

        var followUp = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "Call back a dissatisfied customer") && RealBot.CardContains(m, contactId), TimeSpan.FromSeconds(20));
        Assert.Equal(second, followUp.ConversationId);
        Assert.DoesNotContain(Client.Messages, m => (m.ConversationId == general || m.ConversationId.StartsWith(general + ";", StringComparison.Ordinal)) && RealBot.CardContains(m, contactId));
        // The outbox records where the card landed right after the channel accepted it.
        FollowUp? stored = null;
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); stored?.Card is null && waited.Elapsed < TimeSpan.FromSeconds(15); await Task.Delay(100))
        {
            stored = await bot.Storage<IFollowUps>().GetAsync(surveyId, CancellationToken.None);
        }

        Assert.Equal((second, RealBot.PlaygroundTenant), (stored?.Card?.ConversationId, stored?.TenantId));
    }
}
