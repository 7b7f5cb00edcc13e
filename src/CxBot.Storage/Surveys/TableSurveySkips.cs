using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Surveys;

/// <summary>Skips partitioned by the day they were decided; the first write for a contact wins, so a retried
/// post (which carries the stored decision's time) adds nothing.</summary>
internal sealed class TableSurveySkips(StorageClients clients, StorageNames names) : ISurveySkips
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.SurveySkips);

    public async Task AddAsync(SurveySkip skip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skip);
        var entity = new SkipEntity
        {
            PartitionKey = TableKeys.Day(skip.At),
            RowKey = TableKeys.Escape(skip.ContactId),
            ContactId = skip.ContactId,
            Queue = skip.Queue,
            AgentId = skip.AgentId,
            Reason = skip.Reason.ToString(),
            At = skip.At,
        };
        await _table.TryAddAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<SurveySkip> ListAsync(DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (from >= to)
        {
            yield break;
        }

        // The server filter is inclusive at both ends and the exact [from, to) check is done here:
        // Azurite compares datetimes in filters to the millisecond only.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {TableKeys.Day(from)} and PartitionKey le {TableKeys.Day(to)} and At ge {from} and At le {to}");
        await foreach (var e in _table.QueryAsync<SkipEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.At >= from && e.At < to)
            {
                yield return new SurveySkip(e.ContactId, e.Queue, e.AgentId, Enum.Parse<SkipReason>(e.Reason), e.At);
            }
        }
    }
}
