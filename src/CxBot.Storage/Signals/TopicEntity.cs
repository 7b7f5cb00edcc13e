namespace CxBot.Storage.Signals;

/// <summary>Row of <c>Topics</c>: PartitionKey = lower-case tenant id (<c>-</c> for none), RowKey = the topic key.</summary>
internal sealed class TopicEntity : TableRow
{
    public string? TenantId { get; set; }
    public string Key { get; set; } = "";
    public string English { get; set; } = "";
    public string Dutch { get; set; } = "";
    public bool Reviewed { get; set; }
    public string? MergedInto { get; set; }
    public string? AddedById { get; set; }
    public string? AddedByName { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
