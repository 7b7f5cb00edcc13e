using System.Globalization;
using CxBot.App.Insights;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;

namespace CxBot.App.Tests.Support;

/// <summary>Day counts per scope, in memory; records which scopes and ranges were read.</summary>
public sealed class AgentReportTotals : IReportTotals
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ReportScope, SortedDictionary<DateOnly, Tally>> _days = [];
    private readonly List<(ReportScope Scope, DateOnly From, DateOnly To)> _reads = [];

    public IReadOnlyList<(ReportScope Scope, DateOnly From, DateOnly To)> Reads
    {
        get
        {
            lock (_lock)
            {
                return [.. _reads];
            }
        }
    }

    /// <summary>Counts one answer of <paramref name="csat"/> (and optional NPS, CES, resolution) for the agent on the day.</summary>
    public AgentReportTotals Answer(string agentId, DateOnly day, int csat, int? nps = null, int? ces = null, string? resolution = null)
    {
        var tally = new Tally().Add(TallyNames.Responses).Add(TallyNames.Csat(csat));
        if (nps is { } n)
        {
            tally.Add(TallyNames.Nps(n));
        }

        if (ces is { } c)
        {
            tally.Add(TallyNames.Ces(c));
        }

        if (resolution is not null)
        {
            tally.Add(TallyNames.Resolution(resolution));
        }

        foreach (var scope in ReportScope.Of("billing", agentId, "chat"))
        {
            lock (_lock)
            {
                if (!_days.TryGetValue(scope, out var days))
                {
                    _days[scope] = days = [];
                }

                days[day] = days.TryGetValue(day, out var existing) ? existing.Add(tally) : Tally.Sum([tally]);
            }
        }

        return this;
    }

    public Task<IReadOnlyList<DayTally>> ReadAsync(ReportScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _reads.Add((scope, from, to));
            IReadOnlyList<DayTally> days = _days.TryGetValue(scope, out var byDay)
                ? [.. byDay.Where(d => d.Key >= from && d.Key <= to).Select(d => new DayTally(d.Key, Tally.Sum([d.Value])))]
                : [];
            return Task.FromResult(days);
        }
    }
}

/// <summary>Responses in memory, newest first per scope; a continuation is the index of the next item.</summary>
public sealed class AgentResponseQueries : IResponseQueries
{
    private readonly Lock _lock = new();
    private readonly List<SurveyResponse> _responses = [];

    public SurveyResponse Add(string agentId, DateTimeOffset contactEndedAt, int csat, string comment)
    {
        var response = new SurveyResponse
        {
            SurveyId = Guid.NewGuid().ToString("N"),
            ContactId = "contact-" + Guid.NewGuid().ToString("N")[..8],
            DefinitionId = "default",
            DefinitionVersion = 1,
            Agent = PersonRef.Agent(agentId, agentId),
            Queue = "billing",
            Channel = "chat",
            CustomerId = "k",
            Locale = "en-US",
            Answers = new SurveyAnswers { Csat = csat, Comment = comment, Raw = new Dictionary<string, string>() },
            ContactEndedAt = contactEndedAt,
            SentAt = contactEndedAt,
            AnsweredAt = contactEndedAt.AddMinutes(5),
        };
        lock (_lock)
        {
            _responses.Add(response);
        }

        return response;
    }

    public Task<ResponsePage> PageAsync(ResponseQuery query, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        List<SurveyResponse> matching;
        lock (_lock)
        {
            matching = [.. _responses
                .Where(r => query.Includes(r.Queue, r.Agent.AgentId, r.Channel))
                .Where(r => DateOnly.FromDateTime(r.ContactEndedAt.UtcDateTime) is var day && day >= query.From && day <= query.To)
                .Where(r => !query.WithComment || !string.IsNullOrEmpty(r.Answers.Comment))
                .OrderByDescending(r => r.ContactEndedAt)];
        }

        var start = continuation is null ? 0 : int.Parse(continuation, CultureInfo.InvariantCulture);
        var items = matching.Skip(start).Take(pageSize).ToList();
        var next = start + items.Count < matching.Count ? (start + items.Count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new ResponsePage(items, next));
    }

    public Task<IReadOnlyList<SurveyResponse>> LatestLowScoreCommentsAsync(DateOnly from, DateOnly to, ReportScope scope, int count, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not read by these features.");

    public IAsyncEnumerable<SurveyResponse> StreamAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not read by these features.");
}

/// <summary>Stands in for the summary card: a card naming its request, and the requests it was asked for.</summary>
public sealed class FakeSummaryCards : ISummaryCards
{
    private readonly Lock _lock = new();
    private readonly List<SummaryRequest> _requests = [];

    public IReadOnlyList<SummaryRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public Task<AdaptiveCard> BuildAsync(SummaryRequest request, CultureInfo culture, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }

        var text = $"Summary {request.Scope.Key} {request.Period.From:yyyy-MM-dd}..{request.Period.To:yyyy-MM-dd} {culture.Name}";
        return Task.FromResult(new AdaptiveCard { Body = [new TextBlock { Id = "summary", Text = text }], FallbackText = text });
    }
}
