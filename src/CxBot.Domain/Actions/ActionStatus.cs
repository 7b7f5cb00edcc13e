namespace CxBot.Domain.Actions;

/// <summary>Where an improvement action stands. Stable names: they are stored and select the text people see.</summary>
public enum ActionStatus
{
    /// <summary>Written down, not yet agreed with its owner.</summary>
    Proposed,
    /// <summary>Agreed: the owner takes it on and the baseline of its expected effect is stored.</summary>
    Agreed,
    /// <summary>Being carried out.</summary>
    InProgress,
    /// <summary>Carried out; its effect check waits for the settling time and an equal period after.</summary>
    Done,
    /// <summary>Done and its effect measured.</summary>
    Evaluated,
    /// <summary>Stopped without being carried out; nobody is told.</summary>
    Dropped,
}

/// <summary>The two reactions of the learning cycle (../shared/domain.md).</summary>
public enum ActionKind
{
    /// <summary>Fix this case or this week's cause.</summary>
    DirectCorrection,
    /// <summary>Remove the cause, usually with another department.</summary>
    ImprovementProject,
}
