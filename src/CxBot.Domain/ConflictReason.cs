namespace CxBot.Domain;

/// <summary>Why a state change was refused. Stable names: they appear in logs and select the text people see.</summary>
public enum ConflictReason
{
    /// <summary>Another writer changed or removed the record since it was read (a lost race).</summary>
    Concurrency,
    /// <summary>A survey that no longer waits to be sent.</summary>
    NotSendable,
    /// <summary>A send outcome for a survey no dispatcher is sending.</summary>
    NotSending,
    /// <summary>The survey was answered already.</summary>
    AlreadyAnswered,
    /// <summary>The survey has not been sent.</summary>
    NotSent,
    /// <summary>The survey expired.</summary>
    Expired,
    /// <summary>No reminder is due.</summary>
    NoReminder,
    /// <summary>The survey is not a delivered, unanswered one past its answer time.</summary>
    NotExpired,
    /// <summary>The follow-up is resolved.</summary>
    AlreadyResolved,
    /// <summary>Someone else owns the follow-up.</summary>
    AlreadyClaimed,
    /// <summary>No overdue notice is due.</summary>
    NoOverdue,
    /// <summary>The customer's suppression window is held by another survey (reserved or delivered within it).</summary>
    Suppressed,
    /// <summary>The person is the agent whose contact the follow-up is about.</summary>
    OwnAgentContact,
    /// <summary>Only the owner (or a supervisor, where allowed) may do this.</summary>
    NotOwner,
    /// <summary>Nobody owns the follow-up, so there is nothing to release.</summary>
    NotClaimed,
    /// <summary>Only a supervisor may do this.</summary>
    NotSupervisor,
    /// <summary>Only the person who logged the signal may do this.</summary>
    NotReporter,
    /// <summary>The signal is no longer new (its reporter can no longer edit or withdraw it).</summary>
    SignalNotNew,
    /// <summary>The signal must be triaged first.</summary>
    SignalNotTriaged,
    /// <summary>Someone already acts on the signal.</summary>
    SignalInAction,
    /// <summary>The signal is closed or withdrawn.</summary>
    SignalDone,
    /// <summary>The topic was merged into another and is no longer changed itself.</summary>
    TopicMerged,
    /// <summary>A merge into itself or into a merged topic.</summary>
    TopicMergeInvalid,
    /// <summary>The improvement action's status does not allow this move.</summary>
    ActionNotAllowed,
}
