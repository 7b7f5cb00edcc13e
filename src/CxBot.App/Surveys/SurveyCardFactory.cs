using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using Microsoft.Extensions.Options;

namespace CxBot.App.Surveys;

/// <summary>Builds the survey's cards as JSON, with the signed token and the customer's language.</summary>
public sealed class SurveyCardFactory(SurveyTokenKey tokenKey, SurveyCatalog catalog, IOptionsMonitor<FollowUps.FollowUpOptions> followUpOptions)
{
    // The thank-you card holds no user text: built once per promise, language and due time, then copied for each answer
    // (a copy, because the answer's JSON takes the node as its child).
    private readonly ConcurrentDictionary<(FollowUpPromise Promise, string Culture, int DueHours), JsonObject> _thanks = new();

    /// <summary>The survey card with a fresh token valid until <paramref name="expiresAt"/>.</summary>
    public async Task<JsonObject> BuildSurveyCardAsync(Survey survey, CultureInfo culture, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var key = await tokenKey.GetAsync(cancellationToken).ConfigureAwait(false);
        var token = SurveyTokens.Create(survey.SurveyId, survey.Customer.Key, expiresAt, key);
        return CardJson.ToJsonObject(SurveyCard.Build(SurveyCardModel.For(survey, catalog.DefinitionOf(survey), token), culture));
    }

    /// <summary>The survey card again, with what the customer entered and why it was refused.</summary>
    public JsonObject SurveyWithErrors(Survey survey, SurveyDefinition definition, CultureInfo culture, string token,
        IReadOnlyDictionary<string, string?> entered, IReadOnlyList<FieldError> errors)
    {
        var model = SurveyCardModel.For(survey, definition, token) with
        {
            PreviousValues = entered.Where(e => e.Value is not null && e.Value.Length <= AnswerParser.MaxRawLength)
                .ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal),
            Errors = errors.Select(e => e.Code switch
            {
                FieldErrorCodes.Required => SurveyFieldError.Required(e.Field, culture),
                FieldErrorCodes.NoAnswer => SurveyFieldError.NoAnswer(e.Field, culture),
                FieldErrorCodes.TooLong => SurveyFieldError.TooLong(e.Field, SurveyDefinition.MaxCommentLength, culture),
                _ => SurveyFieldError.Invalid(e.Field, culture),
            }).ToList(),
        };
        return CardJson.ToJsonObject(SurveyCard.Build(model, culture));
    }

    /// <summary>Thanks, honest about what happens next: a call-back is promised only when one was created.</summary>
    public JsonObject ThankYou(FollowUp? followUp, CultureInfo culture)
    {
        var promise = followUp switch
        {
            null => FollowUpPromise.None,
            { CallBack: true } => FollowUpPromise.CallBack,
            _ => FollowUpPromise.ReviewWithoutContact,
        };
        ArgumentNullException.ThrowIfNull(culture);
        var dueHours = promise == FollowUpPromise.CallBack ? followUpOptions.CurrentValue.DueHours : 0;
        var card = _thanks.GetOrAdd((promise, culture.Name, dueHours), key => CardJson.ToJsonObject(ThankYouCard.Build(key.Promise, culture, key.DueHours)));
        return card.DeepClone().AsObject();
    }

    /// <summary>A second submit.</summary>
    public JsonObject AlreadyAnswered(CultureInfo culture) => CardJson.ToJsonObject(AlreadyAnsweredCard.Build(culture));

    /// <summary>An answer after the expiry.</summary>
    public JsonObject Closed(CultureInfo culture) => CardJson.ToJsonObject(SurveyClosedCard.Build(culture));

    /// <summary>A refused token or a survey that is not the sender's: no details.</summary>
    public JsonObject Unavailable(CultureInfo culture) => CardJson.ToJsonObject(SurveyUnavailableCard.Build(culture));

    /// <summary>The one reminder's text (no user-supplied text in it).</summary>
    public string ReminderText(Survey survey, CultureInfo culture) =>
        SurveyCard.Strings.Format("Reminder", culture, survey.ContactEndedAt.ToString("d", culture));
}
