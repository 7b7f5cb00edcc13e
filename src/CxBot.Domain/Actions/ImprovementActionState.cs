using CxBot.Domain.People;

namespace CxBot.Domain.Actions;

/// <summary>An improvement action as stored: every field, for the store to write and to restore from.</summary>
public sealed record ImprovementActionState
{
    /// <summary>See <see cref="ImprovementAction.ActionId"/>.</summary>
    public required string ActionId { get; init; }
    /// <summary>See <see cref="ImprovementAction.TenantId"/>.</summary>
    public required string? TenantId { get; init; }
    /// <summary>See <see cref="ImprovementAction.ProposedBy"/>.</summary>
    public required PersonRef ProposedBy { get; init; }
    /// <summary>See <see cref="ImprovementAction.ProposedAt"/>.</summary>
    public required DateTimeOffset ProposedAt { get; init; }
    /// <summary>See <see cref="ImprovementAction.Origin"/>.</summary>
    public required ActionOrigin Origin { get; init; }
    /// <summary>See <see cref="ImprovementAction.Details"/>.</summary>
    public required ImprovementActionDetails Details { get; init; }
    /// <summary>See <see cref="ImprovementAction.Status"/>.</summary>
    public ActionStatus Status { get; init; }
    /// <summary>See <see cref="ImprovementAction.AgreedAt"/>.</summary>
    public DateTimeOffset? AgreedAt { get; init; }
    /// <summary>See <see cref="ImprovementAction.Baseline"/>.</summary>
    public EffectMeasure? Baseline { get; init; }
    /// <summary>See <see cref="ImprovementAction.DoneAt"/>.</summary>
    public DateTimeOffset? DoneAt { get; init; }
    /// <summary>See <see cref="ImprovementAction.Outcome"/>.</summary>
    public string? Outcome { get; init; }
    /// <summary>See <see cref="ImprovementAction.Result"/>.</summary>
    public EffectResult? Result { get; init; }
    /// <summary>See <see cref="ImprovementAction.CustomerMessage"/>.</summary>
    public CustomerMessage? CustomerMessage { get; init; }
    /// <summary>See <see cref="ImprovementAction.OverdueAnnouncedAt"/>.</summary>
    public DateTimeOffset? OverdueAnnouncedAt { get; init; }
    /// <summary>See <see cref="ImprovementAction.SignalIds"/>.</summary>
    public IReadOnlyList<string> SignalIds { get; init; } = [];
    /// <summary>See <see cref="ImprovementAction.FollowUpIds"/>.</summary>
    public IReadOnlyList<string> FollowUpIds { get; init; } = [];
    /// <summary>See <see cref="ImprovementAction.History"/>.</summary>
    public IReadOnlyList<ActionStep> History { get; init; } = [];
    /// <summary>See <see cref="ImprovementAction.Card"/>.</summary>
    public Messaging.PostedMessage? Card { get; init; }
    /// <summary>The stored version's ETag.</summary>
    public string? ETag { get; init; }
}
