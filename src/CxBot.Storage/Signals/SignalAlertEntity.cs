namespace CxBot.Storage.Signals;

/// <summary>
/// Row of <c>SignalAlerts</c>. PartitionKey = lower-case tenant id (<c>-</c> for none) with RowKey <c>recurring|</c> topic key
/// (a recurring-problem state) or <c>day|</c> purpose <c>|</c> yyyy-MM-dd (a dated claim); PartitionKey <see cref="TenantsPartition"/>
/// holds one row per tenant that has signals.
/// </summary>
internal sealed class SignalAlertEntity : TableRow
{
    public const string TenantsPartition = "tenants";
    public const string RecurringPrefix = "recurring|";
    public const string DayPrefix = "day|";

    public string? TenantId { get; set; }
    public string? TopicKey { get; set; }
    public int Round { get; set; }
    public DateTimeOffset? AnnouncedAt { get; set; }
    public DateTimeOffset? FalseSince { get; set; }
}
