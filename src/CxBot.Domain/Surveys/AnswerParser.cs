using System.Globalization;
using System.Text;

namespace CxBot.Domain.Surveys;

/// <summary>
/// Validates submitted card inputs on the server (client-side hints are not trusted). Only the questions the
/// definition asks, plus the comment, are read; values for other inputs are ignored.
/// </summary>
public static class AnswerParser
{
    /// <summary>
    /// Longest raw value accepted for any input. The comment limit applies after trimming, so without this a comment
    /// padded with white space could be stored raw at any size.
    /// </summary>
    // Twice the comment: room for whitespace and characters cleaned away, while the stored JSON of all raw answers
    // (control characters escaped to six characters each) stays within a Table Storage string property.
    public const int MaxRawLength = 2 * SurveyDefinition.MaxCommentLength;

    /// <summary>
    /// Parses the inputs. Whitespace-only counts as missing; CSAT is required when asked, the rest is optional, but a
    /// submit that answers nothing at all is refused (<see cref="FieldErrorCodes.NoAnswer"/>).
    /// Choices compare case-insensitively after trimming. <see cref="SurveyAnswers.Raw"/> holds the asked inputs and
    /// the comment that were present, exactly as received.
    /// </summary>
    public static AnswerParseResult Parse(SurveyDefinition definition, IReadOnlyDictionary<string, string?> inputs)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(inputs);

        var errors = new List<FieldError>();
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var answers = new SurveyAnswers { Raw = raw };

        foreach (var question in definition.Questions.Distinct())
        {
            var id = SurveyInputIds.For(question);
            var value = Read(inputs, id, raw, errors, out var missing);
            if (value is null)
            {
                if (missing && question == SurveyQuestion.Csat)
                {
                    errors.Add(new(id, FieldErrorCodes.Required));
                }

                continue;
            }

            answers = question switch
            {
                SurveyQuestion.Csat => ParseScale(id, value, 1, 5, errors) is { } csat ? answers with { Csat = csat } : answers,
                SurveyQuestion.Nps => ParseScale(id, value, 0, 10, errors) is { } nps ? answers with { Nps = nps } : answers,
                SurveyQuestion.Ces => ParseScale(id, value, 1, 5, errors) is { } ces ? answers with { Ces = ces } : answers,
                SurveyQuestion.Expectation => ParseChoice(id, value, ExpectationChoices, errors) is { } e ? answers with { Expectation = e } : answers,
                SurveyQuestion.Resolution => ParseChoice(id, value, ResolutionChoices, errors) is { } r ? answers with { Resolution = r } : answers,
                SurveyQuestion.Consent => ParseChoice(id, value, ConsentChoices, errors) is { } c ? answers with { ContactConsent = c } : answers,
                SurveyQuestion.Driver => ParseDriver(id, value, errors) is { } d ? answers with { Driver = d } : answers,
                _ => answers,
            };
        }

        if (Read(inputs, SurveyInputIds.Comment, raw, errors, out _) is { } comment)
        {
            var cleaned = CleanComment(comment);
            if (cleaned.Length > SurveyDefinition.MaxCommentLength)
            {
                errors.Add(new(SurveyInputIds.Comment, FieldErrorCodes.TooLong));
            }
            else if (cleaned.Length > 0)
            {
                answers = answers with { Comment = cleaned };
            }
        }

        if (errors.Count == 0 && !AnswersAnything(answers))
        {
            errors.Add(new(SurveyInputIds.Answers, FieldErrorCodes.NoAnswer));
        }

        return errors.Count == 0 ? AnswerParseResult.Success(answers) : AnswerParseResult.Failure(errors);
    }

    // A consent toggle left off is the card's default, not an answer: without a score, a choice, a comment or a given
    // consent the submit says nothing (possible whenever the definition makes no question required).
    private static bool AnswersAnything(SurveyAnswers answers) =>
        answers.Csat is not null || answers.Nps is not null || answers.Ces is not null || answers.Expectation is not null
        || answers.Resolution is not null || answers.Driver is not null || answers.Comment is not null || answers.ContactConsent == true;

    /// <summary>
    /// Trims the comment and removes control characters other than newline and tab, and the bidirectional
    /// override and isolate marks, which could make a comment read differently on the supervisors' card.
    /// </summary>
    public static string CleanComment(string comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var builder = new StringBuilder(comment.Length);
        foreach (var c in comment)
        {
            if (!IsRemovedFromComment(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static bool IsRemovedFromComment(char c) => c switch
    {
        '\n' or '\t' => false,
        >= '\u202A' and <= '\u202E' => true, // bidi embeddings and overrides
        >= '\u2066' and <= '\u2069' => true, // bidi isolates
        _ => char.IsControl(c),
    };

    // The trimmed value; null when missing (absent, null or whitespace) or rejected for its raw length.
    private static string? Read(IReadOnlyDictionary<string, string?> inputs, string id, Dictionary<string, string> raw,
        List<FieldError> errors, out bool missing)
    {
        missing = false;
        if (!inputs.TryGetValue(id, out var received) || string.IsNullOrWhiteSpace(received))
        {
            missing = true;
            return null;
        }

        if (received.Length > MaxRawLength)
        {
            errors.Add(new(id, FieldErrorCodes.TooLong));
            return null;
        }

        raw[id] = received;
        return received.Trim();
    }

    private static int? ParseScale(string id, string value, int min, int max, List<FieldError> errors)
    {
        // Whole numbers only, also written as "4.0"; no grouping, exponents or culture-specific separators.
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(new(id, FieldErrorCodes.NotANumber));
            return null;
        }

        if (number != decimal.Truncate(number) || number < min || number > max)
        {
            errors.Add(new(id, FieldErrorCodes.OutOfRange));
            return null;
        }

        return (int)number;
    }

    private static T? ParseChoice<T>(string id, string value, IReadOnlyDictionary<string, T> choices, List<FieldError> errors)
        where T : struct
    {
        if (choices.TryGetValue(value, out var choice))
        {
            return choice;
        }

        errors.Add(new(id, FieldErrorCodes.InvalidChoice));
        return null;
    }

    private static string? ParseDriver(string id, string value, List<FieldError> errors)
    {
        foreach (var driver in QualityDriver.All)
        {
            if (driver.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return driver;
            }
        }

        errors.Add(new(id, FieldErrorCodes.InvalidChoice));
        return null;
    }

    private static readonly Dictionary<string, ExpectationAnswer> ExpectationChoices = new(StringComparer.OrdinalIgnoreCase)
    {
        [SurveyChoiceValues.Worse] = ExpectationAnswer.Worse,
        [SurveyChoiceValues.AsExpected] = ExpectationAnswer.AsExpected,
        [SurveyChoiceValues.Better] = ExpectationAnswer.Better,
    };

    private static readonly Dictionary<string, ResolutionAnswer> ResolutionChoices = new(StringComparer.OrdinalIgnoreCase)
    {
        [SurveyChoiceValues.Yes] = ResolutionAnswer.Yes,
        [SurveyChoiceValues.Partly] = ResolutionAnswer.Partly,
        [SurveyChoiceValues.No] = ResolutionAnswer.No,
    };

    private static readonly Dictionary<string, bool> ConsentChoices = new(StringComparer.OrdinalIgnoreCase)
    {
        [SurveyChoiceValues.ConsentGiven] = true,
        [SurveyChoiceValues.ConsentRefused] = false,
        ["yes"] = true,
        ["no"] = false,
    };
}
