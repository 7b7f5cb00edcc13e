using System.Runtime.CompilerServices;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;

namespace CxBot.App.Insights;

/// <summary>
/// Stands in for the reporting store where none is registered: no counts and no stored responses, so a summary shows
/// zeros instead of failing. Registered with TryAdd: the reporting store's own registrations replace it.
/// </summary>
internal sealed class NoReportingStore : IReportTotals, IResponseQueries
{
    public Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DayTally>>([]);

    public Task<ResponsePage> PageAsync(ResponseQuery query, string? continuation, int pageSize, CancellationToken cancellationToken) =>
        Task.FromResult(new ResponsePage([], null));

    public Task<IReadOnlyList<SurveyResponse>> LatestLowScoreCommentsAsync(DateOnly from, DateOnly to, ReportScope scope, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SurveyResponse>>([]);

    public async IAsyncEnumerable<SurveyResponse> StreamAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }
}
