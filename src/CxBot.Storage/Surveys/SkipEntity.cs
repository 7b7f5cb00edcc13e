namespace CxBot.Storage.Surveys;

/// <summary>Row of <c>SurveySkips</c>: PartitionKey = decided UTC day <c>yyyyMMdd</c>, RowKey = escaped contact id.</summary>
internal sealed class SkipEntity : TableRow
{
    public string ContactId { get; set; } = "";
    public string Queue { get; set; } = "";
    public string AgentId { get; set; } = "";
    /// <summary>A <see cref="Domain.Surveys.SkipReason"/> name.</summary>
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
