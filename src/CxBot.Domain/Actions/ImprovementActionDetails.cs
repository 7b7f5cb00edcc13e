using CxBot.Domain.Signals;

namespace CxBot.Domain.Actions;

/// <summary>What an action is about, as its author wrote it (editable until it is done).</summary>
public sealed record ImprovementActionDetails
{
    /// <summary>Longest title.</summary>
    public const int MaxTitleLength = 120;

    /// <summary>A short title, shown inert.</summary>
    public required string Title { get; init; }
    /// <summary>Direct correction or improvement project.</summary>
    public required ActionKind Kind { get; init; }
    /// <summary>The voice it answers (customer, process, business).</summary>
    public required SignalVoice Voice { get; init; }
    /// <summary>One of the seven drivers, when it is about one.</summary>
    public string? Driver { get; init; }
    /// <summary>The SERVQUAL gap (1-4) it closes, when named.</summary>
    public ServiceGap? Gap { get; init; }
    /// <summary>The owner: a person or a department.</summary>
    public required ActionOwner Owner { get; init; }
    /// <summary>The department that owns the cause (for its monthly report); the owner's department when a department owns it.</summary>
    public string? OwningDepartment { get; init; }
    /// <summary>When it should be done.</summary>
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>Which figure should move and by how much.</summary>
    public required ExpectedEffect Effect { get; init; }

    /// <summary>Throws when a field is out of bounds.</summary>
    public ImprovementActionDetails Validated()
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > MaxTitleLength)
        {
            throw new ArgumentException($"A title has 1 to {MaxTitleLength} characters.");
        }

        if (Driver is not null && !Surveys.QualityDriver.All.Contains(Driver))
        {
            throw new ArgumentException("The driver is one of the seven drivers.");
        }

        ArgumentNullException.ThrowIfNull(Owner);
        ArgumentNullException.ThrowIfNull(Effect);
        Effect.Validated();
        return this;
    }
}
