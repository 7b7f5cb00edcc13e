using System.Diagnostics.CodeAnalysis;

namespace CxBot.Domain.Surveys;

/// <summary>A problem with one submitted input.</summary>
/// <param name="Field">The input id (<see cref="SurveyInputIds"/>).</param>
/// <param name="Code">One of <see cref="FieldErrorCodes"/>.</param>
public sealed record FieldError(string Field, string Code);

/// <summary>Stable codes of <see cref="FieldError"/>, for messages on the card.</summary>
public static class FieldErrorCodes
{
    /// <summary>A required answer is missing.</summary>
    public const string Required = "required";
    /// <summary>A number outside the scale, or not a whole number.</summary>
    public const string OutOfRange = "out-of-range";
    /// <summary>Not one of the offered choices.</summary>
    public const string InvalidChoice = "invalid-choice";
    /// <summary>Longer than allowed.</summary>
    public const string TooLong = "too-long";
    /// <summary>Not a number.</summary>
    public const string NotANumber = "not-a-number";
    /// <summary>Nothing was answered at all (reported on <see cref="SurveyInputIds.Answers"/>, the survey as a whole).</summary>
    public const string NoAnswer = "no-answer";
}

/// <summary>Either valid answers or the problems found, one per input.</summary>
public sealed record AnswerParseResult
{
    private AnswerParseResult(SurveyAnswers? answers, IReadOnlyList<FieldError> errors)
    {
        Answers = answers;
        Errors = errors;
    }

    /// <summary>The answers when valid.</summary>
    public SurveyAnswers? Answers { get; }

    /// <summary>The problems; empty when valid.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>True when there are answers and no problems.</summary>
    [MemberNotNullWhen(true, nameof(Answers))]
    public bool IsValid => Answers is not null;

    /// <summary>Valid answers.</summary>
    public static AnswerParseResult Success(SurveyAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return new(answers, []);
    }

    /// <summary>Problems found.</summary>
    public static AnswerParseResult Failure(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(null, errors);
    }
}
