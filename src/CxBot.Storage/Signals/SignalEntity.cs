namespace CxBot.Storage.Signals;

/// <summary>Row of <c>Signals</c>: PartitionKey = escaped signal id, RowKey = <see cref="Row"/>. The truth about a signal.</summary>
internal sealed class SignalEntity : TableRow
{
    public const string Row = "signal";

    public SignalEntity() => RowKey = Row;

    public string SignalId { get; set; } = "";
    public string? TenantId { get; set; }
    public string ReporterName { get; set; } = "";
    public string? ReporterObjectId { get; set; }
    public string? ReporterAgentId { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    /// <summary><c>yyyy-MM-dd</c> in the contact center's time zone.</summary>
    public string ReportingDay { get; set; } = "";
    /// <summary>A <see cref="Domain.Signals.SignalCapture"/> name.</summary>
    public string Capture { get; set; } = "";

    /// <summary>A <see cref="Domain.Signals.SignalKind"/> name.</summary>
    public string Kind { get; set; } = "";
    /// <summary>A <see cref="Domain.Signals.SignalVoice"/> name.</summary>
    public string Voice { get; set; } = "";
    public string? Driver { get; set; }
    public string TopicKey { get; set; } = "";
    /// <summary>A <see cref="Domain.Signals.SignalSeverity"/> name.</summary>
    public string Severity { get; set; } = "";
    public string Description { get; set; } = "";
    public string? ContactId { get; set; }
    public string? CustomerReference { get; set; }

    /// <summary>A <see cref="Domain.Signals.SignalStatus"/> name.</summary>
    public string Status { get; set; } = "";
    /// <summary>1-4, the <see cref="Domain.Signals.ServiceGap"/>.</summary>
    public int? Gap { get; set; }
    public string? ContactAgentId { get; set; }
    public string? ContactAgentName { get; set; }
    public string? ContactAgentObjectId { get; set; }
    public string? ContactQueue { get; set; }
    public string? ContactChannel { get; set; }
    public DateTimeOffset? ContactEndedAt { get; set; }
    public string? TriagedById { get; set; }
    public string? TriagedByName { get; set; }
    public DateTimeOffset? TriagedAt { get; set; }
    public string? ActionById { get; set; }
    public string? ActionByName { get; set; }
    public DateTimeOffset? ActionAt { get; set; }
    public string? ClosedById { get; set; }
    public string? ClosedByName { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
