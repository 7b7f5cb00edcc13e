using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.App.FollowUps;
using CxBot.App.Localization;
using CxBot.App.People;
using CxBot.App.Routing;
using CxBot.App.Surveys.Cards;
using CxBot.Domain.Surveys;
using Microsoft.Extensions.Options;

namespace CxBot.App.Surveys;

/// <summary>
/// A customer's submitted survey (Action.Execute in Teams, Action.Submit in Web Chat). The token binds the card to
/// the survey and to the customer who received it; answers are validated here, whatever the card allowed.
/// </summary>
public sealed partial class SurveyAnswerHandler(
    ISurveys surveys,
    ISurveyResponses responses,
    SurveyResponseLookup stored,
    CustomerPseudonyms pseudonyms,
    SurveyTokenKey tokenKey,
    SurveyCardFactory cards,
    FollowUpService followUps,
    IOptionsMonitor<SurveyOptions> options,
    SurveyCatalog catalog,
    StaffDirectory staff,
    ILogger<SurveyAnswerHandler> logger)
{
    /// <summary>Handles the submit.</summary>
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var data = turn.CardAction!.Data;
        if (!SurveyAnswerAction.TryRead(data, out var action))
        {
            await turn.ReplaceCardAsync(cards.Unavailable(turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var customer = CustomerAddresses.Of(turn.Activity);
        var key = await tokenKey.GetAsync(cancellationToken).ConfigureAwait(false);
        var check = customer is null ? null : SurveyTokens.Verify(action.Token, customer.Key, key);
        if (check is null || check.Status != TokenStatus.Valid || !string.Equals(check.SurveyId, action.SurveyId, StringComparison.Ordinal))
        {
            LogRefusedToken(logger, action.SurveyId, check?.Status.ToString() ?? "no-customer");
            await turn.ReplaceCardAsync(cards.Unavailable(turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var survey = await surveys.GetAsync(action.SurveyId, cancellationToken).ConfigureAwait(false);
        if (survey is null || !string.Equals(survey.Customer.Key, customer!.Key, StringComparison.Ordinal))
        {
            await turn.ReplaceCardAsync(cards.Unavailable(turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var culture = BotCulture.Resolve(survey.Locale ?? turn.Activity.Locale, BotCulture.Resolve(options.CurrentValue.DefaultLocale));
        if (survey.Status == SurveyStatus.Answered)
        {
            await turn.ReplaceCardAsync(cards.AlreadyAnswered(culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        // A late answer to a survey recorded as expired gets the same polite card as one not yet recorded.
        if (survey.Status == SurveyStatus.Expired)
        {
            await turn.ReplaceCardAsync(cards.Closed(culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (survey.Status != SurveyStatus.Sent)
        {
            await turn.ReplaceCardAsync(cards.Unavailable(culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (survey.IsExpired(turn.ReceivedAt))
        {
            await turn.ReplaceCardAsync(cards.Closed(culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var definition = catalog.DefinitionOf(survey);
        var inputs = ReadInputs(data);
        var parsed = AnswerParser.Parse(definition, inputs);
        if (parsed.Answers is null)
        {
            await turn.ReplaceCardAsync(cards.SurveyWithErrors(survey, definition, culture, action.Token, inputs, parsed.Errors), cancellationToken).ConfigureAwait(false);
            return;
        }

        await RecordAsync(turn, survey, parsed.Answers, culture, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(TurnContext turn, Survey survey, SurveyAnswers answers, CultureInfo culture, CancellationToken cancellationToken)
    {
        var now = turn.ReceivedAt;
        var day = stored.DayOf(survey);
        var customerId = await pseudonyms.OfAsync(survey.Customer.Key, cancellationToken).ConfigureAwait(false);
        // The platform names the agent by its own id; the directory adds who that is in Teams, when it knows.
        var response = SurveyResponse.For(survey, answers, culture.Name, now, customerId, options.CurrentValue.RecoveryRules())
            with { Agent = staff.ResolveAgent(survey.Agent), ActivityId = turn.Activity.Id };

        // The response row is the guard: one per survey, whatever the channel retries or the customer double-clicks (this
        // route keeps no ledger entry). The store marks the day for the roll-up in the same transaction. The survey row
        // keeps saying Sent: the response row is the truth for "answered", and the expiry work records Answered later.
        if (!await responses.TryAddAsync(day, response, cancellationToken).ConfigureAwait(false))
        {
            await AnswerAgainAsync(turn, survey, day, culture, cancellationToken).ConfigureAwait(false);
            return;
        }

        var followUp = await followUps.OpenForAsync(survey, response, CustomerName(turn), cancellationToken).ConfigureAwait(false);
        LogAnswered(logger, survey.SurveyId, answers.Csat, followUp?.FollowUpId);
        await turn.ReplaceCardAsync(cards.ThankYou(followUp, culture), cancellationToken).ConfigureAwait(false);
    }

    // The survey has a response already. A redelivery of the activity that stored it (the channel's retry, or a retry after
    // the first attempt failed later on) gets the thank-you card again; any other submit hears "already answered". Both
    // first finish the follow-up an interrupted first submit may have left unopened (opening it is idempotent).
    private async Task AnswerAgainAsync(TurnContext turn, Survey survey, DateOnly day, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (await responses.GetAsync(day, survey.SurveyId, cancellationToken).ConfigureAwait(false) is { } first)
        {
            var followUp = await followUps.OpenForAsync(survey, first, CustomerName(turn), cancellationToken).ConfigureAwait(false);
            if (first.ActivityId is { } storedBy && string.Equals(storedBy, turn.Activity.Id, StringComparison.Ordinal))
            {
                await turn.ReplaceCardAsync(cards.ThankYou(followUp, culture), cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        await turn.ReplaceCardAsync(cards.AlreadyAnswered(culture), cancellationToken).ConfigureAwait(false);
    }

    // The name the channel gives the customer (Teams: the profile name; web chat: whatever the site put in the token).
    private static string? CustomerName(TurnContext turn) => turn.Activity.From?.Name;

    /// <summary>The card's inputs as raw strings: numbers as written in the JSON, booleans as true/false.</summary>
    internal static Dictionary<string, string?> ReadInputs(JsonObject data)
    {
        var inputs = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, node) in data)
        {
            if (name is CardActionData.VerbProperty || name == SurveyAnswerAction.SurveyIdProperty || name == SurveyAnswerAction.TokenProperty)
            {
                continue;
            }

            inputs[name] = node switch
            {
                null => null,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                // As written: converting first would throw on numbers beyond decimal (1e30) instead of refusing them as answers.
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
                _ => node.ToJsonString(),
            };
        }

        return inputs;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey answer refused for {SurveyId}: token {Status}")]
    private static partial void LogRefusedToken(ILogger logger, string surveyId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} answered (CSAT {Csat}); follow-up {FollowUpId}")]
    private static partial void LogAnswered(ILogger logger, string surveyId, int? csat, string? followUpId);
}
