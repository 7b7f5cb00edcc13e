using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.Cards.Tests;

public sealed class ActionDataTests
{
    private static readonly JsonObject Submitted = JsonNode.Parse("""
        {"verb":"survey.answer","csat":4,"nps":"7","half":4.5,"consent":true,"comment":"  ","empty":"","nested":{"a":1},"none":null}
        """)!.AsObject();

    [Theory]
    [InlineData("verb", "survey.answer")]
    [InlineData("csat", "4")]
    [InlineData("nps", "7")]
    [InlineData("half", "4.5")]
    [InlineData("consent", "true")]
    [InlineData("comment", null)]
    [InlineData("empty", null)]
    [InlineData("nested", null)]
    [InlineData("none", null)]
    [InlineData("missing", null)]
    public void FieldsAreReadAsTextWhateverTheChannelSent(string name, string? expected)
    {
        Assert.Equal(expected, ActionData.GetText(Submitted, name));
        Assert.Equal(expected is not null, ActionData.TryGetString(Submitted, name, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void NumbersBuiltInCodeReadTheSameAsParsedOnes()
    {
        Assert.Equal("4", ActionData.GetText(new JsonObject { ["csat"] = 4 }, "csat"));
    }

    [Fact]
    public void TheVerbMustMatchExactly()
    {
        Assert.True(ActionData.HasVerb(Submitted, "survey.answer"));
        Assert.False(ActionData.HasVerb(Submitted, "Survey.Answer"));
        Assert.False(ActionData.HasVerb([], "survey.answer"));
    }
}
