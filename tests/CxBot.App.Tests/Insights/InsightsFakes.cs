using System.Globalization;
using System.Runtime.CompilerServices;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;

namespace CxBot.App.Tests.Insights;

/// <summary>Day counts held in memory, per scope key and day.</summary>
public sealed class InMemoryReportTotals : IReportTotals
{
    private readonly Dictionary<(string Scope, DateOnly Day), Tally> _days = [];

    public int Reads { get; private set; }

    public InMemoryReportTotals Add(ReportScope scope, DateOnly day, string name, long count = 1)
    {
        if (!_days.TryGetValue((scope.Key, day), out var tally))
        {
            _days[(scope.Key, day)] = tally = new Tally();
        }

        tally.Add(name, count);
        return this;
    }

    /// <summary>Counts a response in every scope it belongs to, as the roll-up would.</summary>
    public InMemoryReportTotals AddResponse(SurveyResponse response, DateOnly day)
    {
        foreach (var scope in ReportScope.Of(response.Queue, response.Agent.AgentId, response.Channel))
        {
            Add(scope, day, TallyNames.Responses);
            Add(scope, day, TallyNames.Answered);
            Add(scope, day, TallyNames.Delivered);
            Add(scope, day, TallyNames.Sent);
            if (response.Answers.Csat is { } csat)
            {
                Add(scope, day, TallyNames.Csat(csat));
            }
        }

        return this;
    }

    public Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<DayTally>>([.. _days
            .Where(d => d.Key.Scope == scope.Key && d.Key.Day >= from && d.Key.Day <= to)
            .OrderBy(d => d.Key.Day)
            .Select(d => new DayTally(d.Key.Day, Tally.Sum([d.Value])))]);
    }
}

/// <summary>
/// Responses held in memory by reporting day; pages continue at an offset. With <paramref name="pointers"/>, an added
/// low-score comment is also pointed to from the day's counts, as the roll-up does (<see cref="LowScoreComments"/>).
/// </summary>
public sealed class InMemoryResponseQueries(InMemoryReportTotals? pointers = null) : IResponseQueries, ISurveyResponses
{
    private readonly List<(DateOnly Day, SurveyResponse Response)> _responses = [];

    public List<ResponseQuery> Queries { get; } = [];

    public int PointReads { get; private set; }

    public void Add(DateOnly day, SurveyResponse response)
    {
        _responses.Add((day, response));
        if (pointers is not null && LowScoreComments.Applies(response.Answers))
        {
            foreach (var scope in ReportScope.Of(response.Queue, response.Agent.AgentId, response.Channel))
            {
                pointers.Add(scope, day, LowScoreComments.Name(response.AnsweredAt, response.SurveyId));
            }
        }
    }

    public Task<bool> TryAddAsync(DateOnly day, SurveyResponse response, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<SurveyResponse?> GetAsync(DateOnly day, string surveyId, CancellationToken cancellationToken)
    {
        PointReads++;
        return Task.FromResult<SurveyResponse?>(_responses.FirstOrDefault(r => r.Day == day && r.Response.SurveyId == surveyId).Response);
    }

    public Task<ResponsePage> PageAsync(ResponseQuery query, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        Queries.Add(query);
        var offset = continuation is null ? 0 : int.Parse(continuation, CultureInfo.InvariantCulture);
        var matching = Matching(query.From, query.To, query.Includes)
            .Where(r => query.CsatBand is null || TallyNames.Bands.Of(r.Answers.Csat) == query.CsatBand)
            .Where(r => query.Driver is null || r.Answers.Driver == query.Driver)
            .Where(r => !query.WithComment || !string.IsNullOrEmpty(r.Answers.Comment))
            .ToList();
        var page = matching.Skip(offset).Take(pageSize).ToList();
        var next = offset + pageSize < matching.Count ? (offset + pageSize).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new ResponsePage(page, next));
    }

    public Task<IReadOnlyList<SurveyResponse>> LatestLowScoreCommentsAsync(DateOnly from, DateOnly to, ReportScope scope, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SurveyResponse>>([.. Matching(from, to, new ResponseQuery(from, to, scope).Includes)
            .Where(r => r.Answers.Csat is <= 2 && !string.IsNullOrEmpty(r.Answers.Comment)).Take(count)]);

    public async IAsyncEnumerable<SurveyResponse> StreamAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (day, response) in _responses.OrderBy(r => r.Day))
        {
            if (day >= from && day <= to)
            {
                await Task.Yield();
                yield return response;
            }
        }
    }

    private IEnumerable<SurveyResponse> Matching(DateOnly from, DateOnly to, Func<string?, string?, string?, bool> inScope) => _responses
        .Where(r => r.Day >= from && r.Day <= to && inScope(r.Response.Queue, r.Response.Agent.AgentId, r.Response.Channel))
        .OrderByDescending(r => r.Day).ThenByDescending(r => r.Response.AnsweredAt)
        .Select(r => r.Response);
}

/// <summary>Survey responses for tests.</summary>
public static class TestResponses
{
    public static SurveyResponse Response(int? csat, string? comment = null, string agentId = "agent-1", string queue = "Billing", string channel = "chat",
        DateTimeOffset? at = null, string? driver = null) => new()
    {
        SurveyId = "s-" + Guid.NewGuid().ToString("N")[..10],
        ContactId = "c-" + Guid.NewGuid().ToString("N")[..10],
        DefinitionId = "default",
        DefinitionVersion = 1,
        Agent = PersonRef.Agent(agentId, ""),
        Queue = queue,
        Channel = channel,
        CustomerId = "customer-key-" + Guid.NewGuid().ToString("N")[..8],
        Locale = "en-US",
        Answers = new SurveyAnswers { Csat = csat, Comment = comment, Driver = driver, Raw = new Dictionary<string, string>() },
        ContactEndedAt = at ?? new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero),
        SentAt = at ?? new DateTimeOffset(2026, 11, 19, 10, 5, 0, TimeSpan.Zero),
        AnsweredAt = (at ?? new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero)).AddMinutes(10),
    };
}
