namespace CxBot.Storage.Insights.Signals;

/// <summary>Row of <c>SignalFacts</c>: PartitionKey = the day the signal was logged <c>yyyyMMdd</c>, RowKey = escaped signal id;
/// the signal's classification as of <see cref="Version"/>.</summary>
internal sealed class SignalFactEntity : TableRow
{
    public string SignalId { get; set; } = "";
    public string? TenantId { get; set; }
    /// <summary>The signal's version after the change that wrote this row; only a higher one replaces it.</summary>
    public int Version { get; set; }
    /// <summary>A <see cref="Domain.Signals.SignalStatus"/> name (withdrawn rows are kept and not counted).</summary>
    public string Status { get; set; } = "";
    /// <summary>A <see cref="Domain.Signals.SignalKind"/> name.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The topic key as stored (a merged topic's key resolves through the topic list when reading).</summary>
    public string TopicKey { get; set; } = "";
    public string? Driver { get; set; }
    /// <summary>A <see cref="Domain.Signals.ServiceGap"/> name.</summary>
    public string? Gap { get; set; }
    public string? Queue { get; set; }
    public string? AgentId { get; set; }
    public string? Channel { get; set; }
}
