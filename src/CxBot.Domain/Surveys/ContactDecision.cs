namespace CxBot.Domain.Surveys;

/// <summary>Why a contact gets no survey.</summary>
public enum SkipReason
{
    /// <summary>The contact ended by an idle timeout: the customer may not have been there.</summary>
    IdleTimeout,
    /// <summary>The customer typed stop.</summary>
    OptedOut,
    /// <summary>The customer was surveyed within the suppression window.</summary>
    Suppressed,
    /// <summary>The contact fell outside the queue's sampling rate.</summary>
    NotSampled,
    /// <summary>The customer's chat refused the bot's last post (blocked, removed or gone) and they have not written
    /// or installed the bot again since.</summary>
    Unreachable,
}

/// <summary>What was decided for a contact; stored once and returned again for the same contact id.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="SurveyId">The survey, when one was scheduled.</param>
/// <param name="Reason">Why not, when skipped.</param>
/// <param name="DecidedAt">When.</param>
public sealed record ContactDecision(string ContactId, string? SurveyId, SkipReason? Reason, DateTimeOffset DecidedAt)
{
    /// <summary>True when a survey was scheduled.</summary>
    public bool Scheduled => SurveyId is not null;
}
