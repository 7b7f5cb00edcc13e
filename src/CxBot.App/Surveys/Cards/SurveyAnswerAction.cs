using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.App.Surveys.Cards;

/// <summary>
/// The data of the survey card's send button. Teams and Web Chat return it merged with the answers, so the
/// handler reads this record and the inputs (<see cref="SurveyFields"/>) from the same object.
/// </summary>
/// <param name="SurveyId">The survey.</param>
/// <param name="Token">The signed token binding the card to the survey and the customer; opaque here.</param>
public sealed record SurveyAnswerAction(string SurveyId, string Token)
{
    /// <summary>The verb of the send button.</summary>
    public const string Verb = "survey.answer";

    /// <summary>Field holding <see cref="SurveyId"/>.</summary>
    public const string SurveyIdProperty = "surveyId";

    /// <summary>Field holding <see cref="Token"/>.</summary>
    public const string TokenProperty = "token";

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new()
    {
        [ActionData.VerbProperty] = Verb,
        [SurveyIdProperty] = SurveyId,
        [TokenProperty] = Token,
    };

    /// <summary>Reads the action from submitted data; false when the verb differs or a field is missing.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out SurveyAnswerAction? action)
    {
        action = ActionData.HasVerb(data, Verb)
            && ActionData.TryGetString(data, SurveyIdProperty, out var surveyId)
            && ActionData.TryGetString(data, TokenProperty, out var token)
                ? new SurveyAnswerAction(surveyId, token)
                : null;
        return action is not null;
    }
}
