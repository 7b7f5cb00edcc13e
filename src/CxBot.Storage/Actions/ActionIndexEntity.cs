namespace CxBot.Storage.Actions;

/// <summary>
/// Row of <c>ActionIndex</c>: an entry of a list. PartitionKey names the list (<see cref="ActionLists"/>), RowKey =
/// inverted ticks of ProposedAt <c>|</c> escaped action id (newest first). The action's own row stays the truth: every
/// entry is checked against it when read.
/// </summary>
internal sealed class ActionIndexEntity : TableRow
{
    public string ActionId { get; set; } = "";
}
