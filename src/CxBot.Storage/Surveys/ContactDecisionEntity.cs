namespace CxBot.Storage.Surveys;

/// <summary>Row of <c>ContactDecisions</c>: PartitionKey = escaped contact id, RowKey = <see cref="Row"/>.</summary>
internal sealed class ContactDecisionEntity : TableRow
{
    public const string Row = "decision";

    public ContactDecisionEntity() => RowKey = Row;

    public string ContactId { get; set; } = "";
    public string? SurveyId { get; set; }
    /// <summary>A <see cref="Domain.Surveys.SkipReason"/> name.</summary>
    public string? Reason { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}
