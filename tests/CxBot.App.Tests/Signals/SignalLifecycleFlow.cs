using System.Text.Json.Nodes;
using CxBot.App.Signals;
using CxBot.App.Signals.Alerts;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Tests.Support;
using CxBot.Cards;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxBot.App.Tests.Signals;

/// <summary>Signals logged straight through <see cref="SignalRecorder"/> and moved through the card's actions, as staff click them.</summary>
public sealed class SignalLifecycleFlow(CxBotAppFactory app)
{
    public const string OtherSupervisorAad = "7b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
    public const string OtherAgentAad = "8c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";

    public static readonly TeamsUser Supervisor = TestPeople.Supervisor();
    public static readonly TeamsUser OtherSupervisor = new(OtherSupervisorAad, "Anna Jansen");
    public static readonly TeamsUser Agent = TestPeople.Agent();
    public static readonly TeamsUser OtherAgent = new(OtherAgentAad, "Bo Bakker");

    public CxBotAppFactory App => app;

    /// <summary>An app with a second supervisor and a second agent, whose daily pass runs only when a test calls it.</summary>
    public static CxBotAppFactory NewApp(AzuriteProcess azurite, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? moreServices = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Roles:Supervisors:1"] = OtherSupervisorAad,
            ["Roles:Agents:1"] = OtherAgentAad,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new CxBotAppFactory(azurite, all)
        {
            ConfigureServices = services =>
            {
                var pass = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SignalsDailyPass));
                services.Remove(pass);
                moreServices?.Invoke(services);
            },
        };
    }

    /// <summary>The daily pass as an instance would run it.</summary>
    public SignalsDailyPass DailyPass() => ActivatorUtilities.CreateInstance<SignalsDailyPass>(app.Services);

    public async Task<Signal> ReportAsync(SignalKind kind = SignalKind.Complaint, string topic = "billing", TeamsUser? reporter = null,
        SignalSeverity severity = SignalSeverity.Medium, string? customerReference = null, string? contactId = null, string description = "Customer was charged twice.",
        string? tenantId = TeamsUser.TenantId)
    {
        var by = reporter ?? Agent;
        var signal = Signal.Report(Guid.NewGuid().ToString("N"), tenantId, PersonRef.Staff(by.AadObjectId, by.Name), new SignalDetails
        {
            Kind = kind,
            TopicKey = topic,
            Severity = severity,
            Description = description,
            CustomerReference = customerReference,
            ContactId = contactId,
        }, SignalCapture.Form, app.Time.GetUtcNow(), DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime));
        var (stored, _) = await app.Services.GetRequiredService<SignalRecorder>().ReportAsync(signal, CancellationToken.None);
        return stored;
    }

    public async Task AddTopicAsync(string english, string dutch) =>
        await app.Services.GetRequiredService<ITopicStore>().TryAddAsync(TeamsUser.TenantId,
            Topic.Add(english, dutch, PersonRef.Staff(CxBotAppFactory.SupervisorAad, "Sam Supervisor"), app.Time.GetUtcNow()), CancellationToken.None);

    /// <summary>Clicks a signal card's button; returns the invoke response body.</summary>
    public async Task<JsonObject> ClickAsync(TeamsUser user, string verb, Signal signal, params (string Id, string? Value)[] inputs)
    {
        var data = SignalMoveAction.For(verb, signal.SignalId).ToData();
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        using var response = await app.PostActivityAsync(user.Execute(verb, data));
        return await response.ReadObjectAsync();
    }

    public Task<JsonObject> TriageAsync(TeamsUser user, Signal signal, string kind = "complaint", string driver = "reliability", string topic = "billing", string? gap = null) =>
        ClickAsync(user, SignalMoveAction.TriageVerb, signal, (SignalCard.KindInputId, kind), (SignalCard.DriverInputId, driver), (SignalCard.TopicInputId, topic),
            (SignalCard.GapInputId, gap));

    public async Task<Signal> StoredAsync(Signal signal) =>
        (await app.Services.GetRequiredService<ISignalStore>().GetAsync(signal.SignalId, CancellationToken.None))!;

    public static string Text(JsonObject invokeBody) => CardNodes.VisibleText(CardNodes.CardIn(invokeBody));

    public static string MessageOf(JsonObject invokeBody) => invokeBody["value"]!.GetValue<string>();

    public static IEnumerable<string> Verbs(JsonNode card) =>
        AppHttp.Descendants(card).Select(o => ActionData.GetText(o, "verb")).OfType<string>().Distinct();
}
