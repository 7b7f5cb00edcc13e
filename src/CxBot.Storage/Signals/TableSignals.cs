using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Signals;

/// <summary>
/// One partition per signal in <c>Signals</c>, replaced with its ETag, so of two supervisors moving a signal at once the
/// second gets a conflict. Lists read <c>SignalIndex</c>: a tenant's open signals, its closed and withdrawn ones, and each
/// reporter's, each one partition with newest-first row keys; filters are built with <see cref="TableClient.CreateQueryFilter"/>.
/// The signal's row is written first and its list entries after it; a reader checks every entry against the signal's row
/// (a partition move or a reclassification interrupted half-way shows nothing wrong) and a later write or a repeated add
/// puts the entries right.
/// </summary>
internal sealed class TableSignals(StorageClients clients, StorageNames names, TimeProvider time) : ISignalStore
{
    // An entry that disagrees with its signal this long after it was written is left over from an interrupted move.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    private readonly TableClient _signals = clients.Tables.GetTableClient(names.Signals);
    private readonly TableClient _index = clients.Tables.GetTableClient(names.SignalIndex);

    public async Task<(Signal Signal, bool Added)> AddOrGetAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var etag = await _signals.TryAddAsync(ToEntity(signal), cancellationToken).ConfigureAwait(false);
        Signal stored;
        if (etag is not null)
        {
            signal.RecordStoredVersion(etag);
            stored = signal;
        }
        else
        {
            stored = await GetAsync(signal.SignalId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Signal {signal.SignalId} exists but cannot be read.");
        }

        // Upserts: a repeated add (or the double click that lost the insert) repairs entries an interrupted first add left out.
        await WriteEntriesAsync(stored, cancellationToken).ConfigureAwait(false);
        return (stored, etag is not null);
    }

    public async Task<Signal?> GetAsync(string signalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signalId);
        var entity = await _signals.FindAsync<SignalEntity>(TableKeys.Escape(signalId), SignalEntity.Row, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToSignal(entity);
    }

