using System.Text.Json.Nodes;
using CxBot.App.Routing;
using CxBot.Protocol.Schema;

namespace CxBot.App.Tests.Routing;

public sealed class CardActionDataTests
{
    [Fact]
    public void From_ExecuteInvoke_ReadsVerbAndDataWithInputs()
    {
        var activity = new Activity
        {
            Type = "invoke",
            Name = "adaptiveCard/action",
            Value = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"survey.answer","data":{"surveyId":"s1","csat":"4"}}}"""),
        };

        var action = CardActionData.From(activity)!;

        Assert.True(action.IsInvoke);
        Assert.Equal("survey.answer", action.Verb);
        Assert.Equal("s1", action.GetString("surveyId"));
    }

    [Fact]
    public void From_SubmitMessage_ReadsVerbFromValue()
    {
        var activity = new Activity { Type = "message", Value = JsonNode.Parse("""{"verb":"help"}""") };

        var action = CardActionData.From(activity)!;

        Assert.False(action.IsInvoke);
        Assert.Equal("help", action.Verb);
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi"}""")]
    [InlineData("""{"type":"message","value":{"csat":"4"}}""")]
    [InlineData("""{"type":"message","value":{"verb":""}}""")]
    [InlineData("""{"type":"message","value":{"verb":5}}""")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute"}}}""")]
    [InlineData("""{"type":"invoke","name":"composeExtension/query","value":{"action":{"verb":"x"}}}""")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","value":[1,2]}""")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","value":"x"}""")]
    [InlineData("""{"type":"message","value":["verb"]}""")]
    public void From_NoVerb_IsNull(string json)
    {
        Assert.Null(CardActionData.From(ProtocolJson.ParseActivity(System.Text.Encoding.UTF8.GetBytes(json))!));
    }
}
