using System.Globalization;
using CxBot.Domain.Surveys;

namespace CxBot.App.Surveys.Cards;

/// <summary>What the survey card shows.</summary>
/// <param name="SurveyId">The survey.</param>
/// <param name="Token">The signed token the send button carries back.</param>
/// <param name="Definition">The questions, in card order.</param>
/// <param name="AgentName">The agent's display name (shown inert).</param>
/// <param name="ContactDate">When the contact ended; its date is shown in the offset given.</param>
public sealed record SurveyCardModel(string SurveyId, string Token, SurveyDefinition Definition, string AgentName, DateTimeOffset ContactDate)
{
    /// <summary>What the customer submitted last time (input id to raw value), re-shown after a refused answer.</summary>
    public IReadOnlyDictionary<string, string> PreviousValues { get; init; } = new Dictionary<string, string>();

    /// <summary>Problems to show, each beside its field (or at the top when the field is not on the card).</summary>
    public IReadOnlyList<SurveyFieldError> Errors { get; init; } = [];

    /// <summary>The model for a survey as stored.</summary>
    public static SurveyCardModel For(Survey survey, SurveyDefinition definition, string token)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return new SurveyCardModel(survey.SurveyId, token, definition, survey.Agent.DisplayName, survey.ContactEndedAt);
    }
}

/// <summary>A refused answer: the input id and a localized message (our own text, shown as markdown-free prose).</summary>
/// <param name="FieldId">A <see cref="SurveyFields"/> id.</param>
/// <param name="Message">The message in the customer's language.</param>
public sealed record SurveyFieldError(string FieldId, string Message)
{
    /// <summary>"Please answer this question."</summary>
    public static SurveyFieldError Required(string fieldId, CultureInfo culture) =>
        new(fieldId, SurveyCard.Strings.Get("Error.Required", culture));

    /// <summary>"Please choose one of the options." (a value outside the choices or the range).</summary>
    public static SurveyFieldError Invalid(string fieldId, CultureInfo culture) =>
        new(fieldId, SurveyCard.Strings.Get("Error.Invalid", culture));

    /// <summary>"Please answer at least one question before sending." (a submit with nothing answered).</summary>
    public static SurveyFieldError NoAnswer(string fieldId, CultureInfo culture) =>
        new(fieldId, SurveyCard.Strings.Get("Error.NoAnswer", culture));

    /// <summary>"Please use at most N characters."</summary>
    public static SurveyFieldError TooLong(string fieldId, int maxLength, CultureInfo culture) =>
        new(fieldId, SurveyCard.Strings.Format("Error.TooLong", culture, maxLength));
}
