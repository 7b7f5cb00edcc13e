namespace CxBot.Domain.Insights;

/// <summary>The period and scope a summary is asked for.</summary>
/// <param name="Period">Whole reporting days.</param>
/// <param name="Scope">What the figures are about.</param>
public sealed record SummaryFilter(ReportPeriod Period, ReportScope Scope);

/// <summary>Why the words after <c>summary</c> could not be read.</summary>
public enum SummaryFilterProblem
{
    /// <summary>A word that is neither a period nor a scope.</summary>
    UnknownWords,
    /// <summary>A range not written <c>yyyy-MM-dd..yyyy-MM-dd</c>, or a date that does not exist.</summary>
    InvalidRange,
    /// <summary>A range whose end is before its start.</summary>
    RangeEndsBeforeStart,
    /// <summary>More days than <see cref="ReportPeriodParser.MaxDays"/>.</summary>
    PeriodTooLong,
    /// <summary><c>queue</c>, <c>agent</c> or <c>channel</c> without a name after it.</summary>
    MissingName,
    /// <summary>An agent name the staff directory does not know.</summary>
    UnknownAgent,
    /// <summary>Two periods, or scopes that do not combine (only a queue and an agent do).</summary>
    Conflicting,
}

/// <summary>The filter read, or the problem and the words it is about.</summary>
/// <param name="Filter">The filter, when the words could be read.</param>
/// <param name="Problem">Otherwise, what was wrong.</param>
/// <param name="Text">The words the problem is about.</param>
public sealed record SummaryFilterResult(SummaryFilter? Filter, SummaryFilterProblem? Problem, string? Text);
