using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Azure.Data.Tables;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;
using CxBot.Domain.People;

namespace CxBot.Storage.Surveys;

/// <summary>
/// Responses in two tables (see <see cref="ResponseEntity"/>). Table Storage has no transaction across tables
/// or partitions, so a response is written in a fixed order:
/// <list type="number">
/// <item>insert into <c>ResponsesByContact</c>: the claim; a second response for the survey fails here (409) and changes nothing;</item>
/// <item>upsert the copy into <c>Responses</c>, keyed by the claimed row's own answered time, so it is idempotent.</item>
/// </list>
/// A crash between the two leaves a response that is readable by contact but missing from period scans.
/// Any later <see cref="TryAddAsync"/> for the same survey (the customer's retried submit, a retried handler)
/// meets the claim, rewrites the period copy from the claimed row (not from its own, possibly later, answer) and
/// returns false. The reverse order could count a response twice in a period when two submits race.
/// </summary>
internal sealed class TableSurveyResponses(StorageClients clients, StorageNames names) : ISurveyResponses
{
    // A string column holds at most 64 KiB of UTF-16. A Teams card submit is far smaller (about 28 KB for a
    // whole message), so a larger raw answer set is refused rather than cut: raw answers are kept losslessly.
    private const int MaxRawAnswersLength = 32 * 1024;

    // Readable non-Latin text in the stored JSON; escaping is still lossless either way.
    private static readonly JsonSerializerOptions RawJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly TableClient _byContact = clients.Tables.GetTableClient(names.ResponsesByContact);
    private readonly TableClient _byPeriod = clients.Tables.GetTableClient(names.Responses);

    public async Task<bool> TryAddAsync(SurveyResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var claim = ToEntity(response);
        claim.PartitionKey = TableKeys.Escape(response.ContactId);
        claim.RowKey = TableKeys.Escape(response.SurveyId);
        var added = await _byContact.TryAddAsync(claim, cancellationToken).ConfigureAwait(false) is not null;
        if (!added)
        {
            claim = await _byContact.FindAsync<ResponseEntity>(claim.PartitionKey, claim.RowKey, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The response to survey {response.SurveyId} exists but cannot be read.");
        }

        await _byPeriod.UpsertEntityAsync(PeriodCopy(claim), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async Task<SurveyResponse?> GetByContactAsync(string contactId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(contactId)}");
        await foreach (var entity in _byContact.QueryAsync<ResponseEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return ToResponse(entity);
        }

        return null;
    }

    public async IAsyncEnumerable<SurveyResponse> ListAnsweredAsync(DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (from >= to)
        {
            yield break;
        }

        // One range scan over the months touched; the row keys (fixed-width ticks) cut the exact instants.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {TableKeys.Month(from)} and PartitionKey le {TableKeys.Month(to)} and RowKey ge {TableKeys.Ticks(from)} and RowKey lt {TableKeys.Ticks(to)}");
        await foreach (var entity in _byPeriod.QueryAsync<ResponseEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return ToResponse(entity);
        }
    }

    private static ResponseEntity PeriodCopy(ResponseEntity claim) =>
        claim.WithKeys(TableKeys.Month(claim.AnsweredAt), TableKeys.Ticks(claim.AnsweredAt) + "|" + TableKeys.Escape(claim.SurveyId));

    private static ResponseEntity ToEntity(SurveyResponse r)
    {
        var raw = JsonSerializer.Serialize(r.Answers.Raw, RawJson);
        if (raw.Length > MaxRawAnswersLength)
        {
            throw new ArgumentException(
                $"The raw answers of survey {r.SurveyId} take {raw.Length} characters as JSON; at most {MaxRawAnswersLength} can be stored.", nameof(r));
        }

        return new ResponseEntity
        {
            SurveyId = r.SurveyId,
            ContactId = r.ContactId,
            DefinitionId = r.DefinitionId,
            DefinitionVersion = r.DefinitionVersion,
            AgentId = r.Agent.AgentId!,
            AgentName = r.Agent.DisplayName,
            AgentObjectId = r.Agent.ObjectId,
            Queue = r.Queue,
            Channel = r.Channel,
            CustomerKey = r.CustomerKey,
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
        };
    }

    private static SurveyResponse ToResponse(ResponseEntity e) => new()
    {
        SurveyId = e.SurveyId,
        ContactId = e.ContactId,
        DefinitionId = e.DefinitionId,
        DefinitionVersion = e.DefinitionVersion,
        Agent = PersonRef.Agent(e.AgentId, e.AgentName, e.AgentObjectId),
        Queue = e.Queue,
        Channel = e.Channel,
        CustomerKey = e.CustomerKey,
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
            Raw = JsonSerializer.Deserialize<Dictionary<string, string>>(e.RawAnswers, RawJson) ?? [],
        },
        ContactEndedAt = e.ContactEndedOffsetMinutes is { } minutes ? e.ContactEndedAt.ToOffset(TimeSpan.FromMinutes(minutes)) : e.ContactEndedAt,
        SentAt = e.SentAt,
        AnsweredAt = e.AnsweredAt,
        FollowUpId = e.FollowUpId,
    };
}
