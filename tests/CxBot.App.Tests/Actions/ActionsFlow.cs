using System.Text.Json.Nodes;
using CxBot.App.Actions;
using CxBot.App.Actions.Cards;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Tests.Signals;
using CxBot.App.Tests.Support;
using CxBot.Domain.Actions;
using CxBot.Domain.Insights;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxBot.App.Tests.Actions;

/// <summary>Actions proposed through the form and moved through the card, as supervisors click them; the pass runs when a test calls it.</summary>
public sealed class ActionsFlow(CxBotAppFactory app)
{
    public CxBotAppFactory App => app;

    public SignalLifecycleFlow Signals => new(app);

    /// <summary>An app whose background passes (signals, actions) run only when a test calls them.</summary>
    public static CxBotAppFactory NewApp(AzuriteProcess azurite, IReadOnlyDictionary<string, string?>? settings = null) =>
        SignalLifecycleFlow.NewApp(azurite, settings, services =>
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ActionScheduler))));

    public ActionPass Pass() => ActivatorUtilities.CreateInstance<ActionPass>(app.Services);

    /// <summary>A triaged signal (reliability) logged by <paramref name="reporter"/>.</summary>
    public async Task<Signal> TriagedSignalAsync(TeamsUser reporter)
    {
        var signal = await Signals.ReportAsync(reporter: reporter);
        await Signals.TriageAsync(SignalLifecycleFlow.Supervisor, signal);
        return await Signals.StoredAsync(signal);
    }

    /// <summary>Submits the form for a new action; returns the invoke body and the action's id.</summary>
    public async Task<(JsonObject Body, string ActionId)> ProposeAsync(TeamsUser user, IReadOnlyList<string>? signalIds = null, IReadOnlyList<string>? followUpIds = null,
        string? ownerObjectId = null, string department = "Billing back office", string figure = "CsatMean", string change = "0.3", string dueDays = "30",
        string? actionId = null)
    {
        var form = ActionFormAction.New(new ActionOrigin(ActionOriginKind.Topic, "billing"), signalIds, followUpIds).As(ActionFormAction.CreateVerb);
        if (actionId is not null)
        {
            form = form with { ActionId = actionId };
        }

        var data = form.ToData();
        data[ActionForm.TitleId] = "Stop <b>double</b> billing";
        data[ActionForm.KindId] = nameof(ActionKind.ImprovementProject);
        data[ActionForm.VoiceId] = nameof(SignalVoice.Process);
        data[ActionForm.DriverId] = "reliability";
        data[ActionForm.GapId] = "3";
        data[ActionForm.OwnerId] = ownerObjectId;
        data[ActionForm.DepartmentId] = department;
        // As a JSON number, the way some clients send a number input.
        data[ActionForm.DueDaysId] = int.Parse(dueDays, System.Globalization.CultureInfo.InvariantCulture);
        data[ActionForm.FigureId] = figure;
        data[ActionForm.ChangeId] = change;
        using var response = await app.PostActivityAsync(user.Execute(ActionFormAction.CreateVerb, data));
        return (await response.ReadObjectAsync(), form.ActionId);
    }

    /// <summary>Clicks an action card's button; returns the invoke response.</summary>
    public async Task<(int Status, JsonObject Body)> ClickAsync(TeamsUser user, string verb, string actionId, params (string Id, string? Value)[] inputs)
    {
        var data = ActionCardAction.For(verb, actionId).ToData();
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        using var response = await app.PostActivityAsync(user.Execute(verb, data));
        return ((int)response.StatusCode, await response.ReadObjectAsync());
    }

    public async Task<ImprovementAction> StoredAsync(string actionId) =>
        (await app.Services.GetRequiredService<IImprovementActions>().GetAsync(actionId, CancellationToken.None))!;

    /// <summary>Writes the day's counts of raw CSAT answers (all contacts and the queue), as the roll-up would.</summary>
    public Task SeedCsatAsync(IEnumerable<(DateOnly Day, int Csat)> answers) => SeedCsatAsync(answers.Select(a => (a.Day, a.Csat, "billing")));

    /// <summary>Writes the day's counts of raw CSAT answers in their queues (all contacts and each queue); a day is written whole.</summary>
    public async Task SeedCsatAsync(IEnumerable<(DateOnly Day, int Csat, string Queue)> answers)
    {
        var store = app.Services.GetRequiredService<IReportTotalsStore>();
        foreach (var day in answers.GroupBy(a => a.Day))
        {
            var counts = new ScopedTallies();
            foreach (var (_, csat, queue) in day)
            {
                counts.Add([ReportScope.All, ReportScope.ForQueue(queue)], TallyNames.Responses);
                counts.Add([ReportScope.All, ReportScope.ForQueue(queue)], TallyNames.Csat(csat));
            }

            await store.ReplaceDayAsync(day.Key, counts, CancellationToken.None);
        }
    }

    public static string Text(JsonObject invokeBody) => SignalLifecycleFlow.Text(invokeBody);
}
