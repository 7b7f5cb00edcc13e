namespace CxBot.Storage.Signals;

/// <summary>Rows of <c>SignalContacts</c>, one partition per escaped contact id: the contact's facts (RowKey
/// <see cref="ContactRow"/>) and one row per signal that names it (RowKey <c>signal|</c> escaped signal id).</summary>
internal sealed class SignalContactEntity : TableRow
{
    public const string ContactRow = "contact";
    public const string SignalRowPrefix = "signal|";

    public string ContactId { get; set; } = "";
    public string? TenantId { get; set; }
    public string? AgentId { get; set; }
    public string? AgentName { get; set; }
    public string? AgentObjectId { get; set; }
    public string? Queue { get; set; }
    public string? Channel { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>On a signal row: the signal that names the contact.</summary>
    public string? SignalId { get; set; }
}
