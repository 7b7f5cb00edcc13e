using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Surveys;
using CxBot.App.Surveys.Cards;
using CxBot.App.Tests.Support;
using CxBot.Cards;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Surveys;

/// <summary>The thank-you card is built once per promise and language; every answer gets its own copy.</summary>
[Collection(AppAzurite.Name)]
public sealed class SurveyCardFactoryTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public void ThankYou_EachCallGetsItsOwnCopy_AChangeToOneNeverReachesTheNext()
    {
        var cards = _app.Services.GetRequiredService<SurveyCardFactory>();
        var first = cards.ThankYou(null, BotCulture.English);
        first["body"] = new JsonArray();

        var second = cards.ThankYou(null, BotCulture.English);
        var dutch = cards.ThankYou(null, BotCulture.Dutch);

        Assert.NotSame(first, second);
        Assert.True(JsonNode.DeepEquals(CardJson.ToJsonObject(ThankYouCard.Build(FollowUpPromise.None, BotCulture.English)), second));
        Assert.True(JsonNode.DeepEquals(CardJson.ToJsonObject(ThankYouCard.Build(FollowUpPromise.None, BotCulture.Dutch)), dutch));
    }
}
