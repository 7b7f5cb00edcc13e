namespace CxBot.Domain.Surveys;

/// <summary>The ids of the survey card's inputs, as submitted back.</summary>
public static class SurveyInputIds
{
    /// <summary>CSAT 1-5.</summary>
    public const string Csat = "csat";
    /// <summary>worse / as-expected / better.</summary>
    public const string Expectation = "expectation";
    /// <summary>yes / partly / no.</summary>
    public const string Resolution = "resolution";
    /// <summary>NPS 0-10.</summary>
    public const string Nps = "nps";
    /// <summary>A quality driver key.</summary>
    public const string Driver = "driver";
    /// <summary>Free text.</summary>
    public const string Comment = "comment";
    /// <summary>true / false.</summary>
    public const string Consent = "consent";
    /// <summary>Customer Effort Score 1-5.</summary>
    public const string Ces = "ces";
    /// <summary>Not an input: the survey as a whole, for a problem no single input has (nothing answered).</summary>
    public const string Answers = "answers";

    /// <summary>The input id of a question.</summary>
    public static string For(SurveyQuestion question) => question switch
    {
        SurveyQuestion.Csat => Csat,
        SurveyQuestion.Expectation => Expectation,
        SurveyQuestion.Resolution => Resolution,
        SurveyQuestion.Nps => Nps,
        SurveyQuestion.Driver => Driver,
        SurveyQuestion.Consent => Consent,
        SurveyQuestion.Ces => Ces,
        _ => throw new ArgumentOutOfRangeException(nameof(question), question, "Unknown survey question."),
    };
}

/// <summary>The values the choice inputs submit.</summary>
public static class SurveyChoiceValues
{
    /// <summary>Worse than expected.</summary>
    public const string Worse = "worse";
    /// <summary>As expected.</summary>
    public const string AsExpected = "as-expected";
    /// <summary>Better than expected.</summary>
    public const string Better = "better";
    /// <summary>Resolved.</summary>
    public const string Yes = "yes";
    /// <summary>Partly resolved.</summary>
    public const string Partly = "partly";
    /// <summary>Not resolved.</summary>
    public const string No = "no";
    /// <summary>Consent given (a toggle's value when on).</summary>
    public const string ConsentGiven = "true";
    /// <summary>Consent refused (a toggle's value when off).</summary>
    public const string ConsentRefused = "false";

    /// <summary>The submitted value of an expectation answer.</summary>
    public static string For(ExpectationAnswer answer) => answer switch
    {
        ExpectationAnswer.Worse => Worse,
        ExpectationAnswer.AsExpected => AsExpected,
        ExpectationAnswer.Better => Better,
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "Unknown expectation answer."),
    };

    /// <summary>The submitted value of a resolution answer.</summary>
    public static string For(ResolutionAnswer answer) => answer switch
    {
        ResolutionAnswer.Yes => Yes,
        ResolutionAnswer.Partly => Partly,
        ResolutionAnswer.No => No,
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, "Unknown resolution answer."),
    };
}
