using System.Text.Json.Nodes;
using CxBot.App.Learnings;
using CxBot.App.Tests.Signals;
using CxBot.App.Tests.Support;
using CxBot.Domain.Learnings;
using CxBot.Protocol.Schema;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Learnings;

/// <summary>The message-extension search and <c>learn</c> / <c>leer</c>: the answer's shape, the roles, and "did this help?".</summary>
[Collection(AppAzurite.Name)]
public sealed class LearningSearchTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = SignalLifecycleFlow.NewApp(azurite);

    private LearningFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheSearchCommand_AnswersWithResultCards_EachWithAPreviewAndAHelpfulQuestion()
    {
        var learning = await Flow.PublishedAsync("Customer was charged twice for one order", "Refund the second charge in the payment screen.");
        await Flow.PublishedAsync("Parcel marked delivered but not received", "Ask the carrier for the proof of delivery.");

        var body = await Flow.QueryAsync(SignalLifecycleFlow.Agent, "charges twice");

        var extension = body["composeExtension"]!.AsObject();
        Assert.Equal(("result", "list"), (extension["type"]!.GetValue<string>(), extension["attachmentLayout"]!.GetValue<string>()));
        var result = Assert.Single(LearningFlow.Results(body));
        Assert.Equal(Attachment.AdaptiveCardContentType, result["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", result["content"]!["type"]!.GetValue<string>());
        Assert.Equal(LearningSearchHandler.PreviewType, result["preview"]!["contentType"]!.GetValue<string>());
        Assert.Equal("Customer was charged twice for one order", result["preview"]!["content"]!["title"]!.GetValue<string>());
        Assert.StartsWith("Refund the second charge", result["preview"]!["content"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var text = CardNodes.VisibleText(result["content"]!);
        Assert.Contains("Did this help?", text, StringComparison.Ordinal);
        Assert.Equal(learning.LearningId, LearningFlow.LearningIdIn(result["content"]!));
        Assert.Contains(LearningHelpfulAction.Verb, SignalLifecycleFlow.Verbs(result["content"]!));
    }

    [Fact]
    public async Task TheSearchCommand_AsThePlaygroundSendsIt_WithoutCommandIdOrParameterName_FindsDutchByFoldedWordForms()
    {
        await Flow.PublishedAsync("Klant heeft de facturen niet ontvangen", "Controleer het e-mailadres en stuur de facturen opnieuw.", "nl");

        var body = await Flow.QueryAsync(SignalLifecycleFlow.Supervisor, "factuur ontvangen", parameterName: null, commandId: null);

        Assert.Contains("Klant heeft de facturen niet ontvangen", CardNodes.VisibleText(Assert.Single(LearningFlow.Results(body))["content"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomer_GetsARefusalAndNoResults()
    {
        await Flow.PublishedAsync("Customer was charged twice", "Refund it.");

        var body = await Flow.QueryAsync(TestPeople.NewCustomer(), "charged twice");

        Assert.Equal("message", body["composeExtension"]!["type"]!.GetValue<string>());
        Assert.Contains("agents and supervisors", body["composeExtension"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(body["composeExtension"]!["attachments"]);
    }

    [Fact]
    public async Task AnotherTenantsAgent_FindsNothing()
    {
        await Flow.PublishedAsync("Customer was charged twice", "Refund it.");
        var activity = SignalLifecycleFlow.Agent.Personal("invoke");
        activity["name"] = LearningsModule.QueryInvoke;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f" } };
        activity["conversation"]!["tenantId"] = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
        activity["value"] = new JsonObject { ["parameters"] = new JsonArray(new JsonObject { ["value"] = "charged twice" }) };

        using var response = await _app.PostActivityAsync(activity);

        Assert.Empty(LearningFlow.Results(await response.ReadObjectAsync()));
    }

    [Fact]
    public async Task Learn_AnswersWithAListOfResultCards_AndLeerInDutch()
    {
        await Flow.PublishedAsync("Customer was charged twice for one order", "Refund the second charge.");
        await Flow.PublishedAsync("Refunds take longer than promised", "Tell the customer the bank's processing time.");
        _app.Connector.Reset();
        var agent = SignalLifecycleFlow.Agent;

        await _app.PostActivityAsync(agent.Text("learn refund"));
        await _app.PostActivityAsync(agent.Text("leer dubbel betaald"));
        await _app.PostActivityAsync(agent.Text("learn"));

        var sent = _app.Connector.SentTo(agent.PersonalConversationId);
        Assert.Equal("list", sent[0].AttachmentLayout);
        Assert.Equal(2, sent[0].Attachments!.Count);
        Assert.All(sent[0].Attachments!, a => Assert.Contains("Did this help?", CardNodes.VisibleText(a.Content!), StringComparison.Ordinal));
        Assert.Equal("Geen lessen gevonden voor dubbel betaald. Probeer andere of minder woorden.", sent[1].Text);
        Assert.StartsWith("Type learn and a few words", sent[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learn_IsRefusedToCustomers()
    {
        var customer = TestPeople.NewCustomer();

        await _app.PostActivityAsync(customer.Text("learn refund"));

        Assert.DoesNotContain(_app.Connector.SentTo(customer.PersonalConversationId), a => a.Attachments is { Count: > 0 });
    }

    [Fact]
    public async Task DidThisHelp_OneAnswerPerAgent_Changeable_CountedExactly_AndShownOnTheCard()
    {
        var learning = await Flow.PublishedAsync("Customer was charged twice", "Refund it.");

        await Flow.AnswerAsync(SignalLifecycleFlow.Agent, learning.LearningId, helpful: true);
        await Flow.AnswerAsync(SignalLifecycleFlow.Agent, learning.LearningId, helpful: true);
        await Flow.AnswerAsync(SignalLifecycleFlow.OtherAgent, learning.LearningId, helpful: true);
        var changed = await Flow.AnswerAsync(SignalLifecycleFlow.OtherAgent, learning.LearningId, helpful: false);
        var customer = await Flow.AnswerAsync(TestPeople.NewCustomer(), learning.LearningId, helpful: false);

        var text = CardNodes.VisibleText(CardNodes.CardIn(changed));
        Assert.Contains("Thanks: you said this did not help.", text, StringComparison.Ordinal);
        Assert.Contains("Helped 1 · did not help 1", text, StringComparison.Ordinal);
        Assert.Equal(403, customer["statusCode"]!.GetValue<int>());
        Assert.Equal(new LearningCounts(1, 1), (await _app.Services.GetRequiredService<ILearningStore>().GetAsync(learning.LearningId, default))!.Counts);
        var found = Assert.Single(LearningFlow.Results(await Flow.QueryAsync(SignalLifecycleFlow.Agent, "charged twice")));
        Assert.Contains("Helped 1 · did not help 1", CardNodes.VisibleText(found["content"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherInstance_FindsANewLearning_AfterItsRefreshInterval()
    {
        using var other = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = _app.TablePrefix });
        var otherFlow = new LearningFlow(other);
        Assert.Empty(LearningFlow.Results(await otherFlow.QueryAsync(SignalLifecycleFlow.Agent, "warranty")));

        await Flow.PublishedAsync("Is the repair covered by the warranty?", "Repairs within two years are covered.");
        other.Time.Advance(TimeSpan.FromSeconds(6));
        // The due check runs beside the search that starts it; the next search uses the reloaded index.
        await otherFlow.QueryAsync(SignalLifecycleFlow.Agent, "warranty");
        await Poll.UntilAsync(async () => LearningFlow.Results(await otherFlow.QueryAsync(SignalLifecycleFlow.Agent, "warranty")).Count == 1,
            TimeSpan.FromSeconds(20), "the other instance's index to reload");

        Assert.Single(LearningFlow.Results(await otherFlow.QueryAsync(SignalLifecycleFlow.Agent, "warranty")));
    }
}
