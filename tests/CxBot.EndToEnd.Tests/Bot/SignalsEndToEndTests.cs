using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Signals;
using CxBot.App.Signals.Cards;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using SignalMoveAction = CxBot.App.Signals.Lifecycle.SignalMoveAction;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>
/// The real bot on Azurite behind the Agents Playground, for signals: the page's own user (Alex Wilber) is an agent,
/// Megan Bowen a supervisor whose activities are sent with her object id, Adele Vance is not staff. A topic logged three
/// times in a day is a recurring problem here.
/// </summary>
public sealed class SignalsBot() : RealBot(PlaygroundChannel.MsTeams, settings: new Dictionary<string, string?>
{
    ["Roles__Supervisors__0"] = MeganAad,
    ["Roles__Agents__0"] = AlexAad,
    ["Signals__Recurring__MinCount"] = "3",
    ["Signals__Recurring__WindowDays"] = "1",
    ["Signals__Recurring__Factor"] = "2",
})
{
    public const string Supervisor = "user-id-1";
    public const string Outsider = "user-id-2";

    /// <summary>Sends an activity to the bot as a mock user other than the page's (Teams would deliver it the same way) and returns the bot's answer.</summary>
    public async Task<JsonObject> AsUserAsync(string userId, string conversationId, JsonObject activity)
    {
        activity["id"] ??= Guid.NewGuid().ToString();
        activity["channelId"] = "msteams";
        activity["serviceUrl"] = Playground.ServiceUrl.ToString();
        activity["from"] = Client.Account(userId);
        activity["recipient"] = new JsonObject { ["id"] = Client.Config.Bot.Id, ["name"] = Client.Config.Bot.Name };
        activity["conversation"] ??= new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = PlaygroundTenant };
        activity["channelData"] ??= new JsonObject { ["tenant"] = new JsonObject { ["id"] = PlaygroundTenant } };
        activity["locale"] ??= "en-US";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.PostAsJsonAsync(Bot.MessagesEndpoint, activity);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Action.Execute on a signal card by <paramref name="userId"/>; returns the invoke answer.</summary>
    public Task<JsonObject> ExecuteAsUserAsync(string userId, string conversationId, string verb, JsonObject data) =>
        AsUserAsync(userId, conversationId, new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["replyToId"] = "signal-card",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } },
        });

    /// <summary>The message action's <c>composeExtension/fetchTask</c> value for a user message in the personal chat.</summary>
    public static JsonObject MessageActionFetch(string author, string html) => new()
    {
        ["commandId"] = SignalCaptureHandler.MessageActionCommandId,
        ["commandContext"] = "message",
        ["context"] = new JsonObject { ["theme"] = "default" },
        ["messagePayload"] = new JsonObject
        {
            ["id"] = "1795386688860",
            ["messageType"] = "message",
            ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "user-id-3", ["displayName"] = author } },
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = html },
        },
    };

    /// <summary>The signal id the Playground's stored conversation gives a one-liner: read back from the reporter's list.</summary>
    public async Task<Signal> WaitForSignalAsync(Func<Signal, bool> predicate, string reporterAad = AlexAad)
    {
        var store = Storage<ISignalStore>();
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(100))
        {
            var page = await store.ListByReporterAsync(PlaygroundTenant, reporterAad, 50, null, CancellationToken.None);
            if (page.Signals.FirstOrDefault(predicate) is { } found)
            {
                return found;
            }
        }

        throw new TimeoutException("The signal was not stored within 20 s.");
    }
}

