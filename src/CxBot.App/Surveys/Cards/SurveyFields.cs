using CxBot.Domain.Surveys;

namespace CxBot.App.Surveys.Cards;

/// <summary>
/// The survey card's input ids and choice values: the contract between the card and the code that reads
/// its answers. Values arrive as strings (Teams' Input.Rating may send <c>csat</c> as a number).
/// </summary>
public static class SurveyFields
{
    /// <summary>CSAT 1-5.</summary>
    public const string Csat = SurveyInputIds.Csat;
    /// <summary>Gap 5: <see cref="ExpectationValues"/>.</summary>
    public const string Expectation = SurveyInputIds.Expectation;
    /// <summary>FCR: <see cref="ResolutionValues"/>.</summary>
    public const string Resolution = SurveyInputIds.Resolution;
    /// <summary>NPS 0-10.</summary>
    public const string Nps = SurveyInputIds.Nps;
    /// <summary>A <see cref="QualityDriver"/> key.</summary>
    public const string Driver = SurveyInputIds.Driver;
    /// <summary><see cref="ConsentYes"/> or <see cref="ConsentNo"/>.</summary>
    public const string Consent = SurveyInputIds.Consent;
    /// <summary>Customer Effort Score 1-5.</summary>
    public const string Ces = SurveyInputIds.Ces;
    /// <summary>Free text, always offered.</summary>
    public const string Comment = SurveyInputIds.Comment;

    /// <summary>Consent given.</summary>
    public const string ConsentYes = SurveyChoiceValues.ConsentGiven;
    /// <summary>Consent not given (the toggle's value when left alone).</summary>
    public const string ConsentNo = SurveyChoiceValues.ConsentRefused;

    /// <summary>Submitted values of the expectation question.</summary>
    public static IReadOnlyDictionary<ExpectationAnswer, string> ExpectationValues { get; } =
        Enum.GetValues<ExpectationAnswer>().ToDictionary(a => a, SurveyChoiceValues.For);

    /// <summary>Submitted values of the resolution question.</summary>
    public static IReadOnlyDictionary<ResolutionAnswer, string> ResolutionValues { get; } =
        Enum.GetValues<ResolutionAnswer>().ToDictionary(a => a, SurveyChoiceValues.For);

    /// <summary>The input id of a question.</summary>
    public static string IdOf(SurveyQuestion question) => SurveyInputIds.For(question);

    /// <summary>Every input id the card shows for a definition, in card order (the comment last).</summary>
    public static IReadOnlyList<string> IdsOf(SurveyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return [.. definition.Questions.Select(IdOf), Comment];
    }

    /// <summary>
    /// Questions the card marks as required (the client blocks sending without them; the server checks again).
    /// Only the satisfaction score is required ("lean and mean"); every other answer is optional, as the server also rules.
    /// </summary>
    public static bool IsRequired(SurveyQuestion question) =>
        question is SurveyQuestion.Csat;
}
