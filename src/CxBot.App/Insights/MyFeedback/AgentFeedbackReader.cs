using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;

namespace CxBot.App.Insights.MyFeedback;

/// <summary>
/// Reads one person's figures and comments: the sum over their agent ids (a person with several platform ids sees them
/// together), never anyone else's. Counts come from <see cref="IReportTotals"/> and comments from
/// <see cref="IResponseQueries"/>, both resolved when first used, as the reporting store provides them.
/// </summary>
public sealed class AgentFeedbackReader(IServiceProvider services)
{
    /// <summary>The counts of each day of <paramref name="period"/> that has any, summed over <paramref name="agentIds"/>; oldest first.</summary>
    public async Task<IReadOnlyList<DayTally>> ReadDaysAsync(IReadOnlyList<string> agentIds, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var perAgent = await Task.WhenAll(Scopes(agentIds).Select(s => ReadScopeAsync(s, period, cancellationToken))).ConfigureAwait(false);
        return [.. perAgent.SelectMany(days => days)
            .GroupBy(d => d.Day)
            .OrderBy(g => g.Key)
            .Select(g => new DayTally(g.Key, Tally.Sum(g.Select(d => d.Counts))))];
    }

    /// <summary>A page of the answers with a comment, newest first, across <paramref name="agentIds"/>.</summary>
    public Task<ResponsePage> CommentsAsync(IReadOnlyList<string> agentIds, ReportPeriod period, string? continuation, int pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var queries = services.GetRequiredService<IResponseQueries>();
        return MergedPages.ReadAsync(
            [.. Scopes(agentIds).Select(s => new ResponseQuery(period.From, period.To, s, WithComment: true))],
            (query, token, size, ct) => queries.PageAsync(query, token, size, ct),
            continuation, pageSize, cancellationToken);
    }

    /// <summary>One agent scope's day counts: the one place that reads stored totals.</summary>
    private Task<IReadOnlyList<DayTally>> ReadScopeAsync(ReportScope scope, ReportPeriod period, CancellationToken cancellationToken) =>
        services.GetRequiredService<ReportReader>().ReadDaysAsync(scope, period, cancellationToken);

    private static IReadOnlyList<ReportScope> Scopes(IReadOnlyList<string> agentIds) =>
        [.. agentIds.Where(id => ReportScope.Normalize(id).Length > 0).Select(ReportScope.ForAgent).Distinct()];
}

/// <summary>
/// Pages through several newest-first page sources as one newest-first list. The continuation records, per source,
/// the token of the page being read and how many of its items were already shown, so nothing is shown twice or skipped.
/// </summary>
public static class MergedPages
{
    /// <summary>Reads one page of a source.</summary>
    public delegate Task<ResponsePage> PageReader(ResponseQuery query, string? continuation, int pageSize, CancellationToken cancellationToken);

    /// <summary>The next page of the merged list.</summary>
    public static async Task<ResponsePage> ReadAsync(IReadOnlyList<ResponseQuery> sources, PageReader read, string? continuation, int pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(read);
        var cursors = Cursor.Parse(continuation, sources.Count);
        var pages = await Task.WhenAll(sources.Select((s, i) => cursors[i].Done
            ? Task.FromResult(new ResponsePage([], null))
            : read(s, cursors[i].Token, pageSize, cancellationToken))).ConfigureAwait(false);
        var heads = new int[sources.Count];
        var items = new List<SurveyResponse>(pageSize);
        while (items.Count < pageSize)
        {
            var next = -1;
            for (var i = 0; i < sources.Count; i++)
            {
                var at = cursors[i].Skip + heads[i];
                if (cursors[i].Done || at >= pages[i].Items.Count)
                {
                    continue;
                }

                if (next < 0 || Newer(pages[i].Items[at], pages[next].Items[cursors[next].Skip + heads[next]]))
                {
                    next = i;
                }
            }

            // A source whose page ran out but has more could hold the next newest: stop here, its next page comes first next time.
            if (next < 0 || Enumerable.Range(0, sources.Count).Any(i => !cursors[i].Done && cursors[i].Skip + heads[i] >= pages[i].Items.Count
                && pages[i].Continuation is not null))
            {
                break;
            }

            items.Add(pages[next].Items[cursors[next].Skip + heads[next]]);
            heads[next]++;
        }

        var after = new Cursor[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            var shown = cursors[i].Skip + heads[i];
            after[i] = cursors[i].Done ? cursors[i]
                : shown < pages[i].Items.Count ? cursors[i] with { Skip = shown }
                : pages[i].Continuation is { } token ? new Cursor(token, 0, false)
                : new Cursor(null, 0, true);
        }

        return new ResponsePage(items, after.All(c => c.Done) ? null : Cursor.Write(after));
    }

    private static bool Newer(SurveyResponse a, SurveyResponse b) =>
        a.ContactEndedAt != b.ContactEndedAt ? a.ContactEndedAt > b.ContactEndedAt : a.AnsweredAt > b.AnsweredAt;

    private sealed record Cursor(string? Token, int Skip, bool Done)
    {
        public static Cursor[] Parse(string? text, int count)
        {
            var fresh = Enumerable.Range(0, count).Select(_ => new Cursor(null, 0, false)).ToArray();
            if (string.IsNullOrEmpty(text))
            {
                return fresh;
            }

            try
            {
                var read = System.Text.Json.JsonSerializer.Deserialize<Cursor[]>(Convert.FromBase64String(text));
                // A token of another set of sources (the person's agent ids changed) starts from the top.
                return read is { Length: var n } && n == count && read.All(c => c is not null && c.Skip >= 0) ? read : fresh;
            }
            catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
            {
                return fresh;
            }
        }

        public static string Write(Cursor[] cursors) => Convert.ToBase64String(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(cursors));
    }
}