/// <summary>Signals through the Agents Playground's client API: capture three ways, the lifecycle with the agent's news, refusals, the recurring alert.</summary>
public sealed class SignalsEndToEndTests(SignalsBot bot) : IClassFixture<SignalsBot>
{
    private PlaygroundClient Client => bot.Client;

    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Agent_SignalOpensTheForm_SubmittingItTwiceStoresOneSignal_AndConfirms()
    {
        await Client.InstallAsync();
        await Client.SendTextAsync(Client.PersonalChatId, "signal");
        var form = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "Log a customer signal"), TimeSpan.FromSeconds(20));
        var card = form.AdaptiveCard;
        var inputs = Descendants(card).Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).Select(e => (string?)e["id"]).ToList();
        Assert.Equal([SignalForm.KindInput, SignalForm.TopicInput, SignalForm.NewTopicInput, SignalForm.SeverityInput, SignalForm.DriverInput,
            SignalForm.DescriptionInput, SignalForm.ContactIdInput, SignalForm.CustomerReferenceInput], inputs);
        Assert.Contains(Descendants(card), e => (string?)e["title"] == "Billing" && (string?)e["value"] == "billing");

        var submit = Descendants(card).Single(e => (string?)e["type"] == "Action.Execute" && (string?)e["verb"] == SignalCaptureAction.SubmitVerb);
        var description = Unique("Customer asked twice for a paper invoice");
        var data = submit["data"]!.DeepClone().AsObject();
        data[SignalForm.KindInput] = "complaint";
        data[SignalForm.TopicInput] = "billing";
        data[SignalForm.SeverityInput] = "medium";
        data[SignalForm.DriverInput] = QualityDriver.Reliability;
        data[SignalForm.DescriptionInput] = description;

        var first = await Client.ExecuteAsync(Client.PersonalChatId, form.MessageId!, SignalCaptureAction.SubmitVerb, data);
        var second = await Client.ExecuteAsync(Client.PersonalChatId, form.MessageId!, SignalCaptureAction.SubmitVerb, data);

        Assert.Contains("Signal logged", RealBot.ValueText(first), StringComparison.Ordinal);
        Assert.Contains("Signal logged", RealBot.ValueText(second), StringComparison.Ordinal);
        var signalId = (string)data[SignalCaptureAction.SignalIdProperty]!;
        var stored = await bot.Storage<ISignalStore>().GetAsync(signalId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal((SignalKind.Complaint, "billing", description, RealBot.AlexAad, SignalCapture.Form, 1),
            (stored.Kind, stored.TopicKey, stored.Description, stored.Reporter.ObjectId, stored.Capture, stored.Version));
        var mine = await bot.Storage<ISignalStore>().ListByReporterAsync(RealBot.PlaygroundTenant, RealBot.AlexAad, 100, null, CancellationToken.None);
        Assert.Single(mine.Signals, s => s.Description == description);
    }

    [Fact]
    public async Task Agent_OneLiner_IsConfirmedWithAddDetails_AndAnUnknownTopicListsTheChoicesInDutch()
    {
        await Client.InstallAsync();
        var text = Unique("customer was charged twice");
        await Client.SendTextAsync(Client.PersonalChatId, $"signal complaint billing: {text}");
        var confirmation = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "Signal logged") && RealBot.CardContains(m, "Billing"), TimeSpan.FromSeconds(20));
        Assert.Contains(Descendants(confirmation.AdaptiveCard), e => (string?)e["title"] == "Add details");
        var stored = await bot.WaitForSignalAsync(s => s.Description == text);
        Assert.Equal((SignalKind.Complaint, "billing", SignalCapture.OneLiner, SignalStatus.New), (stored.Kind, stored.TopicKey, stored.Capture, stored.Status));

        await Client.SendCustomTextAsync(Client.PersonalChatId, "signaal klacht facturatie: " + Unique("klant kreeg twee rekeningen"), locale: "nl-NL");
        await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "Signaal vastgelegd") && RealBot.CardContains(m, "Facturatie"), TimeSpan.FromSeconds(20));

        await Client.SendCustomTextAsync(Client.PersonalChatId, "signaal klacht parkeren: geen plek", locale: "nl-NL");
        var help = await Client.WaitForMessageAsync(m => m.Text?.Contains("Dat onderwerp staat niet op de lijst", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(20));
        Assert.Contains("Openingstijden", help.Text, StringComparison.Ordinal);
        Assert.Contains("Facturatie", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_MessageAction_FetchTaskOpensThePrefilledForm_SubmitActionStoresOnce_BothWithinFiveSeconds()
    {
        var said = Unique("I will cancel if the fee stays");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var fetched = await Client.InvokeAsync(Client.PersonalChatId, SignalsModule.FetchTaskInvoke,
            SignalsBot.MessageActionFetch("Lynne Robbins", $"<p>{said}</p>"));
        var fetchTime = watch.Elapsed;

        Assert.Equal("continue", (string?)fetched["task"]?["type"]);
        Assert.Equal("Log as customer signal", (string?)fetched["task"]!["value"]!["title"]);
        var form = fetched["task"]!["value"]!["card"]!["content"]!.AsObject();
        var description = Descendants(form).Single(e => (string?)e["id"] == SignalForm.DescriptionInput);
        Assert.Equal($"Lynne Robbins: {said}", (string?)description["value"]);
        var submit = Descendants(form).Single(e => (string?)e["type"] == "Action.Submit");

        var data = submit["data"]!.DeepClone().AsObject();
        data[SignalForm.KindInput] = "churn-risk";
        data[SignalForm.TopicInput] = "contract";
        data[SignalForm.SeverityInput] = "high";
        data[SignalForm.DescriptionInput] = (string?)description["value"];
        var value = new JsonObject { ["commandId"] = SignalCaptureHandler.MessageActionCommandId, ["commandContext"] = "message", ["data"] = data };
        watch.Restart();
        var submitted = await Client.InvokeAsync(Client.PersonalChatId, SignalsModule.SubmitActionInvoke, value);
        var submitTime = watch.Elapsed;
        var again = await Client.InvokeAsync(Client.PersonalChatId, SignalsModule.SubmitActionInvoke, value);

        Assert.Equal("message", (string?)submitted["task"]?["type"]);
        Assert.Equal("Signal logged: Churn risk, Contract.", (string?)submitted["task"]!["value"]);
        Assert.Equal("Signal logged: Churn risk, Contract.", (string?)again["task"]!["value"]);
        Assert.True(fetchTime < TimeSpan.FromSeconds(5) && submitTime < TimeSpan.FromSeconds(5), $"fetch {fetchTime}, submit {submitTime}");
        var stored = await bot.Storage<ISignalStore>().GetAsync((string)data[SignalCaptureAction.SignalIdProperty]!, CancellationToken.None);
        Assert.Equal((SignalCapture.MessageAction, SignalKind.ChurnRisk, SignalSeverity.High, RealBot.AlexAad, 1),
            (stored!.Capture, stored.Kind, stored.Severity, stored.Reporter.ObjectId, stored.Version));
    }

    [Fact]
    public async Task Supervisor_TriagesStartsAndClosesTheAgentsSignal_TheAgentHearsOfEachMoveInTheirChat()
    {
        await Client.InstallAsync();
        var text = Unique("the new invoice layout confuses customers");
        await Client.SendTextAsync(Client.PersonalChatId, $"signal process issue billing: {text}");
        var signal = await bot.WaitForSignalAsync(s => s.Description == text);

        // Megan lists the open signals (a supervisor's list card with the moves) and acts on the agent's signal.
        await bot.AsUserAsync(SignalsBot.Supervisor, Client.PersonalChatId, new JsonObject { ["type"] = "message", ["text"] = "signals billing" });
        var list = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "Signals: billing") && RealBot.CardContains(m, text), TimeSpan.FromSeconds(20));
        var row = Descendants(list.AdaptiveCard).Single(e => (string?)e["id"] == "signal-" + signal.SignalId);
        var titles = Descendants(row).Where(e => e["title"] is not null && ((string?)e["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true).Select(e => (string?)e["title"]).ToList();
        Assert.Contains("Open", titles);
        Assert.Contains("Triage", titles);

        var triage = SignalMoveAction.For(SignalMoveAction.TriageVerb, signal.SignalId).ToData();
        triage["kind"] = "process-issue";
        triage["driver"] = QualityDriver.CustomerKnowledge;
        triage["topic"] = "billing";
        triage["gap"] = "2";
        var triaged = await bot.ExecuteAsUserAsync(SignalsBot.Supervisor, Client.PersonalChatId, SignalMoveAction.TriageVerb, triage);
        Assert.Contains("Triaged by Megan Bowen", RealBot.ValueText(triaged), StringComparison.Ordinal);
        var triagedNews = await Client.WaitForMessageAsync(m => m.ConversationId == Client.PersonalChatId && RealBot.CardContains(m, "Your signal about Billing was triaged by Megan Bowen."), TimeSpan.FromSeconds(20));

        await bot.ExecuteAsUserAsync(SignalsBot.Supervisor, Client.PersonalChatId, SignalMoveAction.StartVerb, SignalMoveAction.For(SignalMoveAction.StartVerb, signal.SignalId).ToData());
        await Client.WaitForMessageAsync(m => m.ConversationId == Client.PersonalChatId && RealBot.CardContains(m, "Megan Bowen started acting on your signal about Billing."), TimeSpan.FromSeconds(20));

        var close = SignalMoveAction.For(SignalMoveAction.CloseVerb, signal.SignalId).ToData();
        var outcome = Unique("The invoice now shows the period on top");
        close["outcome"] = outcome;
        await bot.ExecuteAsUserAsync(SignalsBot.Supervisor, Client.PersonalChatId, SignalMoveAction.CloseVerb, close);
        var closedNews = await Client.WaitForMessageAsync(m => m.ConversationId == Client.PersonalChatId && RealBot.CardContains(m, "Your signal about Billing was closed by Megan Bowen.") && RealBot.CardContains(m, outcome), TimeSpan.FromSeconds(20));

        var stored = await bot.Storage<ISignalStore>().GetAsync(signal.SignalId, CancellationToken.None);
        Assert.Equal((SignalStatus.Closed, ServiceGap.Standards, outcome, RealBot.MeganAad), (stored!.Status, stored.Gap, stored.Outcome, stored.ClosedBy!.ObjectId));
        Assert.NotEqual(triagedNews.MessageId, closedNews.MessageId);

        // The agent's own move on the closed signal is refused with where it stands.
        var withdraw = await Client.ExecuteAsync(Client.PersonalChatId, closedNews.MessageId!, SignalMoveAction.WithdrawVerb, SignalMoveAction.For(SignalMoveAction.WithdrawVerb, signal.SignalId).ToData());
        Assert.Contains("can no longer be changed", RealBot.ValueText(withdraw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonStaff_GetsAPoliteRefusalNamingWhomToAsk_ForTheCommandAndTheMessageAction_AndAnAgentCannotListEveryonesSignals()
    {
        await Client.InstallAsync();
        await Client.SendCustomTextAsync(Client.PersonalChatId, "signal complaint billing: " + Unique("not staff"), fromUserId: SignalsBot.Outsider);
        var refusal = await Client.WaitForMessageAsync(m => m.Text?.Contains("Only contact-center agents and supervisors can do that", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(20));
        Assert.Contains("contact-center administrator", refusal.Text, StringComparison.Ordinal);

        var fetched = await bot.AsUserAsync(SignalsBot.Outsider, Client.PersonalChatId, new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = SignalsModule.FetchTaskInvoke,
            ["value"] = SignalsBot.MessageActionFetch("Lynne Robbins", "<p>anything</p>"),
        });
        Assert.Equal("message", (string?)fetched["task"]?["type"]);
        Assert.Contains("Ask your contact-center administrator", (string?)fetched["task"]!["value"], StringComparison.Ordinal);

        await Client.SendTextAsync(Client.PersonalChatId, "signals");
        await Client.WaitForMessageAsync(m => m.Text?.Contains("Only supervisors can do that", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(20));
        var mine = await bot.Storage<ISignalStore>().ListByReporterAsync(RealBot.PlaygroundTenant, Client.Config.Users.Single(u => u.Id == SignalsBot.Outsider).AadObjectId, 10, null, CancellationToken.None);
        Assert.Empty(mine.Signals);
    }

    [Fact]
    public async Task ThirdSignalOfATopicInADay_AnnouncesARecurringProblemInTheSignalsChannel_Once()
    {
        await Client.InstallAsync();
        var general = Client.ChannelId;
        var mention = $"<at>{Client.Config.Bot.Name}</at>";
        await bot.AsUserAsync(SignalsBot.Supervisor, general, new JsonObject
        {
            ["type"] = "message",
            ["text"] = $"{mention} use this channel for signals",
            ["conversation"] = new JsonObject { ["id"] = general, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = RealBot.PlaygroundTenant },
            ["channelData"] = new JsonObject
            {
                ["teamsChannelId"] = general,
                ["teamsTeamId"] = Client.Config.Teams[0].Id,
                ["team"] = new JsonObject { ["id"] = Client.Config.Teams[0].Id },
                ["channel"] = new JsonObject { ["id"] = general },
                ["tenant"] = new JsonObject { ["id"] = RealBot.PlaygroundTenant },
            },
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = Client.Config.Bot.Id, ["name"] = Client.Config.Bot.Name },
                ["text"] = mention,
            }),
        });
        await Client.WaitForMessageAsync(m => m.Text?.Contains("post signals in this channel. Set by Megan Bowen", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(20));

        var texts = Enumerable.Range(1, 4).Select(i => Unique($"shop closed at {i} pm although the site says open")).ToList();
        foreach (var text in texts)
        {
            await Client.SendTextAsync(Client.PersonalChatId, $"signal complaint opening hours: {text}");
            await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "Signal logged") && RealBot.CardContains(m, "Opening hours"), TimeSpan.FromSeconds(20));
        }

        var alert = await Client.WaitForMessageAsync(m => RealBot.CardContains(m, "Recurring problem: Opening hours"), TimeSpan.FromSeconds(30));
        Assert.True(alert.ConversationId == general || alert.ConversationId.StartsWith(general + ";", StringComparison.Ordinal), alert.ConversationId);
        Assert.True(RealBot.CardContains(alert, "signals in the last 1 days"), RealBot.Json(alert.AdaptiveCard));
        Assert.Contains(Descendants(alert.AdaptiveCard), e => (string?)e["verb"] == SignalMoveAction.OpenVerb);

        // The fourth signal keeps the condition true: no second announcement.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(Client.Messages, m => m.Action == PlaygroundMessageAction.Create && RealBot.CardContains(m, "Recurring problem: Opening hours"));
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
