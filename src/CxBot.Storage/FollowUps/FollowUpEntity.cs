namespace CxBot.Storage.FollowUps;

/// <summary>Row of <c>FollowUps</c>: PartitionKey = escaped follow-up id, RowKey = <see cref="Row"/>.</summary>
internal sealed class FollowUpEntity : TableRow
{
    public const string Row = "followup";

    public FollowUpEntity() => RowKey = Row;

    public string FollowUpId { get; set; } = "";
    /// <summary>A <see cref="Domain.FollowUps.FollowUpSourceKind"/> name; rows from before sources read as survey responses.</summary>
    public string? SourceKind { get; set; }
    public string? SourceId { get; set; }
    /// <summary>The source survey's id (kept for rows and readers from before sources).</summary>
    public string? SurveyId { get; set; }
    public string ContactId { get; set; } = "";
    public string? CustomerName { get; set; }
    public string AgentId { get; set; } = "";
    public string AgentName { get; set; } = "";
    public string? AgentObjectId { get; set; }
    public string Queue { get; set; } = "";
    /// <summary>The owning tenant; null in older rows.</summary>
    public string? TenantId { get; set; }
    /// <summary><see cref="Domain.FollowUps.FollowUpReasons"/> flag names, e.g. <c>LowCsat, NotResolved</c>.</summary>
    public string Reasons { get; set; } = "";
    public bool CallBack { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int? Csat { get; set; }
    /// <summary>A survey response's reporting day (<c>yyyyMMdd</c>): with the survey id, where its comment is stored.</summary>
    public string? SourceDay { get; set; }

    /// <summary>A <see cref="Domain.FollowUps.FollowUpStatus"/> name; the overdue scan filters on it.</summary>
    public string Status { get; set; } = "";
    public string? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? ResolvedById { get; set; }
    public string? ResolvedByName { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolutionNote { get; set; }
    public bool? ResolutionCustomerReached { get; set; }
    /// <summary>A <see cref="Domain.FollowUps.RecoveryOutcome"/> name.</summary>
    public string? ResolutionRecovered { get; set; }
    public string? ResolutionDriver { get; set; }
    public string? ResolutionTopic { get; set; }
    public DateTimeOffset? OverdueAnnouncedAt { get; set; }
    public string? CardChannelId { get; set; }
    public string? CardServiceUrl { get; set; }
    public string? CardConversationId { get; set; }
    public string? CardActivityId { get; set; }
    public string? CardTenantId { get; set; }
}
