namespace CxBot.Domain.Surveys;

/// <summary>Gap 5: the service compared with what the customer expected.</summary>
public enum ExpectationAnswer
{
    /// <summary>Worse than expected.</summary>
    Worse,
    /// <summary>As expected.</summary>
    AsExpected,
    /// <summary>Better than expected.</summary>
    Better,
}

/// <summary>Was the question resolved (FCR).</summary>
public enum ResolutionAnswer
{
    /// <summary>Yes.</summary>
    Yes,
    /// <summary>Partly.</summary>
    Partly,
    /// <summary>No.</summary>
    No,
}

/// <summary>A validated set of answers. Unasked questions are null.</summary>
public sealed record SurveyAnswers
{
    /// <summary>1-5.</summary>
    public int? Csat { get; init; }
    /// <summary>Gap 5 answer.</summary>
    public ExpectationAnswer? Expectation { get; init; }
    /// <summary>FCR answer.</summary>
    public ResolutionAnswer? Resolution { get; init; }
    /// <summary>0-10.</summary>
    public int? Nps { get; init; }
    /// <summary>Customer Effort Score, 1 (very difficult) to 5 (very easy).</summary>
    public int? Ces { get; init; }
    /// <summary>A <see cref="QualityDriver"/> key.</summary>
    public string? Driver { get; init; }
    /// <summary>Free text, at most <see cref="SurveyDefinition.MaxCommentLength"/> characters.</summary>
    public string? Comment { get; init; }
    /// <summary>May we contact the customer about this.</summary>
    public bool? ContactConsent { get; init; }
    /// <summary>The submitted values of the asked inputs and the comment, exactly as received (input id to raw string); missing ones are absent.</summary>
    public required IReadOnlyDictionary<string, string> Raw { get; init; }
}
