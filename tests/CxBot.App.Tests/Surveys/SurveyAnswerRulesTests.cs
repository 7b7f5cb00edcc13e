using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Surveys;
using CxBot.App.Surveys.Cards;
using CxBot.App.Surveys.Delivery;
using CxBot.App.Tests.Support;
using CxBot.Cards;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Surveys;

/// <summary>Rules of an answer beyond the CSAT: nothing answered, the effort score, NPS detractors, an answer after the recorded expiry.</summary>
[Collection(AppAzurite.Name)]
public sealed class SurveyAnswerRulesTests(AzuriteProcess azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    // The default definition replaced by one without CSAT, so no input is required on the card.
    private static Dictionary<string, string?> WithoutCsat(bool npsFollowUp = false) => new()
    {
        ["Surveys:Definitions:default:Version"] = "2",
        ["Surveys:Definitions:default:Questions:0"] = "Nps",
        ["Surveys:Definitions:default:Questions:1"] = "Ces",
        ["Surveys:Definitions:default:Questions:2"] = "Driver",
        ["Surveys:Definitions:default:Questions:3"] = "Consent",
        ["Surveys:FollowUpOnNpsDetractor"] = npsFollowUp ? "true" : "false",
    };

    [Theory]
    [InlineData("en-US", "Please answer at least one question before you send.")]
    [InlineData("nl-NL", "Beantwoord minstens één vraag voordat je verstuurt.")]
    public async Task ASubmitWithNothingAnsweredReShowsTheCardWithItsMessage(string locale, string message)
    {
        using var app = new CxBotAppFactory(azurite, WithoutCsat());
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer(locale);
        var survey = await flow.SendAsync(customer);

        var body = await flow.ExecuteAsync(customer, survey.Answer(("consent", "false"), ("comment", "   ")));

        var card = CardNodes.CardIn(body);
        Assert.Equal(message, CardNodes.ById(card, SurveyInputIds.Answers + "-error")?["text"]?.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(survey.Data, card["actions"]![0]!["data"]), "The re-shown card carries the same survey and token.");
        Assert.Null(await app.Services.GetRequiredService<SurveyResponseLookup>().FindByContactAsync(survey.ContactId, None));
        Assert.Equal(SurveyStatus.Sent, (await app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, None))!.Status);
    }

    [Fact]
    public async Task TheEffortScoreIsStoredWithTheAnswers()
    {
        using var app = new CxBotAppFactory(azurite, WithoutCsat());
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer();
        var survey = await flow.SendAsync(customer);

        var body = await flow.ExecuteAsync(customer, survey.Answer(("ces", "2")));

        CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.None, BotCulture.English), CardNodes.CardIn(body));
        var response = await app.Services.GetRequiredService<SurveyResponseLookup>().FindByContactAsync(survey.ContactId, None);
        Assert.Equal(2, response!.Answers.Ces);
    }

    [Fact]
    public async Task AnEffortScoreOffTheScaleReShowsTheCard()
    {
        using var app = new CxBotAppFactory(azurite, WithoutCsat());
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer();
        var survey = await flow.SendAsync(customer);

        var body = await flow.ExecuteAsync(customer, survey.Answer(("ces", "6")));

        Assert.Equal(SurveyFieldError.Invalid("ces", BotCulture.English).Message,
            CardNodes.ById(CardNodes.CardIn(body), "ces-error")?["text"]?.GetValue<string>());
        Assert.Null(await app.Services.GetRequiredService<SurveyResponseLookup>().FindByContactAsync(survey.ContactId, None));
    }

    [Theory]
    [InlineData(true, "3", true)]
    [InlineData(true, "7", false)]
    [InlineData(false, "0", false)]
    public async Task AnNpsDetractorOpensAFollowUpOnlyWhenConfigured(bool configured, string nps, bool opened)
    {
        using var app = new CxBotAppFactory(azurite, WithoutCsat(npsFollowUp: configured));
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer();
        var survey = await flow.SendAsync(customer);

        var body = await flow.ExecuteAsync(customer, survey.Answer(("nps", nps)));

        var followUp = await app.Services.GetRequiredService<IFollowUps>().GetAsync(survey.SurveyId, None);
        var response = await app.Services.GetRequiredService<SurveyResponseLookup>().FindByContactAsync(survey.ContactId, None);
        Assert.Equal(opened, followUp is not null);
        Assert.Equal(opened ? survey.SurveyId : null, response!.FollowUpId);
        var promise = opened ? FollowUpPromise.ReviewWithoutContact : FollowUpPromise.None;
        CardNodes.AssertSameCard(ThankYouCard.Build(promise, BotCulture.English), CardNodes.CardIn(body));
        if (opened)
        {
            Assert.Equal(FollowUpReasons.NpsDetractor, followUp!.Reasons);
        }
    }

    [Fact]
    public async Task AnAnswerAfterTheSurveyWasRecordedAsExpiredGetsTheClosedCard()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer();
        var survey = await flow.SendAsync(customer);
        app.Time.Advance(TimeSpan.FromDays(8));
        await app.Services.GetRequiredService<SurveySender>().HandleAsync(survey.SurveyId, DispatchKind.Expire, None);
        Assert.Equal(SurveyStatus.Expired, (await app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, None))!.Status);

        var body = await flow.ExecuteAsync(customer, survey.Answer(("csat", "5")));

        CardNodes.AssertSameCard(SurveyClosedCard.Build(BotCulture.English), CardNodes.CardIn(body));
        Assert.Null(await app.Services.GetRequiredService<SurveyResponseLookup>().FindByContactAsync(survey.ContactId, None));
    }
}
