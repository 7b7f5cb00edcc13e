using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Domain.Signals;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Insights.Signals;

/// <summary>
/// Follows every count-moving signal change into <c>SignalFacts</c>: marks the signal's day changed, then writes its
/// classification if the change's version is newer than the stored one (insert when absent, ETag replace otherwise,
/// re-read on a lost race). A change that arrives after a newer one changes nothing. Topic merges change nothing here:
/// rows keep the stored topic key and reports resolve merges when they read.
/// </summary>
internal sealed class TableSignalFacts(StorageClients clients, StorageNames names, IReportingChanges changes) : ISignalChangeObserver
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.SignalFacts);

    public async Task OnSignalChangedAsync(SignalChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var fact = SignalFact.Of(change);
        await changes.MarkChangedAsync(fact.Day, cancellationToken).ConfigureAwait(false);
        var entity = ToEntity(fact);
        await _table.ChangeAsync<SignalFactEntity>(entity.PartitionKey, entity.RowKey,
            stored => fact.Supersedes(stored is null ? null : ToFact(stored)) ? entity : null, cancellationToken).ConfigureAwait(false);
    }

    public Task OnTopicMergedAsync(TopicMerge merge, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every row of one day: one query on the day's partition, paged by the table's continuation tokens.</summary>
    public async IAsyncEnumerable<SignalFact> ReadDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReportingCalendar.Key(day)}");
        await foreach (var row in _table.QueryAsync<SignalFactEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return ToFact(row);
        }
    }

    private static SignalFactEntity ToEntity(SignalFact f) => new()
    {
        PartitionKey = ReportingCalendar.Key(f.Day),
        RowKey = TableKeys.Escape(f.SignalId),
        SignalId = f.SignalId,
        TenantId = f.TenantId,
        Version = f.Version,
        Status = f.Status.ToString(),
        Kind = f.Kind.ToString(),
        TopicKey = f.TopicKey,
        Driver = f.Driver,
        Gap = f.Gap?.ToString(),
        Queue = f.Queue,
        AgentId = f.AgentId,
        Channel = f.Channel,
    };

    private static SignalFact ToFact(SignalFactEntity e) => new(
        ReportingCalendar.TryParseKey(e.PartitionKey, out var day) ? day : default,
        e.SignalId,
        e.TenantId,
        e.Version,
        Enum.Parse<SignalStatus>(e.Status),
        Enum.Parse<SignalKind>(e.Kind),
        e.TopicKey,
        e.Driver,
        e.Gap is null ? null : Enum.Parse<ServiceGap>(e.Gap),
        e.Queue,
        e.AgentId,
        e.Channel);

    /// <summary>The reporting days in [<paramref name="from"/>, <paramref name="to"/>] with at least one row, listed without reading rows.</summary>
    public IAsyncEnumerable<DateOnly> DaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        DayPartitions.ListAsync(_table, "", from, to, cancellationToken);
}
