using System.Text.Json.Nodes;
using CxBot.App.Surveys.Cards;

namespace CxBot.App.Tests.Surveys.Cards;

public sealed class SurveyAnswerActionTests
{
    [Fact]
    public void DataRoundTripsAndCarriesTheVerb()
    {
        var data = new SurveyAnswerAction("srv-1", "tok.sig").ToData();

        Assert.Equal("survey.answer", (string?)data["verb"]);
        Assert.True(SurveyAnswerAction.TryRead(data, out var read));
        Assert.Equal(new SurveyAnswerAction("srv-1", "tok.sig"), read);
    }

    [Fact]
    public void DataMergedWithTheAnswersIsRead()
    {
        var value = JsonNode.Parse("""{"verb":"survey.answer","surveyId":"srv-1","token":"t","csat":"4","comment":"ok"}""")!.AsObject();

        Assert.True(SurveyAnswerAction.TryRead(value, out var read));
        Assert.Equal("srv-1", read.SurveyId);
    }

    [Theory]
    [InlineData("""{"verb":"followup.claim","surveyId":"srv-1","token":"t"}""")]
    [InlineData("""{"surveyId":"srv-1","token":"t"}""")]
    [InlineData("""{"verb":"survey.answer","token":"t"}""")]
    [InlineData("""{"verb":"survey.answer","surveyId":"srv-1","token":" "}""")]
    [InlineData("""{"verb":"survey.answer","surveyId":{"id":"srv-1"},"token":"t"}""")]
    public void OtherOrIncompleteDataIsNotRead(string json)
    {
        Assert.False(SurveyAnswerAction.TryRead(JsonNode.Parse(json)!.AsObject(), out var read));
        Assert.Null(read);
    }
}
