using System.Diagnostics;
using System.Text.Json.Nodes;
using CxBot.App.Signals;
using CxBot.App.Signals.Cards;
using CxBot.App.Tests.Cards;
using CxBot.App.Tests.Support;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Signals;

/// <summary>The message action "Log as customer signal": fetchTask opens the prefilled form, submitAction stores and confirms.</summary>
[Collection(AppAzurite.Name)]
public sealed class SignalMessageActionTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task FetchTask_AnswersWithADialogHoldingTheFormPrefilledWithTheMessageAndItsAuthor()
    {
        var agent = TestPeople.Agent();
        var watch = Stopwatch.StartNew();

        var body = await InvokeAsync(Invoke(agent, SignalsModule.FetchTaskInvoke, FetchValue("<p>My invoice is wrong &amp; late<br>again</p>", "Chris Customer")));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"fetchTask took {watch.Elapsed}");
        var task = body["task"]!.AsObject();
        Assert.Equal("continue", task["type"]!.GetValue<string>());
        Assert.Equal("Log as customer signal", task["value"]!["title"]!.GetValue<string>());
        var attachment = task["value"]!["card"]!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var form = attachment["content"]!.AsObject();
        Assert.Equal("Chris Customer: My invoice is wrong & late\nagain", CardNodes.ById(form, SignalForm.DescriptionInput)!["value"]!.GetValue<string>());
        Assert.Contains("Message from Chris Customer", CardNodes.VisibleText(form), StringComparison.Ordinal);
        var submit = Assert.Single(AppHttp.Descendants(form), o => CardQuery.Text(o, "type") == "Action.Submit");
        Assert.True(SignalCaptureAction.TryRead(submit["data"]!.AsObject(), out var action));
        Assert.Equal(SignalCapture.MessageAction, action.Capture);
    }

    [Fact]
    public async Task SubmitAction_StoresTheSignalOnce_AndConfirmsInTheDialog()
    {
        var agent = TestPeople.Agent();
        var data = SignalCaptureTests.FormData(SignalCaptureAction.SubmitNew(SignalIds.New(), SignalCapture.MessageAction), "Chris Customer: my invoice is wrong");
        var value = new JsonObject { ["commandId"] = SignalCaptureHandler.MessageActionCommandId, ["commandContext"] = "message", ["data"] = data };
        var watch = Stopwatch.StartNew();

        var first = await InvokeAsync(Invoke(agent, SignalsModule.SubmitActionInvoke, value));
        var second = await InvokeAsync(Invoke(agent, SignalsModule.SubmitActionInvoke, value.DeepClone().AsObject()));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"two submits took {watch.Elapsed}");
        Assert.All([first, second], body =>
        {
            Assert.Equal("message", body["task"]!["type"]!.GetValue<string>());
            Assert.Equal("Signal logged: Complaint, Billing.", body["task"]!["value"]!.GetValue<string>());
        });
        var page = await _app.Services.GetRequiredService<ISignalStore>().ListByReporterAsync(TeamsUser.TenantId, CxBotAppFactory.AgentAad, 10, null, CancellationToken.None);
        var signal = Assert.Single(page.Signals);
        Assert.Equal((SignalCapture.MessageAction, "Chris Customer: my invoice is wrong"), (signal.Capture, signal.Description));
    }

    [Theory]
    [InlineData("composeExtension/fetchTask")]
    [InlineData("composeExtension/submitAction")]
    public async Task SomeoneNotOnTheStaff_IsRefusedInTheDialog(string invoke)
    {
        var customer = TestPeople.NewCustomer();
        var data = SignalCaptureTests.FormData(SignalCaptureAction.SubmitNew(SignalIds.New(), SignalCapture.MessageAction), "x");
        var value = invoke == SignalsModule.FetchTaskInvoke ? FetchValue("hello", "Someone") : new JsonObject { ["commandId"] = "logSignal", ["data"] = data };

        var body = await InvokeAsync(Invoke(customer, invoke, value));

        Assert.Equal("message", body["task"]!["type"]!.GetValue<string>());
        Assert.Contains("Ask your contact-center administrator", body["task"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonObject FetchValue(string html, string author) => new()
    {
        ["commandId"] = SignalCaptureHandler.MessageActionCommandId,
        ["commandContext"] = "message",
        ["context"] = new JsonObject { ["theme"] = "default" },
        ["messagePayload"] = new JsonObject
        {
            ["id"] = "1795444364332",
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = html },
            ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "29:x", ["displayName"] = author } },
        },
    };

    private static JsonObject Invoke(TeamsUser user, string name, JsonObject value)
    {
        var activity = user.Personal("invoke");
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    private async Task<JsonObject> InvokeAsync(JsonObject activity)
    {
        var response = await _app.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        return await response.ReadObjectAsync();
    }
}
