namespace CxBot.Storage.Surveys;

/// <summary>
/// One survey response in <c>SurveyResponses</c>: PartitionKey = its contact's reporting day <c>yyyyMMdd</c>, RowKey =
/// <c>r|</c> + escaped survey id (<see cref="ResponseRows"/>). The only copy of the comment; the customer is held as a
/// pseudonymous id, never the customer's key.
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
    /// <summary>The customer's pseudonymous id (a keyed hash).</summary>
    public string CustomerId { get; set; } = "";
    public string Locale { get; set; } = "";
    /// <summary>The owning tenant; null when unknown.</summary>
    public string? TenantId { get; set; }

    public int? Csat { get; set; }
    /// <summary>An <see cref="Domain.Surveys.ExpectationAnswer"/> name.</summary>
    public string? Expectation { get; set; }
    /// <summary>A <see cref="Domain.Surveys.ResolutionAnswer"/> name.</summary>
    public string? Resolution { get; set; }
    public int? Nps { get; set; }
    public int? Ces { get; set; }
    public string? Driver { get; set; }
    public string? Comment { get; set; }
    public bool? ContactConsent { get; set; }
    /// <summary>Every submitted input as received: a JSON object of input id to raw string.</summary>
    public string RawAnswers { get; set; } = "{}";

    public DateTimeOffset ContactEndedAt { get; set; }
    /// <summary>The offset <see cref="ContactEndedAt"/> was given in (it comes back in UTC).</summary>
    public int? ContactEndedOffsetMinutes { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    public string? FollowUpId { get; set; }
    public bool AnsweredAfterReminder { get; set; }
    /// <summary>The submit activity that stored the response (its redelivery is answered again, not refused).</summary>
    public string? ActivityId { get; set; }
}

/// <summary>
/// A pointer to a low-score answer with a comment (CSAT 1-2), in the same partition as the response and written in the
/// same transaction: RowKey = <c>low|</c> + inverted answered ticks + <c>|</c> + escaped survey id, so a day's latest
/// low-score comments are one short prefix read, newest first. It holds the scope columns to filter by, not the comment.
/// </summary>
internal sealed class LowScoreEntity : TableRow
{
    public string SurveyId { get; set; } = "";
    public string AgentId { get; set; } = "";
    public string Queue { get; set; } = "";
    public string Channel { get; set; } = "";
    public int Csat { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
}
