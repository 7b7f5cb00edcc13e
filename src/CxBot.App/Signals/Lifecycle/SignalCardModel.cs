using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.Signals.Lifecycle;

/// <summary>Who looks at a signal's card, which decides the buttons it shows.</summary>
public enum SignalViewer
{
    /// <summary>Someone who may only read it.</summary>
    Reader,
    /// <summary>The agent who logged it: edit and withdraw while new.</summary>
    Reporter,
    /// <summary>A supervisor (in a chat or in the signals channel): the lifecycle moves.</summary>
    Supervisor,
}

/// <summary>Everything the signal card shows.</summary>
public sealed record SignalCardModel
{
    /// <summary>The signal.</summary>
    public required Signal Signal { get; init; }
    /// <summary>The tenant's topics (labels, choices, merges).</summary>
    public required TopicCatalog Topics { get; init; }
    /// <summary>Whose card it is.</summary>
    public required SignalViewer Viewer { get; init; }
    /// <summary>The survey response of the contact the signal names, when there is one.</summary>
    public SurveyResponse? Response { get; init; }
    /// <summary>Where the signal and the response disagree.</summary>
    public IReadOnlyList<SignalContradiction> Contradictions { get; init; } = [];
    /// <summary>A notice on top (inert).</summary>
    public string? Banner { get; init; }
    /// <summary>A heading above the title (the high-severity alert).</summary>
    public string? Heading { get; init; }

    /// <summary>True when a supervisor may open a follow-up from it: a complaint or churn risk that names a customer.</summary>
    public bool OffersFollowUp =>
        Signal.Kind is SignalKind.Complaint or SignalKind.ChurnRisk
        && Signal.Status != SignalStatus.Withdrawn
        && (Signal.CustomerReference is not null || Signal.ContactId is not null);
}
