using CxBot.Domain.FollowUps;

namespace CxBot.Storage.FollowUps;

/// <summary>
/// Row of <c>OpenFollowUps</c>, one per unresolved follow-up: PartitionKey = <c>d|</c> + UTC due day (<c>yyyyMMdd</c>),
/// RowKey = due time in UTC ticks (19 digits) <c>|</c> escaped follow-up id, so "due before t" is a key range. A
/// follow-up's deadline never changes, so its row's keys follow from the follow-up alone.
/// </summary>
internal sealed class OpenFollowUpEntity : TableRow
{
    public const string PartitionPrefix = "d|";

    /// <summary>The row that says the follow-ups stored before the index have been added to it (outside the <c>d|</c> partitions).</summary>
    public const string MarkerPartition = "~marker";

    /// <summary>RowKey of the backfill marker.</summary>
    public const string BackfilledRow = "backfilled";

    public string FollowUpId { get; set; } = "";
    public string? TenantId { get; set; }
    public string Queue { get; set; } = "";
    public string AgentId { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    /// <summary>When the row was written: a row whose follow-up is missing is removed only once it is older than an add takes.</summary>
    public DateTimeOffset ListedAt { get; set; }

    public static string PartitionOf(DateTimeOffset dueAt) => PartitionPrefix + TableKeys.Day(dueAt);

    public static string RowOf(DateTimeOffset dueAt, string followUpId) => TableKeys.Join(TableKeys.Ticks(dueAt), followUpId);

    public static OpenFollowUpEntity Of(FollowUp f, DateTimeOffset listedAt) => new()
    {
        PartitionKey = PartitionOf(f.DueAt),
        RowKey = RowOf(f.DueAt, f.FollowUpId),
        FollowUpId = f.FollowUpId,
        TenantId = f.TenantId,
        Queue = f.Queue,
        AgentId = f.Agent.AgentId ?? "",
        DueAt = f.DueAt,
        ListedAt = listedAt,
    };

    public OpenFollowUp ToEntry() => new(FollowUpId, TenantId, Queue, AgentId, DueAt);
}
