using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using CxBot.Domain;
using CxBot.Domain.Learnings;
using CxBot.Domain.People;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Learnings;

/// <summary>
/// One partition per learning: the learning row (with its counts) and one answer row per agent. An answer and the counts
/// it changes are one transaction conditioned on both rows' ETags, so the counts are exact whatever the number of
/// instances: a lost race (409, 412) reads again and re-applies. Every change then rewrites the <c>~set</c> version row,
/// whose ETag the instances' search indexes follow with a point read.
/// </summary>
internal sealed class TableLearnings(StorageClients clients, StorageNames names) : ILearningStore
{
    private const string LearningRow = "learning";
    private const string AnswerPrefix = "answer|";
    private const string VersionPartition = "~set";
    private const string VersionRow = "version";
    private const int MaxAttempts = 20;

    private readonly TableClient _table = clients.Tables.GetTableClient(names.Learnings);

    public async Task<(Learning Stored, bool Added)> AddOrGetAsync(Learning learning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learning);
        var etag = await _table.TryAddAsync(ToEntity(learning), cancellationToken).ConfigureAwait(false);
        if (etag is null)
        {
            var stored = await GetAsync(learning.LearningId, cancellationToken).ConfigureAwait(false)
                ?? throw new DomainConflictException(ConflictReason.Concurrency, $"Learning {learning.LearningId} was removed while it was added.");
            return (stored, false);
        }

        await BumpVersionAsync(cancellationToken).ConfigureAwait(false);
        return (learning with { ETag = etag }, true);
    }

    public async Task<Learning?> GetAsync(string learningId, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync<LearningEntity>(Partition(learningId), LearningRow, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToLearning(entity);
    }

    public async IAsyncEnumerable<Learning> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {LearningRow}");
        await foreach (var entity in _table.QueryAsync<LearningEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return ToLearning(entity);
        }
    }

    public async Task<Learning?> AnswerAsync(string learningId, string voterId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voterId);
        var partition = Partition(learningId);
        var answerRow = AnswerPrefix + TableKeys.Escape(voterId.Trim().ToLowerInvariant());
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await _table.FindAsync<LearningEntity>(partition, LearningRow, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            var answer = await _table.FindAsync<LearningAnswerEntity>(partition, answerRow, cancellationToken).ConfigureAwait(false);
            var before = ToLearning(row);
            var counts = before.Counts.After(answer?.Helpful, helpful);
            if (answer?.Helpful == helpful)
            {
                return before;
            }

            row.Helped = counts.Helped;
            row.NotHelped = counts.NotHelped;
            var newAnswer = new LearningAnswerEntity { PartitionKey = partition, RowKey = answerRow, VoterId = voterId, Helpful = helpful, At = at };
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.UpdateReplace, row, row.ETag),
                answer is null
                    ? new(TableTransactionActionType.Add, newAnswer)
                    : new(TableTransactionActionType.UpdateReplace, newAnswer, answer.ETag),
            ];
            try
            {
                await _table.SubmitCheckedAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25)), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await BumpVersionAsync(cancellationToken).ConfigureAwait(false);
            return await GetAsync(learningId, cancellationToken).ConfigureAwait(false);
        }

        throw new DomainConflictException(ConflictReason.Concurrency, $"Learning {learningId} kept changing; gave up after {MaxAttempts} attempts.");
    }

    public async Task<string?> VersionAsync(CancellationToken cancellationToken)
    {
        var row = await _table.FindAsync<LearningVersionEntity>(VersionPartition, VersionRow, cancellationToken).ConfigureAwait(false);
        return row?.ETag.ToString();
    }

    // Any write gives the row a new ETag, which is all a reader compares: a blind upsert cannot lose anything.
    private async Task BumpVersionAsync(CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new LearningVersionEntity { PartitionKey = VersionPartition, RowKey = VersionRow, Stamp = Guid.NewGuid().ToString("N") },
            TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    private static string Partition(string learningId) => TableKeys.Escape(learningId);

    private static LearningEntity ToEntity(Learning l) => new()
    {
        PartitionKey = Partition(l.LearningId),
        RowKey = LearningRow,
        LearningId = l.LearningId,
        TenantId = l.TenantId,
        Problem = l.Problem,
        Answer = l.Answer,
        Driver = l.Driver,
        TopicKey = l.TopicKey,
        SourceKind = l.Source.Kind.ToString(),
        SourceId = l.Source.Id,
        Language = l.Language,
        PublishedByName = l.PublishedBy.DisplayName,
        PublishedById = l.PublishedBy.ObjectId,
        PublishedAt = l.PublishedAt,
        Version = l.Version,
        Helped = l.Counts.Helped,
        NotHelped = l.Counts.NotHelped,
    };

    private static Learning ToLearning(LearningEntity e) => new()
    {
        LearningId = e.LearningId,
        TenantId = e.TenantId,
        Problem = e.Problem,
        Answer = e.Answer,
        Driver = e.Driver,
        TopicKey = e.TopicKey,
        Source = new LearningSource(Enum.Parse<LearningSourceKind>(e.SourceKind), e.SourceId),
        Language = e.Language,
        PublishedBy = new PersonRef(e.PublishedByName) { ObjectId = e.PublishedById },
        PublishedAt = e.PublishedAt,
        Version = e.Version,
        Counts = new LearningCounts(e.Helped, e.NotHelped),
        ETag = e.ETag.ToString(),
    };
}
