using System.Text.Json.Nodes;
using CxBot.App.Learnings;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Tests.Signals;
using CxBot.App.Tests.Support;
using CxBot.Cards;
using CxBot.Domain.Learnings;
using CxBot.Domain.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Learnings;

/// <summary>A closed signal turned into a learning through the card's actions, and learnings searched and answered as agents do.</summary>
public sealed class LearningFlow(CxBotAppFactory app)
{
    private SignalLifecycleFlow Signals => new(app);

    /// <summary>A signal logged, triaged, started and closed with <paramref name="outcome"/>.</summary>
    public async Task<Signal> ClosedSignalAsync(string description = "Customer was charged twice for one order.",
        string outcome = "Refunded the second charge; it reaches the card in 3 to 5 days.")
    {
        var signal = await Signals.ReportAsync(description: description);
        await Signals.TriageAsync(SignalLifecycleFlow.Supervisor, signal);
        await Signals.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.StartVerb, signal);
        await Signals.ClickAsync(SignalLifecycleFlow.Supervisor, SignalMoveAction.CloseVerb, signal, (SignalCard.OutcomeInputId, outcome));
        return await Signals.StoredAsync(signal);
    }

    /// <summary>Clicks "publish a learning" on the signal's card; returns the invoke body (the form).</summary>
    public async Task<JsonObject> OpenFormAsync(TeamsUser user, Signal signal)
    {
        using var response = await app.PostActivityAsync(user.Execute(LearningFormAction.Verb, new LearningFormAction(signal.SignalId).ToData()));
        return await response.ReadObjectAsync();
    }

    /// <summary>Submits the form as built, with the inputs' prefilled values and the given changes; returns the invoke body.</summary>
    public async Task<JsonObject> PublishAsync(TeamsUser user, JsonObject form, params (string Id, string? Value)[] changes)
    {
        var card = CardNodes.CardIn(form);
        var publish = AppHttp.Descendants(card).First(o => ActionData.GetText(o, "verb") == LearningPublishAction.Verb && o["type"]?.GetValue<string>() == "Action.Execute");
        var data = publish["data"]!.DeepClone().AsObject();
        foreach (var input in AppHttp.Descendants(card).Where(o => o["id"] is not null && o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            data[input["id"]!.GetValue<string>()] = input["value"]?.DeepClone();
        }

        foreach (var (id, value) in changes)
        {
            data[id] = value;
        }

        using var response = await app.PostActivityAsync(user.Execute(LearningPublishAction.Verb, data));
        return await response.ReadObjectAsync();
    }

    /// <summary>Closes a signal and publishes it with the form's prefilled values plus <paramref name="changes"/>; returns the stored learning.</summary>
    public async Task<Learning> PublishedAsync(string problem, string answer, string language = "en")
    {
        var signal = await ClosedSignalAsync(problem, answer);
        var body = await PublishAsync(SignalLifecycleFlow.Supervisor, await OpenFormAsync(SignalLifecycleFlow.Supervisor, signal),
            (LearningForm.LanguageInputId, language));
        var id = LearningIdIn(CardNodes.CardIn(body));
        return (await app.Services.GetRequiredService<ILearningStore>().GetAsync(id, CancellationToken.None))!;
    }

    /// <summary>The message-extension search as Teams sends it; returns the invoke response body.</summary>
    public async Task<JsonObject> QueryAsync(TeamsUser user, string words, string? parameterName = "query", string? commandId = LearningSearchHandler.CommandId)
    {
        var activity = user.Personal("invoke");
        activity["name"] = LearningsModule.QueryInvoke;
        var parameter = new JsonObject { ["value"] = words };
        if (parameterName is not null)
        {
            parameter["name"] = parameterName;
        }

        activity["value"] = new JsonObject
        {
            ["commandId"] = commandId,
            ["parameters"] = new JsonArray(parameter),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
            ["commandContext"] = "compose",
        };
        using var response = await app.PostActivityAsync(activity);
        return await response.ReadObjectAsync();
    }

    /// <summary>Clicks yes or no on a learning's result card; returns the invoke body.</summary>
    public async Task<JsonObject> AnswerAsync(TeamsUser user, string learningId, bool helpful)
    {
        using var response = await app.PostActivityAsync(user.Execute(LearningHelpfulAction.Verb, new LearningHelpfulAction(learningId, helpful).ToData()));
        return await response.ReadObjectAsync();
    }

    /// <summary>The learning id of a learning card's "did this help?" button.</summary>
    public static string LearningIdIn(JsonNode card) =>
        AppHttp.Descendants(card).Select(o => ActionData.GetText(o, LearningPublishAction.LearningIdProperty)).OfType<string>().First();

    /// <summary>The result cards of a message-extension answer.</summary>
    public static IReadOnlyList<JsonObject> Results(JsonObject body) =>
        [.. body["composeExtension"]!["attachments"]!.AsArray().Select(a => a!.AsObject())];
}
