using Azure.Data.Tables;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Surveys;

/// <summary>One row per contact id. The insert fails on an existing key, so of two racing posts of the same
/// contact exactly one decision is stored and both callers get that one back.</summary>
internal sealed class TableContactDecisions(StorageClients clients, StorageNames names) : IContactDecisions
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.ContactDecisions);

    public async Task<ContactDecision?> GetAsync(string contactId, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync<ContactDecisionEntity>(TableKeys.Escape(contactId), ContactDecisionEntity.Row, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToDecision(entity);
    }

    public async Task<ContactDecision> AddOrGetAsync(ContactDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (await _table.TryAddAsync(ToEntity(decision), cancellationToken).ConfigureAwait(false) is not null)
        {
            return decision;
        }

        return await GetAsync(decision.ContactId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The decision for contact {decision.ContactId} exists but cannot be read.");
    }

    private static ContactDecisionEntity ToEntity(ContactDecision d) => new()
    {
        PartitionKey = TableKeys.Escape(d.ContactId),
        ContactId = d.ContactId,
        SurveyId = d.SurveyId,
        Reason = d.Reason?.ToString(),
        DecidedAt = d.DecidedAt,
    };

    private static ContactDecision ToDecision(ContactDecisionEntity e) =>
        new(e.ContactId, e.SurveyId, e.Reason is null ? null : Enum.Parse<SkipReason>(e.Reason), e.DecidedAt);
}
