namespace CxBot.Storage.Customers;

/// <summary>Row of <c>CustomerPreferences</c>: PartitionKey = escaped customer key, RowKey = <see cref="Row"/>.</summary>
internal sealed class CustomerPreferencesEntity : TableRow
{
    public const string Row = "preferences";

    public CustomerPreferencesEntity() => RowKey = Row;

    public string CustomerKey { get; set; } = "";
    public bool OptedOut { get; set; }
    public DateTimeOffset? OptedOutAt { get; set; }
    /// <summary>When stop or start was last applied; an older command that arrives late is ignored.</summary>
    public DateTimeOffset? OptChangedAt { get; set; }
}
