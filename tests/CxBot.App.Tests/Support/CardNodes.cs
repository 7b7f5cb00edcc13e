using System.Text.Json.Nodes;
using CxBot.App.Tests.Cards;
using CxBot.Cards;

namespace CxBot.App.Tests.Support;

/// <summary>Reads cards as they left the app (JSON), and compares them with the cards the card classes build.</summary>
public static class CardNodes
{
    /// <summary>The card of an invoke response body, after checking it is one.</summary>
    public static JsonObject CardIn(JsonObject invokeBody)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", invokeBody["type"]?.GetValue<string>());
        return invokeBody["value"]!.AsObject();
    }

    /// <summary>Asserts that the JSON is exactly the card the app's card class builds.</summary>
    public static void AssertSameCard(AdaptiveCard expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(CardJson.ToJsonObject(expected), actual),
            $"Expected {CardJson.ToJsonObject(expected).ToJsonString()}\nbut got {actual?.ToJsonString()}");

    /// <summary>Everything a reader sees in the card.</summary>
    public static string VisibleText(JsonNode card) =>
        string.Join("\n", CardQuery.Descendants(card).SelectMany(o => VisibleProperties.Select(p => CardQuery.Text(o, p)).OfType<string>()));

    /// <summary>The element with the id, or null.</summary>
    public static JsonObject? ById(JsonNode card, string id) =>
        CardQuery.Descendants(card).FirstOrDefault(o => CardQuery.Text(o, "id") == id);

    private static readonly string[] VisibleProperties = ["text", "label", "title", "placeholder", "errorMessage"];
}
