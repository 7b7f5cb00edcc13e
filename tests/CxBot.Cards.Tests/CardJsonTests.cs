using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.Cards.Tests;

public sealed class CardJsonTests
{
    private static JsonObject Json(params CardElement[] body) => CardJson.ToJsonObject(new AdaptiveCard { Body = body });

    [Fact]
    public void ARatingSerializesWithItsFallbackElement()
    {
        var rating = new RatingInput
        {
            Id = "csat",
            Label = "How satisfied?",
            IsRequired = true,
            ErrorMessage = "Required",
            Fallback = new ChoiceSetInput { Id = "csat", Style = "expanded", Choices = [new Choice("1 ★", "1")] },
        };

        var json = Json(rating)["body"]![0]!;

        Assert.Equal("Input.Rating", (string?)json["type"]);
        Assert.Equal(5, (int)json["max"]!);
        Assert.Equal("Input.ChoiceSet", (string?)json["fallback"]!["type"]);
        Assert.Equal("csat", (string?)json["fallback"]!["id"]);
        Assert.Null(json["value"]);
    }

    [Fact]
    public void NullPropertiesAreLeftOut()
    {
        var json = Json(new TextInput { Id = "comment" })["body"]![0]!.AsObject();

        Assert.Equal(["type", "id"], json.Select(p => p.Key));
    }

    [Fact]
    public void ToggleAndTextRunExtrasSerialize()
    {
        var json = Json(
            new ToggleInput { Id = "consent", Title = "Yes", Wrap = true },
            new RichTextBlock { Inlines = [new TextRun { Text = "Open", Color = "attention", IsSubtle = true }] });

        Assert.True((bool)json["body"]![0]!["wrap"]!);
        Assert.Equal(("true", "false"), ((string?)json["body"]![0]!["valueOn"], (string?)json["body"]![0]!["valueOff"]));
        var run = json["body"]![1]!["inlines"]![0]!;
        Assert.Equal(("TextRun", "attention", true), ((string?)run["type"], (string?)run["color"], (bool)run["isSubtle"]!));
    }

    [Fact]
    public void ExecuteWithSubmitFallbackCarriesTheSameDataTitleAndStyle()
    {
        var data = new JsonObject { ["verb"] = "survey.answer", ["surveyId"] = "s1" };

        var execute = ExecuteAction.WithSubmitFallback("Send", "survey.answer", data, style: "positive");
        var json = CardJson.ToJsonObject(new AdaptiveCard { Actions = [execute] })["actions"]![0]!;

        Assert.Equal(("Action.Execute", "survey.answer", "Send", "positive"),
            ((string?)json["type"], (string?)json["verb"], (string?)json["title"], (string?)json["style"]));
        var fallback = json["fallback"]!;
        Assert.Equal(("Action.Submit", "Send", "positive"), ((string?)fallback["type"], (string?)fallback["title"], (string?)fallback["style"]));
        Assert.True(JsonNode.DeepEquals(data, json["data"]));
        Assert.True(JsonNode.DeepEquals(data, fallback["data"]));
    }

    [Fact]
    public void ExecuteWithSubmitFallbackCopiesTheData()
    {
        var data = new JsonObject { ["verb"] = "v" };

        var execute = ExecuteAction.WithSubmitFallback("Go", "v", data);
        data["verb"] = "changed";

        Assert.Equal("v", (string?)execute.Data!["verb"]);
        Assert.Equal("v", (string?)((SubmitAction)execute.Fallback!).Data!["verb"]);
        Assert.NotSame(execute.Data, ((SubmitAction)execute.Fallback!).Data);
        Assert.Null(data.Parent);
    }
}
