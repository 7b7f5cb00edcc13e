using System.Diagnostics;
using System.Text.Json.Nodes;
using CxBot.App.Learnings;
using CxBot.Domain.Learnings;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using SignalMoveAction = CxBot.App.Signals.Lifecycle.SignalMoveAction;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>
/// Learnings through the Agents Playground's client API: the agent (the page's user, Alex Wilber) logs a signal, the
/// supervisor (Megan Bowen) closes it and publishes a learning from it, and the agent finds the learning with the
/// message-extension search and with <c>learn</c>, and says it helped.
/// </summary>
public sealed class LearningsEndToEndTests(SignalsBot bot) : IClassFixture<SignalsBot>
{
    private PlaygroundClient Client => bot.Client;

    [Fact]
    public async Task APublishedLearning_IsFoundWithTheSearchCommandWithinFiveSeconds_AndWithLearn_AndCountsTheAgentsAnswer()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..6];
        var learningId = await LearningPublishing.PublishAsync(bot, $"customer {marker} was charged twice for one order",
            "Refunded the second charge; it reaches the card in 3 to 5 days.");
        Assert.NotNull(await bot.Storage<ILearningStore>().GetAsync(learningId, CancellationToken.None));

        // Alex searches from the compose box (the Playground's invoke API, as its page sends it: no command id or name).
        var watch = Stopwatch.StartNew();
        var found = await Client.InvokeAsync(Client.PersonalChatId, LearningsModule.QueryInvoke, new JsonObject
        {
            ["parameters"] = new JsonArray(new JsonObject { ["value"] = $"twice {marker} charges" }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
            ["commandContext"] = "compose",
            ["context"] = new JsonObject { ["theme"] = "default" },
        });
        var searchTime = watch.Elapsed;
        Assert.True(searchTime < TimeSpan.FromSeconds(5), $"search took {searchTime}");
        Assert.Equal("result", (string?)found["composeExtension"]?["type"]);
        var result = Assert.Single(found["composeExtension"]!["attachments"]!.AsArray())!;
        Assert.Contains(marker, (string?)result["preview"]!["content"]!["title"], StringComparison.Ordinal);
        Assert.Contains(marker, RealBot.Json(result["content"]!), StringComparison.Ordinal);

        // And with learn in the chat: a result card with "did this help?", whose yes is counted.
        await Client.SendTextAsync(Client.PersonalChatId, $"learn {marker} refund");
        var card = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, marker) && RealBot.CardContains(m, "Did this help?"), TimeSpan.FromSeconds(20));
        var yes = Descendants(card.AdaptiveCard).First(e => (string?)e["type"] == "Action.Execute" && (string?)e["verb"] == LearningHelpfulAction.Verb);
        var answered = await Client.ExecuteAsync(Client.PersonalChatId, card.MessageId!, LearningHelpfulAction.Verb, yes["data"]!.AsObject());

        Assert.Contains("Helped 1", RealBot.ValueText(answered), StringComparison.Ordinal);
        Assert.Equal(new LearningCounts(1, 0), (await bot.Storage<ILearningStore>().GetAsync(learningId, CancellationToken.None))!.Counts);
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}

/// <summary>A learning published as people do it: the agent logs a signal in the page's chat, the supervisor triages,
/// starts and closes it and publishes the prefilled form from its card.</summary>
internal static class LearningPublishing
{
    /// <summary>Returns the new learning's id.</summary>
    public static async Task<string> PublishAsync(SignalsBot bot, string description, string outcome)
    {
        var client = bot.Client;
        await client.InstallAsync();
        await client.SendTextAsync(client.PersonalChatId, $"signal complaint billing: {description}");
        var signal = await bot.WaitForSignalAsync(s => s.Description == description);
        var triage = SignalMoveAction.For(SignalMoveAction.TriageVerb, signal.SignalId).ToData();
        triage["kind"] = "complaint";
        triage["driver"] = QualityDriver.Reliability;
        triage["topic"] = "billing";
        await bot.ExecuteAsUserAsync(SignalsBot.Supervisor, client.PersonalChatId, SignalMoveAction.TriageVerb, triage);
        await bot.ExecuteAsUserAsync(SignalsBot.Supervisor, client.PersonalChatId, SignalMoveAction.StartVerb,
            SignalMoveAction.For(SignalMoveAction.StartVerb, signal.SignalId).ToData());
        var close = SignalMoveAction.For(SignalMoveAction.CloseVerb, signal.SignalId).ToData();
        close["outcome"] = outcome;
        await bot.ExecuteAsUserAsync(SignalsBot.Supervisor, client.PersonalChatId, SignalMoveAction.CloseVerb, close);

        var formAnswer = await bot.ExecuteAsUserAsync(SignalsBot.Supervisor, client.PersonalChatId, LearningFormAction.Verb,
            new LearningFormAction(signal.SignalId).ToData());
        var form = formAnswer["value"]!.AsObject();
        var publish = Descendants(form).First(e => (string?)e["type"] == "Action.Execute" && (string?)e["verb"] == LearningPublishAction.Verb);
        var data = publish["data"]!.DeepClone().AsObject();
        foreach (var input in Descendants(form).Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            data[(string)input["id"]!] = input["value"]?.DeepClone();
        }

        var published = await bot.ExecuteAsUserAsync(SignalsBot.Supervisor, client.PersonalChatId, LearningPublishAction.Verb, data);
        Assert.Contains("Published", RealBot.ValueText(published), StringComparison.Ordinal);
        return (string)data[LearningPublishAction.LearningIdProperty]!;
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
