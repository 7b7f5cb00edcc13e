using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.App.Tests.Cards;

namespace CxBot.App.Tests.Surveys.Cards;

public sealed class ThankYouCardTests
{
    [Fact]
    public void ACallBackIsPromisedWithItsDueTime()
    {
        var text = new CardQuery(ThankYouCard.Build(FollowUpPromise.CallBack, BotCulture.English, callBackWithinHours: 24)).VisibleText;

        Assert.Contains("will contact you within 24 hours", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AOneHourCallBackReadsNaturally()
    {
        var text = new CardQuery(ThankYouCard.Build(FollowUpPromise.CallBack, BotCulture.English, callBackWithinHours: 1)).VisibleText;

        Assert.Contains("within an hour", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DutchCallBackPromise()
    {
        var text = new CardQuery(ThankYouCard.Build(FollowUpPromise.CallBack, BotCulture.Dutch, callBackWithinHours: 24)).VisibleText;

        Assert.Contains("binnen 24 uur contact met je op", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FollowUpPromise.None)]
    [InlineData(FollowUpPromise.ReviewWithoutContact)]
    public void WithoutACallBackNothingIsPromised(FollowUpPromise promise)
    {
        var text = new CardQuery(ThankYouCard.Build(promise, BotCulture.English)).VisibleText;

        Assert.DoesNotContain("will contact you", text, StringComparison.Ordinal);
        Assert.DoesNotContain("within", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ALowScoreWithoutConsentSaysTheTeamLooksIntoItWithoutContactingTheCustomer()
    {
        var text = new CardQuery(ThankYouCard.Build(FollowUpPromise.ReviewWithoutContact, BotCulture.English)).VisibleText;

        Assert.Contains("Our team will look into what went wrong", text, StringComparison.Ordinal);
        Assert.Contains("We won't contact you about it", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ACallBackPromiseNeedsItsDueTime()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ThankYouCard.Build(FollowUpPromise.CallBack, BotCulture.English));
    }

    [Fact]
    public void CardsThatReplaceTheSurveyHaveNoInputsOrActions()
    {
        var cards = new[]
        {
            ThankYouCard.Build(FollowUpPromise.None, BotCulture.English),
            AlreadyAnsweredCard.Build(BotCulture.English),
            SurveyClosedCard.Build(BotCulture.English),
            SurveyUnavailableCard.Build(BotCulture.English),
        }.Select(c => new CardQuery(c)).ToList();

        Assert.All(cards, c => Assert.Null(c.Json["actions"]));
        Assert.All(cards, c => Assert.DoesNotContain(c.All, o => CardQuery.Text(o, "type")!.StartsWith("Input.", StringComparison.Ordinal)));
        Assert.Equal(4, cards.Select(c => c.VisibleText).Distinct().Count());
    }

    [Fact]
    public void TheClosedCardIsPoliteAndTheUnavailableCardGivesNoReason()
    {
        var closed = new CardQuery(SurveyClosedCard.Build(BotCulture.English)).VisibleText;
        var unavailable = new CardQuery(SurveyUnavailableCard.Build(BotCulture.English)).VisibleText;

        Assert.Contains("has closed", closed, StringComparison.Ordinal);
        Assert.Contains("Thank you", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("token", unavailable, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expired", unavailable, StringComparison.OrdinalIgnoreCase);
    }
}
