using Azure;

namespace CxBot.Storage.Surveys;

/// <summary>
/// One survey response. The same columns are stored twice under different keys:
/// <c>ResponsesByContact</c> (PartitionKey = escaped contact id, RowKey = escaped survey id), the record that
/// claims "one response per survey" and serves reads by contact; and <c>Responses</c> (PartitionKey = answered
/// UTC month <c>yyyyMM</c>, RowKey = answered UTC ticks <c>D19</c> + <c>|</c> + escaped survey id), the copy
/// that serves period scans oldest first.
/// </summary>
internal sealed class ResponseEntity : TableRow
{
    public string SurveyId { get; set; } = "";
    public string ContactId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string AgentId { get; set; } = "";
    public string AgentName { get; set; } = "";
    public string? AgentObjectId { get; set; }
    public string Queue { get; set; } = "";
    public string Channel { get; set; } = "";
    public string CustomerKey { get; set; } = "";
    public string Locale { get; set; } = "";
    /// <summary>The owning tenant; null in older rows.</summary>
    public string? TenantId { get; set; }

    public int? Csat { get; set; }
    /// <summary>An <see cref="Domain.Surveys.ExpectationAnswer"/> name.</summary>
    public string? Expectation { get; set; }
    /// <summary>A <see cref="Domain.Surveys.ResolutionAnswer"/> name.</summary>
    public string? Resolution { get; set; }
    public int? Nps { get; set; }
    /// <summary>Customer Effort Score 1-5, when asked.</summary>
    public int? Ces { get; set; }
    public string? Driver { get; set; }
    public string? Comment { get; set; }
    public bool? ContactConsent { get; set; }
    /// <summary>Every submitted input as received: a JSON object of input id to raw string.</summary>
    public string RawAnswers { get; set; } = "{}";

    public DateTimeOffset ContactEndedAt { get; set; }
    /// <summary>The offset <see cref="ContactEndedAt"/> was given in (it comes back in UTC); null in older rows, read as UTC.</summary>
    public int? ContactEndedOffsetMinutes { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    public string? FollowUpId { get; set; }

    /// <summary>The same row under other keys (the response is written to two tables).</summary>
    public ResponseEntity WithKeys(string partitionKey, string rowKey)
    {
        var copy = (ResponseEntity)MemberwiseClone();
        copy.PartitionKey = partitionKey;
        copy.RowKey = rowKey;
        copy.ETag = default;
        copy.Timestamp = null;
        return copy;
    }
}
