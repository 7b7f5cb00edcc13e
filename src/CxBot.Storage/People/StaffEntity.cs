namespace CxBot.Storage.People;

/// <summary>Row of <c>Staff</c> holding one person's entry of one source: PartitionKey = the source (<c>api</c> or
/// <c>roster</c>), RowKey = escaped lower-case object id. Lists are stored one value a line (values never hold line breaks).</summary>
internal sealed class StaffEntity : TableRow
{
    public string ObjectId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Roles { get; set; } = "";
    public string AgentIds { get; set; } = "";
    public string? Team { get; set; }
    public string Queues { get; set; } = "";
    public string? TenantId { get; set; }
}

/// <summary>Row of <c>Staff</c> in the agent-id index: PartitionKey = <see cref="Partition"/>, RowKey = escaped
/// lower-case platform agent id; points to the person whose API entry holds the agent id.</summary>
internal sealed class StaffAgentIndexEntity : TableRow
{
    public const string Partition = "agent";

    public StaffAgentIndexEntity() => PartitionKey = Partition;

    public string AgentId { get; set; } = "";
    public string ObjectId { get; set; } = "";
}
