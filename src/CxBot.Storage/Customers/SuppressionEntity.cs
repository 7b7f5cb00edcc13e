namespace CxBot.Storage.Customers;

/// <summary>Row of <c>CustomerSuppression</c>: PartitionKey = escaped customer key, RowKey = <see cref="Row"/>.
/// The hold columns are empty when the window was released.</summary>
internal sealed class SuppressionEntity : TableRow
{
    public const string Row = "suppression";

    public SuppressionEntity() => RowKey = Row;

    public string CustomerKey { get; set; } = "";
    public string? SurveyId { get; set; }
    /// <summary><c>SuppressionHold</c> name.</summary>
    public string? Hold { get; set; }
    public DateTimeOffset? At { get; set; }
    public DateTimeOffset? ReservedUntil { get; set; }
}
