using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.App.FollowUps.Cards;
using CxBot.App.Routing;
using CxBot.App.Surveys.Cards;
using CxBot.App.Tests.Support;
using CxBot.Protocol.Schema;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Routing;

/// <summary>Only a card verb routed with its own redelivery guard skips the activity ledger; everything else keeps it.</summary>
[Collection(AppAzurite.Name)]
public sealed class RedeliveryGuardTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public void TheSurveyAnswer_GuardsItself_InTeamsAndInWebChat()
    {
        var customer = SurveyFlow.NewCustomer();
        var data = new JsonObject { ["verb"] = SurveyAnswerAction.Verb, ["csat"] = 5 };

        Assert.False(UsesLedger(customer.Execute(SurveyAnswerAction.Verb, new JsonObject { ["csat"] = 5 })));
        Assert.False(UsesLedger(customer.Submit(data)));
    }

    [Fact]
    public void OtherVerbsMessagesAndUnknownVerbs_UseTheLedger()
    {
        var customer = SurveyFlow.NewCustomer();

        Assert.True(UsesLedger(customer.Execute(FollowUpAction.ClaimVerb, new JsonObject { ["followUpId"] = "f-1" })));
        Assert.True(UsesLedger(customer.Execute("no.such.verb", [])));
        Assert.True(UsesLedger(customer.Text("help")));
        Assert.True(UsesLedger(customer.Install()));
    }

    [Fact]
    public void TheGuardOfAVerbRoute_IsTheLedgerUnlessSaidOtherwise() =>
        Assert.Equal(RedeliveryGuard.Ledger, new VerbRoute("any.verb", Domain.People.UserRole.Customer, (_, _) => Task.CompletedTask).Guard);

    private bool UsesLedger(JsonObject activity) =>
        _app.Services.GetRequiredService<ActivityRouter>().UsesLedger(JsonSerializer.Deserialize(activity.ToJsonString(), ProtocolJsonContext.Default.Activity)!);
}
