namespace CxBot.Domain.Insights;

/// <summary>
/// The counts kept per reporting day and scope (see docs/storage.md, "Reporting store"). Reading a period costs
/// one range read per scope whatever the number of records behind it.
/// </summary>
public interface IReportTotals
{
    /// <summary>The counts of <paramref name="scope"/> for each day in [<paramref name="from"/>, <paramref name="to"/>] (both inclusive) that has any; oldest first.</summary>
    Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>Which responses a drill-down or an export reads.</summary>
/// <param name="From">First reporting day (inclusive).</param>
/// <param name="To">Last reporting day (inclusive).</param>
/// <param name="Scope">The scope (<see cref="ReportScope.All"/> for everything).</param>
/// <param name="CsatBand">Only answers in this band (<see cref="TallyNames.Bands"/>), or all.</param>
/// <param name="Driver">Only answers naming this driver, or all.</param>
/// <param name="WithComment">Only answers with a comment.</param>
/// <param name="Series">The stored series that make up <paramref name="Scope"/> (a person's several agent ids), an answer in any
/// of them matching; null: <paramref name="Scope"/> alone.</param>
public sealed record ResponseQuery(DateOnly From, DateOnly To, ReportScope Scope, string? CsatBand = null, string? Driver = null, bool WithComment = false,
    IReadOnlyList<ReportScope>? Series = null)
{
    /// <summary>True when an answer of this queue, agent and channel is in the query's scope.</summary>
    public bool Includes(string? queue, string? agentId, string? channel)
    {
        var scopes = ReportScope.Of(queue, agentId, channel);
        return Series is { Count: > 0 } series
            ? series.Any(s => s.Kind == ReportScopeKind.All || scopes.Contains(s))
            : Scope.Kind == ReportScopeKind.All || scopes.Contains(Scope);
    }
}

/// <summary>One page of responses, newest first, and the token of the next page (null at the end).</summary>
/// <param name="Items">The responses.</param>
/// <param name="Continuation">Opaque token for the next page.</param>
public sealed record ResponsePage(IReadOnlyList<Surveys.SurveyResponse> Items, string? Continuation);

/// <summary>Reads stored responses for drill-down, the latest comments and exports (never for counting).</summary>
public interface IResponseQueries
{
    /// <summary>A page of the responses matching <paramref name="query"/>, newest reporting day first.</summary>
    Task<ResponsePage> PageAsync(ResponseQuery query, string? continuation, int pageSize, CancellationToken cancellationToken);

    /// <summary>The latest answers with CSAT 1-2 and a comment in the period and scope, newest first, at most <paramref name="count"/>.</summary>
    Task<IReadOnlyList<Surveys.SurveyResponse>> LatestLowScoreCommentsAsync(DateOnly from, DateOnly to, ReportScope scope, int count, CancellationToken cancellationToken);

    /// <summary>Every response of the reporting days [<paramref name="from"/>, <paramref name="to"/>], oldest day first, streamed page by page.</summary>
    IAsyncEnumerable<Surveys.SurveyResponse> StreamAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
