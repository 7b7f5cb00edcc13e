using Azure.Data.Tables;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Signals;

/// <summary>
/// A contact and the signals that name it share one partition, so each side's read of the other is a point read or a
/// single-partition query. Both sides write blindly (upserts of facts that do not change, inserts of links): there is
/// no read-modify-write to lose.
/// </summary>
internal sealed class TableSignalContacts(StorageClients clients, StorageNames names) : ISignalContacts
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.SignalContacts);

    public async Task RecordContactAsync(ContactFacts contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var entity = new SignalContactEntity
        {
            PartitionKey = TableKeys.Escape(contact.ContactId),
            RowKey = SignalContactEntity.ContactRow,
            ContactId = contact.ContactId,
            TenantId = contact.TenantId,
            AgentId = contact.Link.Agent.AgentId,
            AgentName = contact.Link.Agent.DisplayName,
            AgentObjectId = contact.Link.Agent.ObjectId,
            Queue = contact.Link.Queue,
            Channel = contact.Link.Channel,
            EndedAt = contact.Link.EndedAt,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ContactFacts?> FindContactAsync(string contactId, CancellationToken cancellationToken)
    {
        var e = await _table.FindAsync<SignalContactEntity>(TableKeys.Escape(contactId), SignalContactEntity.ContactRow, cancellationToken).ConfigureAwait(false);
        return e?.Queue is null || e.Channel is null || e.EndedAt is null
            ? null
            : new ContactFacts(e.ContactId, e.TenantId, new SignalContactLink(
                new PersonRef(e.AgentName ?? e.AgentId ?? "") { AgentId = e.AgentId, ObjectId = e.AgentObjectId }, e.Queue, e.Channel, e.EndedAt.Value));
    }

    public async Task AddWaitingSignalAsync(string contactId, string signalId, CancellationToken cancellationToken)
    {
        await _table.TryAddAsync(new SignalContactEntity
        {
            PartitionKey = TableKeys.Escape(contactId),
            RowKey = SignalContactEntity.SignalRowPrefix + TableKeys.Escape(signalId),
            ContactId = contactId,
            SignalId = signalId,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListWaitingSignalsAsync(string contactId, CancellationToken cancellationToken)
    {
        // "signal|" up to "signal}" ('}' follows '|'): the partition's signal rows only.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Escape(contactId)} and RowKey gt {SignalContactEntity.SignalRowPrefix} and RowKey lt {"signal}"}");
        var ids = new List<string>();
        await foreach (var entity in _table.QueryAsync<SignalContactEntity>(filter, select: [nameof(SignalContactEntity.SignalId)],
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.SignalId is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
