using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Insights.Funnel;

/// <summary>
/// The <c>SurveyFunnel</c> table: per reporting day, each survey's funnel state and each skipped contact. Written by the
/// survey stores after their own write; read one day partition at a time.
/// </summary>
internal sealed class TableSurveyFunnel(StorageClients clients, StorageNames names)
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.SurveyFunnel);

    /// <summary>
    /// Writes the survey's funnel state unless the stored one has come further (<see cref="FunnelFact.Progress"/>): two
    /// writes of one survey that finish out of order leave the newer state. Insert when absent, else ETag replace, retried.
    /// </summary>
    public Task WriteAsync(FunnelFact fact, DateTimeOffset contactEndedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var entity = new FunnelEntity
        {
            PartitionKey = ReportingCalendar.Key(fact.Day),
            RowKey = TableKeys.Join(FunnelEntity.SurveyPrefix, fact.SurveyId),
            SurveyId = fact.SurveyId,
            Queue = fact.Queue,
            AgentId = fact.AgentId,
            Channel = fact.Channel,
            TenantId = fact.TenantId,
            ContactEndedAt = contactEndedAt,
            Status = fact.Status.ToString(),
            Attempts = fact.Attempts,
            FailureReason = fact.FailureReason?.ToString(),
            SkipReason = fact.SkipReason?.ToString(),
            Delivered = fact.Delivered,
            Reminded = fact.Reminded,
        };
        return _table.ChangeAsync<FunnelEntity>(entity.PartitionKey, entity.RowKey,
            stored => stored is null || fact.Progress >= ToFact(stored).Progress ? entity : null, cancellationToken);
    }

    /// <summary>Stores a skipped contact on its day; the first write for a contact wins (a retried post adds nothing).</summary>
    public async Task AddSkipAsync(SurveySkip skip, SkipFact fact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skip);
        ArgumentNullException.ThrowIfNull(fact);
        var entity = new FunnelEntity
        {
            PartitionKey = ReportingCalendar.Key(fact.Day),
            RowKey = TableKeys.Join(FunnelEntity.SkipPrefix, skip.ContactId),
            ContactId = skip.ContactId,
            Queue = skip.Queue,
            AgentId = skip.AgentId,
            Channel = skip.Channel,
            ContactEndedAt = skip.ContactEndedAt,
            SkipReason = skip.Reason.ToString(),
            At = skip.At,
        };
        await _table.TryAddAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every row of one day: one query on the day's partition, paged by the table's continuation tokens.</summary>
    public async IAsyncEnumerable<FunnelEntity> ReadDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReportingCalendar.Key(day)}");
        await foreach (var row in _table.QueryAsync<FunnelEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <summary>The funnel state of a survey row.</summary>
    public static FunnelFact ToFact(FunnelEntity e) => new(
        DayOf(e),
        e.SurveyId ?? "",
        e.Queue,
        e.AgentId,
        e.Channel,
        e.TenantId,
        Enum.Parse<SurveyStatus>(e.Status ?? nameof(SurveyStatus.Scheduled)),
        e.Attempts,
        e.FailureReason is null ? null : Enum.Parse<SurveyFailureReason>(e.FailureReason),
        e.SkipReason is null ? null : Enum.Parse<SkipReason>(e.SkipReason),
        e.Delivered,
        e.Reminded);

    /// <summary>The skipped contact of a skip row.</summary>
    public static SurveySkip ToSkip(FunnelEntity e) => new(
        e.ContactId ?? "", e.Queue, e.AgentId, e.Channel, Enum.Parse<SkipReason>(e.SkipReason ?? ""), e.ContactEndedAt, e.At ?? e.ContactEndedAt);

    /// <summary>The reporting fact of a skip row.</summary>
    public static SkipFact ToSkipFact(FunnelEntity e) =>
        new(DayOf(e), e.ContactId ?? "", e.Queue, e.AgentId, e.Channel, Enum.Parse<SkipReason>(e.SkipReason ?? ""));

    private static DateOnly DayOf(FunnelEntity e) => ReportingCalendar.TryParseKey(e.PartitionKey, out var day) ? day : default;

    /// <summary>The reporting days in [<paramref name="from"/>, <paramref name="to"/>] with at least one row, listed without reading rows.</summary>
    public IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        DayPartitions.ListAsync(_table, "", from, to, cancellationToken);
}