    public async Task SaveAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        signal.RecordStoredVersion(await _signals.ReplaceIfUnchangedAsync(ToEntity(signal), signal.ETag, cancellationToken).ConfigureAwait(false));
        await WriteEntriesAsync(signal, cancellationToken).ConfigureAwait(false);
    }

    public Task<SignalPage> ListByReporterAsync(string? tenantId, string reporterObjectId, int pageSize, string? continuationToken,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reporterObjectId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SignalLists.Reporter(tenantId, reporterObjectId)}");
        return ReadPageAsync(filter, pageSize, continuationToken,
            s => string.Equals(s.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(s.Reporter.ObjectId, reporterObjectId, StringComparison.OrdinalIgnoreCase),
            removeStale: false, cancellationToken);
    }

    public Task<SignalPage> ListAsync(SignalQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var statuses = query.EffectiveStatuses;
        var partitions = statuses.Select(s => SignalLists.ForStatus(query.TenantId, s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var clauses = new List<string>
        {
            Any(partitions.Select(p => TableClient.CreateQueryFilter($"PartitionKey eq {p}"))),
            Any(statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}"))),
        };
        if (query.To is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RowKey ge {SignalLists.FirstRowBefore(to)}"));
        }

        if (query.From is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RowKey lt {SignalLists.EndOfRowsFrom(from)}"));
        }

        if (query.Kind is { } kind)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Kind eq {kind.ToString()}"));
        }

        if (query.TopicKeys.Count > 0)
        {
            clauses.Add(Any(query.TopicKeys.Select(k => TableClient.CreateQueryFilter($"TopicKey eq {k}"))));
        }

        if (query.Driver is { } driver)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Driver eq {driver}"));
        }

        if (query.Queue is { } queue)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Queue eq {queue.Trim().ToLowerInvariant()}"));
        }

        if (query.Severity is { } severity)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Severity eq {severity.ToString()}"));
        }

        return ReadPageAsync(string.Join(" and ", clauses), pageSize, continuationToken, query.Matches, removeStale: true, cancellationToken);
    }

    private async Task<SignalPage> ReadPageAsync(string filter, int pageSize, string? continuationToken, Func<Signal, bool> matches,
        bool removeStale, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await foreach (var page in _index.QueryAsync<SignalIndexEntity>(filter, pageSize, cancellationToken: cancellationToken)
            .AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            var read = await Task.WhenAll(page.Values.Select(async entry =>
                (Entry: entry, Signal: await GetAsync(entry.SignalId, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
            var signals = new List<Signal>(read.Length);
            foreach (var (entry, signal) in read)
            {
                if (signal is not null && matches(signal) && IsEntryOf(entry, signal))
                {
                    signals.Add(signal);
                }
                else if (removeStale && signal is not null && IsLeftOver(entry, signal))
                {
                    await RemoveEntryAsync(entry, cancellationToken).ConfigureAwait(false);
                }
            }

            return new SignalPage(signals, page.ContinuationToken);
        }

        return new SignalPage([], null);
    }

    private static bool IsEntryOf(SignalIndexEntity entry, Signal signal) =>
        entry.RowKey == SignalLists.RowKey(signal.ReportedAt, signal.SignalId);

    // An entry in a status list the signal is no longer in, written well before now: nobody is moving it any more.
    private bool IsLeftOver(SignalIndexEntity entry, Signal signal) =>
        entry.PartitionKey != SignalLists.ForStatus(signal.TenantId, signal.Status)
        && entry.Timestamp is { } written && time.GetUtcNow() - written > StaleAfter;

    // Upserts the signal's entries; a closed or withdrawn signal's open entry is removed (a move only ever goes that way).
    private async Task WriteEntriesAsync(Signal signal, CancellationToken cancellationToken)
    {
        var rowKey = SignalLists.RowKey(signal.ReportedAt, signal.SignalId);
        var list = SignalLists.ForStatus(signal.TenantId, signal.Status);
        await _index.UpsertEntityAsync(ToEntry(signal, list, rowKey), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (signal.Reporter.ObjectId is { } reporter)
        {
            await _index.UpsertEntityAsync(ToEntry(signal, SignalLists.Reporter(signal.TenantId, reporter), rowKey), TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
        }

        if (!signal.IsOpen)
        {
            await RemoveEntryAsync(new SignalIndexEntity { PartitionKey = SignalLists.Open(signal.TenantId), RowKey = rowKey, ETag = ETag.All }, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task RemoveEntryAsync(SignalIndexEntity entry, CancellationToken cancellationToken)
    {
        try
        {
            await _index.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, entry.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    private static SignalIndexEntity ToEntry(Signal s, string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        SignalId = s.SignalId,
        ReportedAt = s.ReportedAt,
        Status = s.Status.ToString(),
        Kind = s.Kind.ToString(),
        TopicKey = s.TopicKey,
        Driver = s.Driver,
        Severity = s.Severity.ToString(),
        Queue = s.Contact?.Queue.Trim().ToLowerInvariant(),
        Version = s.Version,
    };

    private static string Any(IEnumerable<string> clauses) => "(" + string.Join(" or ", clauses) + ")";

    private static SignalEntity ToEntity(Signal s) => new()
    {
        PartitionKey = TableKeys.Escape(s.SignalId),
        SignalId = s.SignalId,
        TenantId = s.TenantId,
        ReporterName = s.Reporter.DisplayName,
        ReporterObjectId = s.Reporter.ObjectId,
        ReporterAgentId = s.Reporter.AgentId,
        ReportedAt = s.ReportedAt,
        ReportingDay = s.ReportingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Capture = s.Capture.ToString(),
        Kind = s.Kind.ToString(),
        Voice = s.Voice.ToString(),
        Driver = s.Driver,
        TopicKey = s.TopicKey,
        Severity = s.Severity.ToString(),
        Description = s.Description,
        ContactId = s.ContactId,
        CustomerReference = s.CustomerReference,
        Status = s.Status.ToString(),
        Gap = (int?)s.Gap,
        ContactAgentId = s.Contact?.Agent.AgentId,
        ContactAgentName = s.Contact?.Agent.DisplayName,
        ContactAgentObjectId = s.Contact?.Agent.ObjectId,
        ContactQueue = s.Contact?.Queue,
        ContactChannel = s.Contact?.Channel,
        ContactEndedAt = s.Contact?.EndedAt,
        TriagedById = s.TriagedBy?.ObjectId,
        TriagedByName = s.TriagedBy?.DisplayName,
        TriagedAt = s.TriagedAt,
        ActionById = s.ActionBy?.ObjectId,
        ActionByName = s.ActionBy?.DisplayName,
        ActionAt = s.ActionAt,
        ClosedById = s.ClosedBy?.ObjectId,
        ClosedByName = s.ClosedBy?.DisplayName,
        ClosedAt = s.ClosedAt,
        Outcome = s.Outcome,
        WithdrawnAt = s.WithdrawnAt,
        UpdatedAt = s.UpdatedAt,
        Version = s.Version,
    };

    private static Signal ToSignal(SignalEntity e)
    {
        var signal = new Signal
        {
            SignalId = e.SignalId,
            TenantId = e.TenantId,
            Reporter = new PersonRef(e.ReporterName) { ObjectId = e.ReporterObjectId, AgentId = e.ReporterAgentId },
            ReportedAt = e.ReportedAt,
            ReportingDay = DateOnly.ParseExact(e.ReportingDay, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Capture = Enum.Parse<SignalCapture>(e.Capture),
        };
        return signal.Restore(new SignalState
        {
            Details = new SignalDetails
            {
                Kind = Enum.Parse<SignalKind>(e.Kind),
                Voice = Enum.Parse<SignalVoice>(e.Voice),
                Driver = e.Driver,
                TopicKey = e.TopicKey,
                Severity = Enum.Parse<SignalSeverity>(e.Severity),
                Description = e.Description,
                ContactId = e.ContactId,
                CustomerReference = e.CustomerReference,
            },
            Status = Enum.Parse<SignalStatus>(e.Status),
            Gap = e.Gap is { } gap ? (ServiceGap)gap : null,
            Contact = e.ContactQueue is null || e.ContactChannel is null || e.ContactEndedAt is null
                ? null
                : new SignalContactLink(new PersonRef(e.ContactAgentName ?? e.ContactAgentId ?? "")
                    { AgentId = e.ContactAgentId, ObjectId = e.ContactAgentObjectId }, e.ContactQueue, e.ContactChannel, e.ContactEndedAt.Value),
            TriagedBy = Person(e.TriagedById, e.TriagedByName),
            TriagedAt = e.TriagedAt,
            ActionBy = Person(e.ActionById, e.ActionByName),
            ActionAt = e.ActionAt,
            ClosedBy = Person(e.ClosedById, e.ClosedByName),
            ClosedAt = e.ClosedAt,
            Outcome = e.Outcome,
            WithdrawnAt = e.WithdrawnAt,
            UpdatedAt = e.UpdatedAt,
            Version = e.Version,
            ETag = e.ETag.ToString(),
        });
    }

    private static PersonRef? Person(string? id, string? name) => id is null && name is null ? null : new PersonRef(name ?? id!) { ObjectId = id };
}
