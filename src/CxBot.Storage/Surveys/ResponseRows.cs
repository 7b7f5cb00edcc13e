using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;

namespace CxBot.Storage.Surveys;

/// <summary>The keys and the mapping of <c>SurveyResponses</c> rows, shared by the writer, the queries and the counting.</summary>
internal static class ResponseRows
{
    // A string column holds at most 64 KiB of UTF-16. A Teams card submit is far smaller (about 28 KB for a
    // whole message), so a larger raw answer set is refused rather than cut: raw answers are kept losslessly.
    private const int MaxRawAnswersLength = 32 * 1024;

    // Readable non-Latin text in the stored JSON; escaping is still lossless either way.
    private static readonly JsonSerializerOptions RawJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>RowKey prefix of response rows.</summary>
    public const string ResponsePrefix = "r";

    /// <summary>RowKey prefix of low-score pointer rows.</summary>
    public const string LowPrefix = "low";

    /// <summary>
    /// RowKey of the day's "changed" mark, written in the same transaction as a response of a recent day
    /// (<see cref="ResponseMarkWindow"/>); outside the <c>r|</c> and <c>low|</c> ranges, so no read of those sees it.
    /// </summary>
    public const string MarkRow = "m|changed";

    /// <summary>The columns counting needs (no raw answers, which can be 32 K characters a row).</summary>
    public static IReadOnlyList<string> CountingColumns { get; } =
    [
        nameof(ResponseEntity.SurveyId), nameof(ResponseEntity.AgentId), nameof(ResponseEntity.Queue), nameof(ResponseEntity.Channel),
        nameof(ResponseEntity.Csat), nameof(ResponseEntity.Expectation), nameof(ResponseEntity.Resolution), nameof(ResponseEntity.Nps),
        nameof(ResponseEntity.Ces), nameof(ResponseEntity.Driver), nameof(ResponseEntity.Comment), nameof(ResponseEntity.ContactConsent),
        nameof(ResponseEntity.AnsweredAfterReminder), nameof(ResponseEntity.AnsweredAt),
    ];

    public static string Partition(DateOnly day) => ReportingCalendar.Key(day);

    public static string ResponseRow(string surveyId) => TableKeys.Join(ResponsePrefix, surveyId);

    public static string LowRow(DateTimeOffset answeredAt, string surveyId) => TableKeys.Join(LowPrefix, TableKeys.InvertedTicks(answeredAt), surveyId);

    /// <summary>Every row of <paramref name="prefix"/> in the day: RowKey in [<c>prefix|</c>, <c>prefix}</c>) ('}' follows '|').</summary>
    public static string DayRows(DateOnly day, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Partition(day)} and RowKey ge {prefix + "|"} and RowKey lt {prefix + "}"}");

    /// <summary>True when the answer gets a low-score pointer: CSAT 1-2 with a comment.</summary>
    public static bool IsLowWithComment(SurveyAnswers answers) =>
        answers.Csat is <= 2 && !string.IsNullOrWhiteSpace(answers.Comment);

    public static ResponseEntity ToEntity(DateOnly day, SurveyResponse r)
    {
        // The comment is stored once, cleaned, in Comment: the raw inputs keep every other field as received.
        var raw = JsonSerializer.Serialize(r.Answers.Raw.Where(a => a.Key != SurveyInputIds.Comment).ToDictionary(), RawJson);
        if (raw.Length > MaxRawAnswersLength)
        {
            throw new ArgumentException(
                $"The raw answers of survey {r.SurveyId} take {raw.Length} characters as JSON; at most {MaxRawAnswersLength} can be stored.", nameof(r));
        }

        return new ResponseEntity
        {
            PartitionKey = Partition(day),
            RowKey = ResponseRow(r.SurveyId),
            SurveyId = r.SurveyId,
            ContactId = r.ContactId,
            DefinitionId = r.DefinitionId,
            DefinitionVersion = r.DefinitionVersion,
            AgentId = r.Agent.AgentId!,
            AgentName = r.Agent.DisplayName,
            AgentObjectId = r.Agent.ObjectId,
            Queue = r.Queue,
            Channel = r.Channel,
            CustomerId = r.CustomerId,
            Locale = r.Locale,
            TenantId = r.TenantId,
            Csat = r.Answers.Csat,
            Expectation = r.Answers.Expectation?.ToString(),
            Resolution = r.Answers.Resolution?.ToString(),
            Nps = r.Answers.Nps,
            Ces = r.Answers.Ces,
            Driver = r.Answers.Driver,
            Comment = r.Answers.Comment,
            ContactConsent = r.Answers.ContactConsent,
            RawAnswers = raw,
            ContactEndedAt = r.ContactEndedAt,
            ContactEndedOffsetMinutes = (int)r.ContactEndedAt.Offset.TotalMinutes,
            SentAt = r.SentAt,
            AnsweredAt = r.AnsweredAt,
            FollowUpId = r.FollowUpId,
            AnsweredAfterReminder = r.AnsweredAfterReminder,
            ActivityId = r.ActivityId,
        };
    }

    /// <summary>The day's "changed" mark row (no columns: its ETag is its version).</summary>
    public static TableEntity ToMark(DateOnly day) => new(Partition(day), MarkRow);

    public static LowScoreEntity ToLowScore(DateOnly day, SurveyResponse r) => new()
    {
        PartitionKey = Partition(day),
        RowKey = LowRow(r.AnsweredAt, r.SurveyId),
        SurveyId = r.SurveyId,
        AgentId = r.Agent.AgentId ?? "",
        Queue = r.Queue,
        Channel = r.Channel,
        Csat = r.Answers.Csat ?? 0,
        AnsweredAt = r.AnsweredAt,
    };

    public static SurveyResponse ToResponse(ResponseEntity e) => new()
    {
        SurveyId = e.SurveyId,
        ContactId = e.ContactId,
        DefinitionId = e.DefinitionId,
        DefinitionVersion = e.DefinitionVersion,
        Agent = PersonRef.Agent(e.AgentId, e.AgentName, e.AgentObjectId),
        Queue = e.Queue,
        Channel = e.Channel,
        CustomerId = e.CustomerId,
        Locale = e.Locale,
        TenantId = e.TenantId,
        Answers = new SurveyAnswers
        {
            Csat = e.Csat,
            Expectation = e.Expectation is null ? null : Enum.Parse<ExpectationAnswer>(e.Expectation),
            Resolution = e.Resolution is null ? null : Enum.Parse<ResolutionAnswer>(e.Resolution),
            Nps = e.Nps,
            Ces = e.Ces,
            Driver = e.Driver,
            Comment = e.Comment,
            ContactConsent = e.ContactConsent,
            Raw = string.IsNullOrEmpty(e.RawAnswers) ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(e.RawAnswers, RawJson) ?? [],
        },
        ContactEndedAt = e.ContactEndedOffsetMinutes is { } minutes ? e.ContactEndedAt.ToOffset(TimeSpan.FromMinutes(minutes)) : e.ContactEndedAt,
        SentAt = e.SentAt,
        AnsweredAt = e.AnsweredAt,
        FollowUpId = e.FollowUpId,
        AnsweredAfterReminder = e.AnsweredAfterReminder,
        ActivityId = e.ActivityId,
    };

    /// <summary>True when a response of this queue, agent and channel counts in <paramref name="scope"/>.</summary>
    public static bool IsIn(ReportScope scope, string? queue, string? agentId, string? channel) =>
        scope.Kind == ReportScopeKind.All || ReportScope.Of(queue, agentId, channel).Contains(scope);
}
