namespace CxBot.Storage.Actions;

/// <summary>
/// Row of <c>ImprovementActions</c>: PartitionKey = escaped action id, RowKey = <see cref="Row"/>. The truth about an action.
/// What lists filter on or people read is a column; the parts that would be awkward as columns (baseline, result,
/// links, history) are System.Text.Json (<see cref="ActionJson"/>).
/// </summary>
internal sealed class ImprovementActionEntity : TableRow
{
    public const string Row = "action";

    public ImprovementActionEntity() => RowKey = Row;

    public string ActionId { get; set; } = "";
    public string? TenantId { get; set; }
    public string ProposedByJson { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }
    /// <summary>An <see cref="Domain.Actions.ActionOriginKind"/> name.</summary>
    public string OriginKind { get; set; } = "";
    public string? OriginKey { get; set; }

    public string Title { get; set; } = "";
    /// <summary>An <see cref="Domain.Actions.ActionKind"/> name.</summary>
    public string Kind { get; set; } = "";
    /// <summary>A <see cref="Domain.Signals.SignalVoice"/> name.</summary>
    public string Voice { get; set; } = "";
    public string? Driver { get; set; }
    /// <summary>1-4, the <see cref="Domain.Signals.ServiceGap"/>.</summary>
    public int? Gap { get; set; }
    /// <summary>The owning person (JSON), when a person owns it.</summary>
    public string? OwnerPersonJson { get; set; }
    public string? OwnerDepartment { get; set; }
    public string? OwningDepartment { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>An <see cref="Domain.Actions.EffectFigure"/> name.</summary>
    public string EffectFigure { get; set; } = "";
    /// <summary>A <see cref="Domain.Insights.ReportScope.Key"/>.</summary>
    public string EffectScope { get; set; } = "";
    public double EffectChange { get; set; }
    public string? EffectDriver { get; set; }
    public string? EffectTopicKey { get; set; }

    /// <summary>An <see cref="Domain.Actions.ActionStatus"/> name.</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset? AgreedAt { get; set; }
    public string? BaselineJson { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? Outcome { get; set; }
    public string? ResultJson { get; set; }
    public string? CustomerMessageJson { get; set; }
    public DateTimeOffset? OverdueAnnouncedAt { get; set; }
    public string SignalIdsJson { get; set; } = "[]";
    public string FollowUpIdsJson { get; set; } = "[]";
    public string HistoryJson { get; set; } = "[]";
    /// <summary>Where the card was last shown (JSON), to edit it with the effect check.</summary>
    public string? CardJson { get; set; }
}
