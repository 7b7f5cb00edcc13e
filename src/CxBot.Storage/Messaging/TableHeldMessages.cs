using System.Text;
using Azure.Data.Tables;
using CxBot.Domain.Channels;
using CxBot.Domain.Messaging;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Messaging;

/// <summary>
/// PartitionKey = lower-case tenant | purpose, so the designation of a channel reads what waits for it in one
/// partition; RowKey = escaped message id, so holding a message twice keeps one row.
/// </summary>
internal sealed class TableHeldMessages(StorageClients clients, StorageNames names) : IHeldMessages
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.HeldMessages);

    public async Task HoldAsync(HeldMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var row = new HeldMessageEntity
        {
            PartitionKey = Partition(message.TenantId, message.Purpose),
            RowKey = TableKeys.Escape(message.MessageId),
            TenantId = message.TenantId,
            Purpose = message.Purpose.ToString(),
            MessageId = message.MessageId,
            Body = Encoding.UTF8.GetBytes(message.Body),
            HeldAt = message.HeldAt,
        };
        await _table.TryAddAsync(row, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HeldMessage>> ListAsync(string tenantId, ChannelPurpose purpose, CancellationToken cancellationToken)
    {
        var partition = Partition(tenantId, purpose);
        var held = new List<HeldMessage>();
        await foreach (var row in _table.QueryAsync<HeldMessageEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            held.Add(new HeldMessage(row.TenantId, Enum.Parse<ChannelPurpose>(row.Purpose), row.MessageId, Encoding.UTF8.GetString(row.Body), row.HeldAt));
        }

        return [.. held.OrderBy(h => h.HeldAt)];
    }

    public async Task RemoveAsync(HeldMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _table.DeleteEntityAsync(Partition(message.TenantId, message.Purpose), TableKeys.Escape(message.MessageId), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // Another designation's observer queued it first.
        }
    }

    private static string Partition(string tenantId, ChannelPurpose purpose) =>
        TableKeys.Join(tenantId.ToLowerInvariant(), purpose.ToString());
}

/// <summary>Row of <c>HeldMessages</c>.</summary>
internal sealed class HeldMessageEntity : TableRow
{
    public string TenantId { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string MessageId { get; set; } = "";
#pragma warning disable CA1819 // A DTO of a binary column: up to 64 KiB, where a string column holds 32K characters.
    public byte[] Body { get; set; } = [];
#pragma warning restore CA1819
    public DateTimeOffset HeldAt { get; set; }
}
