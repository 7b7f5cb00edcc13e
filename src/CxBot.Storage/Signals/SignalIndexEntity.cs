namespace CxBot.Storage.Signals;

/// <summary>
/// Row of <c>SignalIndex</c>: an entry of a list. PartitionKey names the list (<see cref="SignalLists"/>), RowKey =
/// inverted ticks of ReportedAt <c>|</c> escaped signal id (newest first). The columns copy what lists filter on;
/// the signal's own row stays the truth and every entry is checked against it when read.
/// </summary>
internal sealed class SignalIndexEntity : TableRow
{
    public string SignalId { get; set; } = "";
    public DateTimeOffset ReportedAt { get; set; }
    public string Status { get; set; } = "";
    public string Kind { get; set; } = "";
    public string TopicKey { get; set; } = "";
    public string? Driver { get; set; }
    public string Severity { get; set; } = "";
    /// <summary>The linked contact's queue, lower case.</summary>
    public string? Queue { get; set; }
    public int Version { get; set; }
}
