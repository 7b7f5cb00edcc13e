using Azure.Data.Tables;
using CxBot.Domain.Messaging;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Messaging;

/// <summary>
/// One row per message id. Only the lease-holding dispatcher writes here, one message at a time, so plain upserts
/// after a read are enough: there is no concurrent writer to lose an update to.
/// </summary>
internal sealed class TableOutboxLog(StorageClients clients, StorageNames names, TimeProvider time) : IOutboxLog
{
    private readonly TableClient _table = clients.Tables.GetTableClient(names.OutboxLog);

    public async Task<OutboxLogEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToEntry(row);
    }

    public async Task<int> MarkSendingAsync(string id, CancellationToken cancellationToken)
    {
        var row = await FindAsync(id, cancellationToken).ConfigureAwait(false) ?? New(id);
        row.Status = nameof(OutboxStatus.Sending);
        row.Attempts++;
        await SaveAsync(row, cancellationToken).ConfigureAwait(false);
        return row.Attempts;
    }

    public Task MarkPostingAsync(string id, PostedMessage target, CancellationToken cancellationToken) =>
        MarkPostedAsync(id, OutboxStatus.Posting, target, reason: null, cancellationToken);

    public async Task MarkNotPostedAsync(string id, CancellationToken cancellationToken)
    {
        var row = await FindAsync(id, cancellationToken).ConfigureAwait(false) ?? New(id);
        row.Status = nameof(OutboxStatus.Sending);
        await SaveAsync(row, cancellationToken).ConfigureAwait(false);
    }

    public Task MarkSentAsync(string id, PostedMessage posted, CancellationToken cancellationToken) =>
        MarkPostedAsync(id, OutboxStatus.Sent, posted, reason: null, cancellationToken);

    public Task MarkUnconfirmedAsync(string id, PostedMessage posted, string reason, CancellationToken cancellationToken) =>
        MarkPostedAsync(id, OutboxStatus.Unconfirmed, posted, reason, cancellationToken);

    public async Task MarkDroppedAsync(string id, string reason, CancellationToken cancellationToken)
    {
        var row = await FindAsync(id, cancellationToken).ConfigureAwait(false) ?? New(id);
        row.Status = nameof(OutboxStatus.Dropped);
        row.Reason = Shorten(reason);
        await SaveAsync(row, cancellationToken).ConfigureAwait(false);
    }

    private async Task MarkPostedAsync(string id, OutboxStatus status, PostedMessage posted, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var row = await FindAsync(id, cancellationToken).ConfigureAwait(false) ?? New(id);
        row.Status = status.ToString();
        row.ChannelId = posted.ChannelId;
        row.ServiceUrl = posted.ServiceUrl;
        row.ConversationId = posted.ConversationId;
        row.ActivityId = posted.ActivityId;
        row.TenantId = posted.TenantId;
        row.Reason = reason is null ? null : Shorten(reason);
        await SaveAsync(row, cancellationToken).ConfigureAwait(false);
    }

    private static string Shorten(string reason) => reason.Length <= 2000 ? reason : reason[..2000];

    private Task<OutboxLogEntity?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return _table.FindAsync<OutboxLogEntity>(TableKeys.Escape(id), OutboxLogEntity.Row, cancellationToken);
    }

    private static OutboxLogEntity New(string id) => new() { PartitionKey = TableKeys.Escape(id), Id = id };

    private async Task SaveAsync(OutboxLogEntity row, CancellationToken cancellationToken)
    {
        row.UpdatedAt = time.GetUtcNow();
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private static OutboxLogEntry ToEntry(OutboxLogEntity row) => new(
        row.Id,
        Enum.Parse<OutboxStatus>(row.Status),
        row.Attempts,
        row.ConversationId is null ? null : new PostedMessage(row.ChannelId ?? "", row.ServiceUrl ?? "", row.ConversationId, row.ActivityId, row.TenantId),
        row.Reason,
        row.UpdatedAt);
}

/// <summary>Row of <c>OutboxLog</c>: PartitionKey = escaped message id, RowKey = <see cref="Row"/>.</summary>
internal sealed class OutboxLogEntity : TableRow
{
    public const string Row = "log";

    public OutboxLogEntity() => RowKey = Row;

    public string Id { get; set; } = "";
    public string Status { get; set; } = "";
    public int Attempts { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ConversationId { get; set; }
    public string? ActivityId { get; set; }
    public string? TenantId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
