using System.Globalization;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Domain.Surveys;

namespace CxBot.App.Tests.Surveys.Cards;

/// <summary>The survey-side cards with fixed data: snapshotted and run through the renderer library.</summary>
internal static class SurveyCardSamples
{
    public static readonly DateTimeOffset ContactDate = new(2025, 3, 3, 14, 30, 0, TimeSpan.FromHours(1));

    public static readonly SurveyDefinition WithNps = new("with-nps", 2,
        [SurveyQuestion.Csat, SurveyQuestion.Nps, SurveyQuestion.Expectation, SurveyQuestion.Resolution, SurveyQuestion.Consent]);

    /// <summary>A definition without CSAT that asks the effort score.</summary>
    public static readonly SurveyDefinition WithCes = new("with-ces", 1,
        [SurveyQuestion.Nps, SurveyQuestion.Ces, SurveyQuestion.Driver, SurveyQuestion.Consent]);

    public static SurveyCardModel Model(SurveyDefinition? definition = null, string agentName = "Sanne de Vries") =>
        new("srv-0001", "v1.c3J2LTAwMDE.c2lnbmF0dXJl", definition ?? SurveyDefinition.Default, agentName, ContactDate);

    /// <summary>A refused answer shown again: previous values (one out of range) and errors.</summary>
    public static SurveyCardModel Refused(CultureInfo culture) => Model(WithNps) with
    {
        PreviousValues = new Dictionary<string, string>
        {
            [SurveyFields.Csat] = "2",
            [SurveyFields.Nps] = "11",
            [SurveyFields.Expectation] = "worse",
            [SurveyFields.Consent] = "true",
            [SurveyFields.Comment] = "Nobody called me back.",
        },
        Errors = [SurveyFieldError.Invalid(SurveyFields.Nps, culture), SurveyFieldError.Required(SurveyFields.Resolution, culture)],
    };

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var en = BotCulture.English;
        var nl = BotCulture.Dutch;
        yield return ("survey.en", SurveyCard.Build(Model(), en));
        yield return ("survey.nl", SurveyCard.Build(Model(), nl));
        yield return ("survey.refused.en", SurveyCard.Build(Refused(en), en));
        yield return ("survey.ces.nl", SurveyCard.Build(Model(WithCes), nl));
        yield return ("survey.no-answer.en", SurveyCard.Build(Model(WithCes) with { Errors = [SurveyFieldError.NoAnswer(SurveyInputIds.Answers, en)] }, en));
        yield return ("thank-you.none.en", ThankYouCard.Build(FollowUpPromise.None, en));
        yield return ("thank-you.review.en", ThankYouCard.Build(FollowUpPromise.ReviewWithoutContact, en));
        yield return ("thank-you.call-back.en", ThankYouCard.Build(FollowUpPromise.CallBack, en, callBackWithinHours: 24));
        yield return ("thank-you.call-back.nl", ThankYouCard.Build(FollowUpPromise.CallBack, nl, callBackWithinHours: 24));
        yield return ("already-answered.en", AlreadyAnsweredCard.Build(en));
        yield return ("survey-closed.nl", SurveyClosedCard.Build(nl));
        yield return ("survey-unavailable.en", SurveyUnavailableCard.Build(en));
    }
}
