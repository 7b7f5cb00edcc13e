using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Routing;
using CxBot.App.Signals.Cards;
using CxBot.App.Tests.Cards;
using CxBot.App.Tests.Support;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Signals;

/// <summary>Capture by <c>signal</c> / <c>signaal</c>: the form, the one-liner, "add details", double submits and the role rule.</summary>
[Collection(AppAzurite.Name)]
public sealed class SignalCaptureTests(AzuriteProcess azurite) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly LocalizedStrings RoutingStrings = new(typeof(ActivityRouter), "CxBot.App.Routing.RoutingStrings");

    private readonly CxBotAppFactory _app = new(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task OneLiner_LogsTheSignalWithDefaults_AndConfirmsWithACompactCardOfferingDetails()
    {
        var agent = TestPeople.Agent();

        await _app.PostActivityAsync(agent.Text("signal complaint billing: Customer was charged twice — \"again\"!"));

        var signal = Assert.Single(await MineAsync());
        Assert.Equal((SignalKind.Complaint, "billing", "Customer was charged twice — \"again\"!", SignalSeverity.Medium, SignalVoice.Customer, SignalCapture.OneLiner),
            (signal.Kind, signal.TopicKey, signal.Description, signal.Severity, signal.Voice, signal.Capture));
        Assert.Equal((SignalStatus.New, null, TeamsUser.TenantId, CxBotAppFactory.AgentAad), (signal.Status, signal.Driver, signal.TenantId, signal.Reporter.ObjectId));
        var card = Assert.Single(_app.Connector.SentTo(agent.PersonalConversationId)).Card();
        Assert.Contains("Signal logged", CardNodes.VisibleText(card), StringComparison.Ordinal);
        var details = Assert.Single(AppHttp.Descendants(card), o => CardQuery.Text(o, "type") == "Action.Execute");
        Assert.Equal((SignalCaptureAction.DetailsVerb, signal.SignalId), (CardQuery.Text(details, "verb"), details["data"]!["signalId"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("signaal klacht facturatie: klant heeft twee keer betaald", SignalKind.Complaint, "billing")]
    [InlineData("signaal opzegrisico Website en app: wil weg", SignalKind.ChurnRisk, "website-and-app")]
    [InlineData("signal contact reason Opening Hours: asked when we open", SignalKind.ContactReason, "opening-hours")]
    [InlineData("signal product issue levering: parcel lost", SignalKind.ProductIssue, "delivery")]
    public async Task OneLiner_InEitherLanguage_WithTopicLabelsInEither(string line, SignalKind kind, string topic)
    {
        var agent = TestPeople.Agent();

        await _app.PostActivityAsync(agent.Text(line));

        var signal = Assert.Single(await MineAsync());
        Assert.Equal((kind, topic), (signal.Kind, signal.TopicKey));
    }

    [Theory]
    [InlineData("signal complain billing: x", "en-US", "Start with a kind: complaint, compliment, contact reason")]
    [InlineData("signaal klagen facturatie: x", "en-US", "Begin met een soort: klacht, compliment, contactreden")]
    [InlineData("signal complaint parking: x", "en-US", "Topics: Billing, Contract, Delivery, Opening hours, Other, Product, Website and app.")]
    [InlineData("signaal klacht parkeren: x", "nl-NL", "Onderwerpen: Contract, Facturatie, Levering, Openingstijden, Overig, Product, Website en app.")]
    [InlineData("signal complaint billing", "en-US", "Put what you heard after a colon.")]
    [InlineData("signal complaint: x", "en-US", "Name a topic after the kind: Billing,")]
    public async Task OneLiner_ThatCannotBeRead_GetsAHelpfulAnswerInTheReadersLanguage_AndLogsNothing(string line, string locale, string expected)
    {
        var agent = TestPeople.Agent(locale);

        await _app.PostActivityAsync(agent.Text(line));

        var reply = Assert.Single(_app.Connector.SentTo(agent.PersonalConversationId));
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Empty(await MineAsync());
    }

    [Fact]
    public async Task OneLiner_LongerThan2000Characters_IsRefused()
    {
        var agent = TestPeople.Agent();

        await _app.PostActivityAsync(agent.Text("signal idea billing: " + new string('x', 2001)));

        Assert.Contains("2001", Assert.Single(_app.Connector.SentTo(agent.PersonalConversationId)).Text, StringComparison.Ordinal);
        Assert.Empty(await MineAsync());
    }

    [Fact]
    public async Task OneLiner_RedeliveredMessage_LogsOneSignal()
    {
        var agent = TestPeople.Agent();
        var message = agent.Text("signal idea billing: split invoices");

        await _app.PostActivityAsync(message);
        await _app.PostActivityAsync(message.DeepClone().AsObject());

        Assert.Single(await MineAsync());
    }

    [Fact]
    public async Task Signal_OpensTheFormWithTheTopicsAndAnIdCarriedInIt()
    {
        var agent = TestPeople.Agent("nl-NL");

        await _app.PostActivityAsync(agent.Text("signaal"));

        var form = Assert.Single(_app.Connector.SentTo(agent.PersonalConversationId)).Card();
        Assert.Contains("Klantsignaal vastleggen", CardNodes.VisibleText(form), StringComparison.Ordinal);
        var topics = CardNodes.ById(form, SignalForm.TopicInput)!["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>());
        Assert.Contains("Facturatie", topics);
        Assert.Equal(2000, CardNodes.ById(form, SignalForm.DescriptionInput)!["maxLength"]!.GetValue<int>());
        foreach (var input in new[] { SignalForm.KindInput, SignalForm.NewTopicInput, SignalForm.SeverityInput, SignalForm.DriverInput, SignalForm.ContactIdInput, SignalForm.CustomerReferenceInput })
        {
            Assert.NotNull(CardNodes.ById(form, input));
        }

        var submit = Assert.Single(AppHttp.Descendants(form), o => CardQuery.Text(o, "type") == "Action.Execute");
        Assert.True(SignalIds.IsWellFormed(submit["data"]!["signalId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task FormSubmittedTwice_StoresOneSignal_AndBothAnswersConfirmIt()
    {
        var agent = TestPeople.Agent();
        var data = FormData(SignalCaptureAction.SubmitNew(SignalIds.New(), SignalCapture.Form), description: "Refund took three weeks.");

        var first = await InvokeAsync(agent.Execute(SignalCaptureAction.SubmitVerb, data));
        var second = await InvokeAsync(agent.Execute(SignalCaptureAction.SubmitVerb, data.DeepClone().AsObject()));

        var signal = Assert.Single(await MineAsync());
        Assert.Equal(("Refund took three weeks.", SignalSeverity.High, "reliability", "C-77", "contact-9"),
            (signal.Description, signal.Severity, signal.Driver, signal.CustomerReference, signal.ContactId));
        Assert.All([first, second], body => Assert.Contains("Signal logged", CardNodes.VisibleText(CardNodes.CardIn(body)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task FormWithADescriptionOver2000Characters_IsRefusedAndNothingIsStored()
    {
        var agent = TestPeople.Agent();
        var data = FormData(SignalCaptureAction.SubmitNew(SignalIds.New(), SignalCapture.Form), description: new string('y', 2001));

        var body = await InvokeAsync(agent.Execute(SignalCaptureAction.SubmitVerb, data));

        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Contains("2001", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await MineAsync());
    }

    [Fact]
    public async Task FormWithANewTopic_ProposesItUnreviewed()
    {
        var agent = TestPeople.Agent();
        var data = FormData(SignalCaptureAction.SubmitNew(SignalIds.New(), SignalCapture.Form), description: "No parking at the shop.");
        data[SignalForm.NewTopicInput] = "Parking";

        await InvokeAsync(agent.Execute(SignalCaptureAction.SubmitVerb, data));

        Assert.Equal("parking", Assert.Single(await MineAsync()).TopicKey);
        var topic = await _app.Services.GetRequiredService<ITopicStore>().GetAsync(TeamsUser.TenantId, "parking", None);
        Assert.Equal((false, CxBotAppFactory.AgentAad), (topic!.Reviewed, topic.AddedBy!.ObjectId));
    }

    [Fact]
    public async Task AddDetails_OpensTheFormPrefilled_AndItsSubmitEditsTheSignal()
    {
        var agent = TestPeople.Agent();
        await _app.PostActivityAsync(agent.Text("signal complaint billing: charged twice"));
        var signal = Assert.Single(await MineAsync());

        var form = CardNodes.CardIn(await InvokeAsync(agent.Execute(SignalCaptureAction.DetailsVerb, SignalCaptureAction.Details(signal.SignalId).ToData())));
        Assert.Equal("charged twice", CardNodes.ById(form, SignalForm.DescriptionInput)!["value"]!.GetValue<string>());
        var submit = Assert.Single(AppHttp.Descendants(form), o => CardQuery.Text(o, "type") == "Action.Execute");
        var data = FormData(SignalCaptureAction.TryRead(submit["data"]!.AsObject(), out var edit) ? edit : throw new InvalidOperationException(),
            description: "Charged twice for the March invoice.");
        var answer = CardNodes.CardIn(await InvokeAsync(agent.Execute(SignalCaptureAction.SubmitVerb, data)));

        Assert.Contains("Signal updated", CardNodes.VisibleText(answer), StringComparison.Ordinal);
        var stored = Assert.Single(await MineAsync());
        Assert.Equal((signal.SignalId, "Charged twice for the March invoice.", SignalSeverity.High, 2), (stored.SignalId, stored.Description, stored.Severity, stored.Version));
    }

    [Fact]
    public async Task AddDetails_BySomeoneElse_IsRefused()
    {
        var agent = TestPeople.Agent();
        await _app.PostActivityAsync(agent.Text("signal complaint billing: charged twice"));
        var signal = Assert.Single(await MineAsync());

        var body = await InvokeAsync(TestPeople.Supervisor().Execute(SignalCaptureAction.DetailsVerb, SignalCaptureAction.Details(signal.SignalId).ToData()));

        Assert.Equal("Only the person who logged this signal can change it.", body["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("signal", "en-US", "Only contact-center agents and supervisors can do that. Ask your contact-center administrator")]
    [InlineData("signaal klacht facturatie: x", "nl-NL", "Vraag je contactcenterbeheerder")]
    public async Task SomeoneNotOnTheStaff_GetsAPoliteRefusalNamingWhomToAsk(string text, string locale, string expected)
    {
        var customer = TestPeople.NewCustomer(locale);

        await _app.PostActivityAsync(customer.Text(text));

        var reply = Assert.Single(_app.Connector.SentTo(customer.PersonalConversationId));
        Assert.StartsWith(RoutingStrings.Get("AgentsOnly", BotCulture.Resolve(locale)), reply.Text, StringComparison.Ordinal);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
    }

    internal static JsonObject FormData(SignalCaptureAction action, string description)
    {
        var data = action.ToData();
        data[SignalForm.KindInput] = "complaint";
        data[SignalForm.TopicInput] = "billing";
        data[SignalForm.SeverityInput] = "high";
        data[SignalForm.DriverInput] = "reliability";
        data[SignalForm.DescriptionInput] = description;
        data[SignalForm.ContactIdInput] = "contact-9";
        data[SignalForm.CustomerReferenceInput] = "C-77";
        return data;
    }

    private async Task<JsonObject> InvokeAsync(JsonObject activity)
    {
        var response = await _app.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        return await response.ReadObjectAsync();
    }

    private async Task<IReadOnlyList<Signal>> MineAsync() =>
        (await _app.Services.GetRequiredService<ISignalStore>().ListByReporterAsync(TeamsUser.TenantId, CxBotAppFactory.AgentAad, 50, null, None)).Signals;
}
