namespace CxBot.Storage.Insights.Funnel;

/// <summary>
/// Row of <c>SurveyFunnel</c>: PartitionKey = the contact's reporting day <c>yyyyMMdd</c>; RowKey <c>s|{survey id}</c> for a
/// survey's funnel state (Status, Attempts, FailureReason, SkipReason, Delivered, Reminded) or <c>k|{contact id}</c> for a
/// skipped contact (ContactId, SkipReason, At). Both carry the scope columns and the contact's end.
/// </summary>
internal sealed class FunnelEntity : TableRow
{
    public const string SurveyPrefix = "s";
    public const string SkipPrefix = "k";

    public string? SurveyId { get; set; }
    public string? ContactId { get; set; }
    public string Queue { get; set; } = "";
    public string AgentId { get; set; } = "";
    public string Channel { get; set; } = "";
    public string? TenantId { get; set; }
    public DateTimeOffset ContactEndedAt { get; set; }
    /// <summary>A <see cref="Domain.Surveys.SurveyStatus"/> name (survey rows).</summary>
    public string? Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>A <see cref="Domain.Surveys.SurveyFailureReason"/> name.</summary>
    public string? FailureReason { get; set; }
    /// <summary>A <see cref="Domain.Surveys.SkipReason"/> name: a skipped survey's or a skipped contact's.</summary>
    public string? SkipReason { get; set; }
    public bool Delivered { get; set; }
    public bool Reminded { get; set; }
    /// <summary>When a contact's skip was decided (skip rows).</summary>
    public DateTimeOffset? At { get; set; }

    public bool IsSurvey => RowKey.StartsWith(SurveyPrefix + "|", StringComparison.Ordinal);

    public bool IsSkip => RowKey.StartsWith(SkipPrefix + "|", StringComparison.Ordinal);
}
