using System.Runtime.CompilerServices;
using System.Text;
using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Surveys;

/// <summary>
/// Reads of <c>SurveyResponses</c> for drill-down, the latest low-score comments and exports; one day partition at a
/// time, so a read costs the days it touches, never a scan of other days. Scope and answer filters are applied to the
/// rows read (a day's partition is read whole either way; its rows are all of that day's answers).
/// </summary>
internal sealed class TableResponseQueries(StorageClients clients, StorageNames names) : IResponseQueries
{
    // Days whose low-score pointers are read at once: most days of a recent period hold a few, so a handful of
    // parallel prefix reads find the latest ones without walking a 90-day period one request at a time.
    private const int LowScoreDaysAtOnce = 7;

    private readonly TableClient _table = clients.Tables.GetTableClient(names.SurveyResponses);

    public async Task<ResponsePage> PageAsync(ResponseQuery query, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var (day, token) = continuation is null ? (query.To, null) : ReadContinuation(continuation, query);
        var items = new List<SurveyResponse>(pageSize);
        for (; day >= query.From; day = day.AddDays(-1), token = null)
        {
            do
            {
                // A server page never returns more rows than still fit, so a page ends exactly where the next one starts.
                var pages = _table.QueryAsync<ResponseEntity>(ResponseRows.DayRows(day, ResponseRows.ResponsePrefix), maxPerPage: pageSize - items.Count,
                    cancellationToken: cancellationToken).AsPages(token, pageSize - items.Count);
                await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    token = null;
                    break;
                }

                items.AddRange(enumerator.Current.Values.Where(e => Matches(query, e)).Select(ResponseRows.ToResponse));
                token = enumerator.Current.ContinuationToken;
                if (items.Count >= pageSize)
                {
                    var next = token is not null ? WriteContinuation(day, token) : day > query.From ? WriteContinuation(day.AddDays(-1), null) : null;
                    return new ResponsePage(items, next);
                }
            }
            while (token is not null);
        }

        return new ResponsePage(items, null);
    }

    public async Task<IReadOnlyList<SurveyResponse>> LatestLowScoreCommentsAsync(DateOnly from, DateOnly to, ReportScope scope, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var found = new List<SurveyResponse>(count);
        for (var day = to; day >= from && found.Count < count; day = day.AddDays(-LowScoreDaysAtOnce))
        {
            var days = Enumerable.Range(0, LowScoreDaysAtOnce).Select(i => day.AddDays(-i)).Where(d => d >= from).ToList();
            var pointers = await Task.WhenAll(days.Select(d => LowScorePointersAsync(d, scope, count, cancellationToken))).ConfigureAwait(false);
            // Newest day first; within a day the row keys are newest first already.
            var wanted = pointers.SelectMany(p => p).Take(count - found.Count).ToList();
            var responses = await Task.WhenAll(wanted.Select(p => ReadAsync(p, cancellationToken))).ConfigureAwait(false);
            found.AddRange(responses.OfType<SurveyResponse>());
        }

        return found;
    }

    public async IAsyncEnumerable<SurveyResponse> StreamAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            await foreach (var entity in _table.QueryAsync<ResponseEntity>(ResponseRows.DayRows(day, ResponseRows.ResponsePrefix),
                cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                yield return ResponseRows.ToResponse(entity);
            }
        }
    }

    private async Task<List<LowScoreEntity>> LowScorePointersAsync(DateOnly day, ReportScope scope, int count, CancellationToken cancellationToken)
    {
        var pointers = new List<LowScoreEntity>();
        await foreach (var pointer in _table.QueryAsync<LowScoreEntity>(ResponseRows.DayRows(day, ResponseRows.LowPrefix), maxPerPage: Math.Min(1000, Math.Max(count, 20)),
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ResponseRows.IsIn(scope, pointer.Queue, pointer.AgentId, pointer.Channel))
            {
                pointers.Add(pointer);
                if (pointers.Count >= count)
                {
                    break;
                }
            }
        }

        return pointers;
    }

    private async Task<SurveyResponse?> ReadAsync(LowScoreEntity pointer, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync<ResponseEntity>(pointer.PartitionKey, ResponseRows.ResponseRow(pointer.SurveyId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ResponseRows.ToResponse(entity);
    }

    private static bool Matches(ResponseQuery query, ResponseEntity e) =>
        query.Includes(e.Queue, e.AgentId, e.Channel)
        && (query.CsatBand is null || string.Equals(TallyNames.Bands.Of(e.Csat), query.CsatBand, StringComparison.Ordinal))
        && (query.Driver is null || string.Equals(e.Driver, query.Driver, StringComparison.Ordinal))
        && (!query.WithComment || !string.IsNullOrWhiteSpace(e.Comment));

    // Opaque to callers: the day to go on with and the table service's own continuation inside it.
    private static string WriteContinuation(DateOnly day, string? token) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(ReportingCalendar.Key(day) + "\n" + token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateOnly Day, string? Token) ReadContinuation(string continuation, ResponseQuery query)
    {
        try
        {
            var padded = continuation.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            var parts = text.Split('\n', 2);
            if (parts.Length == 2 && ReportingCalendar.TryParseKey(parts[0], out var day) && day >= query.From && day <= query.To)
            {
                return (day, parts[1].Length == 0 ? null : parts[1]);
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException("The continuation token does not belong to this query.", nameof(continuation));
    }
}
