namespace CxBot.Storage.Settings;

/// <summary>Row of <c>GeneratedKeys</c>: PartitionKey = escaped key name, RowKey = <see cref="Row"/>.</summary>
internal sealed class GeneratedKeyEntity : TableRow
{
    public const string Row = "key";

    public GeneratedKeyEntity() => RowKey = Row;

    public string Name { get; set; } = "";
#pragma warning disable CA1819 // A DTO of a binary column: the table client maps byte[] to Edm.Binary.
    public byte[] Value { get; set; } = [];
#pragma warning restore CA1819
    public DateTimeOffset CreatedAt { get; set; }
}
