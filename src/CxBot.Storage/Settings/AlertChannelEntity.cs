namespace CxBot.Storage.Settings;

/// <summary>Row of <c>AlertChannels</c>: PartitionKey = <c>tenant|</c> + escaped lower-case tenant id, or
/// <see cref="LatestPartition"/> for the most recently set channel; RowKey = <see cref="Row"/>.</summary>
internal sealed class AlertChannelEntity : TableRow
{
    public const string Row = "channel";
    public const string LatestPartition = "latest";

    public AlertChannelEntity() => RowKey = Row;

    public string TenantId { get; set; } = "";
    public string? TeamId { get; set; }
    public string ChannelConversationId { get; set; } = "";
    public string Reference { get; set; } = "";
    public string SetBy { get; set; } = "";
    public DateTimeOffset SetAt { get; set; }
}
