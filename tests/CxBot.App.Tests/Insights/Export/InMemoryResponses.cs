using System.Runtime.CompilerServices;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;

namespace CxBot.App.Tests.Insights.Export;

/// <summary>
/// Responses made up as they are streamed: <paramref name="count"/> of them (from <paramref name="make"/>, or a standard
/// one per index), never held in a list. After <see cref="PauseAfter"/> rows the stream waits for <see cref="Resume"/>, so
/// a test can see what reached the client while the source is still in the middle.
/// </summary>
internal sealed class InMemoryResponses(long count, Func<long, SurveyResponse>? make = null) : IResponseQueries
{
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long PauseAfter { get; init; } = -1;

    /// <summary>Rows handed out so far.</summary>
    public long Yielded => Interlocked.Read(ref _yielded);

    private long _yielded;

    /// <summary>The days asked for by the last stream.</summary>
    public (DateOnly From, DateOnly To)? Asked { get; private set; }

    public void Resume() => _resume.TrySetResult();

    public async IAsyncEnumerable<SurveyResponse> StreamAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Asked = (from, to);
        for (long i = 0; i < count; i++)
        {
            if (i == PauseAfter)
            {
                await _resume.Task.WaitAsync(cancellationToken);
            }

            Interlocked.Increment(ref _yielded);
            yield return (make ?? Standard)(i);
        }
    }

    public Task<ResponsePage> PageAsync(ResponseQuery query, string? continuation, int pageSize, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Exports only stream.");

    public Task<IReadOnlyList<SurveyResponse>> LatestLowScoreCommentsAsync(DateOnly from, DateOnly to, ReportScope scope, int count, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Exports only stream.");

    public static SurveyResponse Standard(long i) => Response($"s-{i:D7}", comment: i % 3 == 0 ? "Prima geholpen, dank je" : null);

    public static SurveyResponse Response(string surveyId, string? comment = null, string? tenantId = Support.TeamsUser.TenantId,
        DateTimeOffset? endedAt = null, int? csat = 4) => new()
    {
        SurveyId = surveyId,
        ContactId = "c-" + surveyId,
        DefinitionId = "default",
        DefinitionVersion = 1,
        Agent = new PersonRef("Alex Agent") { AgentId = "agent-17", ObjectId = "6a1b2c3d-0000-0000-0000-000000000000" },
        Queue = "Billing",
        Channel = "voice",
        CustomerId = "cust-7f3a9c",
        Locale = "nl-NL",
        TenantId = tenantId,
        Answers = new SurveyAnswers
        {
            Csat = csat,
            Nps = 9,
            Ces = 2,
            Expectation = ExpectationAnswer.AsExpected,
            Resolution = ResolutionAnswer.Partly,
            Driver = "reliability",
            Comment = comment,
            ContactConsent = true,
            Raw = new Dictionary<string, string>(),
        },
        ContactEndedAt = endedAt ?? new DateTimeOffset(2026, 11, 18, 23, 30, 0, TimeSpan.Zero),
        SentAt = new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.Zero),
        AnsweredAt = new DateTimeOffset(2026, 11, 19, 8, 15, 42, TimeSpan.Zero),
    };
}
