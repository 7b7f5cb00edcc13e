namespace CxBot.Storage.Channels;

/// <summary>Row of <c>ChannelDesignations</c>: PartitionKey = escaped lower-case tenant id, RowKey = purpose name
/// <c>|</c> escaped normalised queue, or <see cref="AllQueues"/>; plus one <see cref="MigratedRow"/> per tenant.</summary>
internal sealed class ChannelDesignationEntity : TableRow
{
    /// <summary>The queue part of a designation for every queue.</summary>
    public const string AllQueues = "*";

    /// <summary>Marks the tenant's one-time copy of its old alerts channel as done (sorts after every purpose).</summary>
    public const string MigratedRow = "~migrated";

    public string TenantId { get; set; } = "";
    /// <summary>A <see cref="Domain.Channels.ChannelPurpose"/> name; empty in the migration marker.</summary>
    public string Purpose { get; set; } = "";
    /// <summary>The queue as the supervisor typed it (trimmed); null for every queue.</summary>
    public string? Queue { get; set; }
    public string? TeamId { get; set; }
    public string? TeamName { get; set; }
    public string? ChannelName { get; set; }
    public string ChannelConversationId { get; set; } = "";
    public string Reference { get; set; } = "";
    public string SetByName { get; set; } = "";
    public string? SetByObjectId { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public DateTimeOffset? StaleSince { get; set; }
    public string? StaleReason { get; set; }
}
