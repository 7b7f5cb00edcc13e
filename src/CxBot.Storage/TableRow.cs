using Azure;
using Azure.Data.Tables;

namespace CxBot.Storage;

/// <summary>The four system columns every table row has; each feature's entity adds its own columns.</summary>
internal abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
