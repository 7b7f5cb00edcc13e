namespace CxBot.Domain.Surveys;

/// <summary>The questions a survey can ask. The comment is always offered on top of the chosen questions.</summary>
public enum SurveyQuestion
{
    /// <summary>"How satisfied are you?" 1-5 (CSAT).</summary>
    Csat,
    /// <summary>"Compared with what you expected?" worse / as expected / better (gap 5).</summary>
    Expectation,
    /// <summary>"Was your question resolved?" yes / partly / no (FCR).</summary>
    Resolution,
    /// <summary>"How likely are you to recommend us?" 0-10 (NPS).</summary>
    Nps,
    /// <summary>"What mattered most?" one of the seven quality drivers.</summary>
    Driver,
    /// <summary>"May we contact you about this?" yes / no.</summary>
    Consent,
    /// <summary>"How easy was it to get this handled?" 1 (very difficult) to 5 (very easy) (CES, optional).</summary>
    Ces,
}

/// <summary>A named, versioned set of questions; every survey records the version it used.</summary>
/// <param name="Id">Definition name, e.g. <c>default</c>.</param>
/// <param name="Version">Bumped whenever the questions change.</param>
/// <param name="Questions">At most five, in card order.</param>
public sealed record SurveyDefinition(string Id, int Version, IReadOnlyList<SurveyQuestion> Questions)
{
    /// <summary>Most questions a definition may hold (the comment comes on top).</summary>
    public const int MaxQuestions = 5;

    /// <summary>Most characters of the comment.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>The built-in default: CSAT, expectation, resolution, driver, consent (+ comment).</summary>
    public static SurveyDefinition Default { get; } = new("default", 1,
        [SurveyQuestion.Csat, SurveyQuestion.Expectation, SurveyQuestion.Resolution, SurveyQuestion.Driver, SurveyQuestion.Consent]);

    /// <summary>True when the definition asks the question.</summary>
    public bool Asks(SurveyQuestion question) => Questions.Contains(question);
}
