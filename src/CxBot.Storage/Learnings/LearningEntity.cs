namespace CxBot.Storage.Learnings;

/// <summary>Row of <c>Learnings</c>: PartitionKey = escaped learning id, RowKey = <c>learning</c>.</summary>
internal sealed class LearningEntity : TableRow
{
    public string LearningId { get; set; } = "";
    public string? TenantId { get; set; }
    public string Problem { get; set; } = "";
    public string Answer { get; set; } = "";
    public string Driver { get; set; } = "";
    public string TopicKey { get; set; } = "";
    public string SourceKind { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string Language { get; set; } = "";
    public string PublishedByName { get; set; } = "";
    public string? PublishedById { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public int Version { get; set; }
    public int Helped { get; set; }
    public int NotHelped { get; set; }
}

/// <summary>Row of <c>Learnings</c>: PartitionKey = escaped learning id, RowKey = <c>answer|</c> + escaped lower-case voter id.</summary>
internal sealed class LearningAnswerEntity : TableRow
{
    public string VoterId { get; set; } = "";
    public bool Helpful { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Row of <c>Learnings</c>: PartitionKey = <c>~set</c>, RowKey = <c>version</c>; its ETag is the set's version.</summary>
internal sealed class LearningVersionEntity : TableRow
{
    public string Stamp { get; set; } = "";
}
