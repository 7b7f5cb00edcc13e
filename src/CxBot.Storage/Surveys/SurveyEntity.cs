namespace CxBot.Storage.Surveys;

/// <summary>Row of <c>Surveys</c>: PartitionKey = escaped survey id, RowKey = <see cref="Row"/>.</summary>
internal sealed class SurveyEntity : TableRow
{
    public const string Row = "survey";

    public SurveyEntity() => RowKey = Row;

    public string SurveyId { get; set; } = "";
    public string ContactId { get; set; } = "";
    public string? CustomerTenantId { get; set; }
    public string? CustomerAadObjectId { get; set; }
    public string? CustomerChannelId { get; set; }
    public string? CustomerUserId { get; set; }
    public string AgentId { get; set; } = "";
    public string AgentName { get; set; } = "";
    public string Queue { get; set; } = "";
    public string Channel { get; set; } = "";
    public DateTimeOffset ContactEndedAt { get; set; }
    /// <summary>The offset <see cref="ContactEndedAt"/> was given in (it comes back in UTC); null in older rows, read as UTC.</summary>
    public int? ContactEndedOffsetMinutes { get; set; }
    public string? Locale { get; set; }
    /// <summary>The owning tenant; null in older rows.</summary>
    public string? TenantId { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    /// <summary>The questions asked, comma-separated <see cref="Domain.Surveys.SurveyQuestion"/> names; null in older rows.</summary>
    public string? Questions { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }

    /// <summary>A <see cref="Domain.Surveys.SurveyStatus"/> name.</summary>
    public string Status { get; set; } = "";
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? SentChannelId { get; set; }
    public string? SentConversationId { get; set; }
    public string? CardActivityId { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>A <see cref="Domain.Surveys.SurveyFailureReason"/> name.</summary>
    public string? FailureReason { get; set; }
    /// <summary>A <see cref="Domain.Surveys.SkipReason"/> name.</summary>
    public string? SkipReason { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }
}
