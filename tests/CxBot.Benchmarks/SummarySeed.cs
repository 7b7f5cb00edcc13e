using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using CxBot.Storage;
using CxBot.Storage.FollowUps;
using CxBot.Storage.Insights.Funnel;
using CxBot.Storage.Surveys;

namespace CxBot.Benchmarks;

/// <summary>How long each part of the seeding took.</summary>
internal sealed record SeedTimes(int Responses, int LowScores, int FollowUps, int OpenFollowUps, int OverdueFollowUps, int Rows,
    TimeSpan ResponsesTime, TimeSpan FunnelTime, TimeSpan FollowUpsTime)
{
    public TimeSpan Total => ResponsesTime + FunnelTime + FollowUpsTime;
}

/// <summary>
/// Writes <c>SurveyResponses</c> (with the low-score pointer rows), <c>SurveyFunnel</c>, <c>FollowUps</c> and
/// <c>OpenFollowUps</c> rows with the stores' own row shapes (<see cref="ResponseRows"/>, <see cref="FunnelEntity"/>,
/// <see cref="FollowUpEntity"/>, <see cref="OpenFollowUpEntity"/>) straight into the tables: responses, funnel rows and
/// index entries in entity-group transactions of at most 100 per partition (checked by <see cref="TableBatches"/>), several
/// at once; follow-ups (one partition each) as single inserts, many at once. The index's backfill marker is written too,
/// as a store that always had the index would have it.
/// </summary>
internal sealed class SummarySeed(string connectionString, string tablePrefix, ReportingCalendar calendar)
{
    public const int Days = 180;
    public const int Queues = 20;
    public const int Agents = 200;
    private const int Parallel = 8;
    private const int ParallelSingles = 64;

    private static readonly string[] Drivers =
        [QualityDriver.Reliability, QualityDriver.Empathy, QualityDriver.CustomerFocus, QualityDriver.CustomerKnowledge, QualityDriver.WaitingTime, QualityDriver.Accessibility, QualityDriver.Menu];

    private static readonly string[] Comments =
    [
        "Snel en vriendelijk geholpen, dank je wel!", "Ik moest drie keer bellen voordat iemand me terugbelde.",
        "The agent understood my situation and kept the promise to call back.", "Nobody told me the parcel was held at customs.",
    ];

    public static string AgentId(int agent) => "agent-" + agent.ToString("D3", CultureInfo.InvariantCulture);

    public static string AgentName(int agent) => "Agent " + agent.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>An agent works in one home queue.</summary>
    public static string QueueOf(int agent) => "Queue " + (agent % Queues).ToString("D2", CultureInfo.InvariantCulture);

    // Answer i is the (i / Days)-th of day i mod Days: everything that varies within a day varies with that number, so
    // every day has the same mix (180 is a multiple of 2, 3, 4, 5 and 20, so i itself would give each day one channel).
    private static int Nth(int i) => i / Days;

    /// <summary>15 % low scores: 3 of every 20 answers of a day.</summary>
    public static bool IsLow(int i) => (Nth(i) % 20) is 0 or 7 or 13;

    // Every agent answers on every day (for a day, n * 7 mod 200 runs through all 200).
    private static int AgentOf(int i) => (Nth(i) * 7 + i % Days * 13) % Agents;

    private static string ChannelOf(int i) => Nth(i) % 3 == 0 ? "chat" : "voice";

    private Dictionary<DateOnly, int[]> _byDay = [];
    private bool _withFunnel;

    public async Task<SeedTimes> SeedAsync(int count, DateOnly lastDay, DateTimeOffset now, bool withFunnelAndFollowUps)
    {
        var firstDay = lastDay.AddDays(-(Days - 1));
        var byDay = _byDay = Enumerable.Range(0, count).GroupBy(i => i % Days).ToDictionary(g => firstDay.AddDays(g.Key), g => g.ToArray());
        _withFunnel = withFunnelAndFollowUps;
        var responses = new TableClient(connectionString, tablePrefix + "SurveyResponses");
        var funnel = new TableClient(connectionString, tablePrefix + "SurveyFunnel");
        var followUps = new TableClient(connectionString, tablePrefix + "FollowUps");
        var openFollowUps = new TableClient(connectionString, tablePrefix + "OpenFollowUps");

        var watch = Stopwatch.StartNew();
        var low = new ConcurrentBag<SurveyResponse>();
        var responseBatches = byDay.SelectMany(d => Batches(d.Key, d.Value.SelectMany(i =>
        {
            var r = Response(i, d.Key);
            if (IsLow(i))
            {
                low.Add(r);
            }

            return ResponseRowsOf(d.Key, r);
        })));
        var rows = await SubmitAsync(responses, responseBatches, "responses", count);
        var responsesTime = watch.Elapsed;

        var funnelTime = TimeSpan.Zero;
        var followUpsTime = TimeSpan.Zero;
        int open = 0, overdue = 0;
        if (withFunnelAndFollowUps)
        {
            watch.Restart();
            rows += await SubmitAsync(funnel, byDay.SelectMany(d => Batches(d.Key, d.Value.Select(i => Funnel(i, d.Key)))), "funnel rows", count);
            funnelTime = watch.Elapsed;

            watch.Restart();
            var entities = low.Select(r => FollowUp(r, now)).ToList();
            var unresolved = entities.Where(f => f.Status != nameof(FollowUpStatus.Resolved)).ToList();
            open = unresolved.Count;
            overdue = unresolved.Count(f => f.DueAt < now);
            // The index first, as the store writes it: entries grouped by due-day partition, a hundred to a transaction.
            var indexBatches = unresolved.Select(f => Entry(f, now)).GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
                .SelectMany(g => g.Chunk(TableBatches.MaxOperations).Select(chunk => chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList()));
            rows += await SubmitAsync(openFollowUps, indexBatches, "open follow-up entries", open);
            await openFollowUps.AddEntityAsync(new TableEntity(OpenFollowUpEntity.MarkerPartition, OpenFollowUpEntity.BackfilledRow));
            var done = 0;
            await System.Threading.Tasks.Parallel.ForEachAsync(entities, new ParallelOptions { MaxDegreeOfParallelism = ParallelSingles }, async (entity, ct) =>
            {
                await followUps.AddEntityAsync(entity, ct);
                if (Interlocked.Increment(ref done) % 10_000 == 0)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  follow-ups: {done} of {entities.Count} in {watch.Elapsed.TotalSeconds:0} s ({done / watch.Elapsed.TotalSeconds:0} rows/s)"));
                }
            });
            rows += entities.Count;
            followUpsTime = watch.Elapsed;
        }

        return new SeedTimes(count, low.Count, withFunnelAndFollowUps ? low.Count : 0, open, overdue, rows, responsesTime, funnelTime, followUpsTime);
    }

    /// <summary>
    /// The counts of a seeded day computed in this process from the seeded records, through the counting code the fact
    /// sources run on the rows they read (<see cref="ResponseCounting.CountDay"/>, the funnel row's fact): what a recount
    /// of the day from storage gives, without a query that scans the whole table on Azurite.
    /// </summary>
    public ScopedTallies CountDay(DateOnly day)
    {
        var counts = new ScopedTallies();
        if (!_byDay.TryGetValue(day, out var answers))
        {
            return counts;
        }

        if (_withFunnel)
        {
            foreach (var i in answers)
            {
                TableSurveyFunnel.ToFact(Funnel(i, day)).CountInto(counts);
            }
        }

        ResponseCounting.CountDay(answers.Select(i => Response(i, day)), counts);
        return counts;
    }

    private static async Task<int> SubmitAsync(TableClient table, IEnumerable<List<TableTransactionAction>> batches, string what, int expected)
    {
        var rows = 0;
        var batchesDone = 0;
        var watch = Stopwatch.StartNew();
        await System.Threading.Tasks.Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (batch, ct) =>
        {
            await table.SubmitCheckedAsync(batch, ct);
            Interlocked.Add(ref rows, batch.Count);
            if (Interlocked.Increment(ref batchesDone) % 1000 == 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {what}: {rows} rows in {watch.Elapsed.TotalSeconds:0} s ({rows / watch.Elapsed.TotalSeconds:0} rows/s; {expected} answers in all)"));
            }
        });
        return rows;
    }

    private static IEnumerable<List<TableTransactionAction>> Batches(DateOnly day, IEnumerable<ITableEntity> rows) =>
        rows.Chunk(TableBatches.MaxOperations).Select(chunk => chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList());

    private static IEnumerable<ITableEntity> ResponseRowsOf(DateOnly day, SurveyResponse r)
    {
        yield return ResponseRows.ToEntity(day, r);
        if (ResponseRows.IsLowWithComment(r.Answers))
        {
            yield return ResponseRows.ToLowScore(day, r);
        }
    }

    private static string SurveyId(int i) => "survey-" + i.ToString("D8", CultureInfo.InvariantCulture);

    private DateTimeOffset EndedAt(int i, DateOnly day) => calendar.StartOf(day).AddHours(8).AddSeconds(i * 37L % 36_000);

    private SurveyResponse Response(int i, DateOnly day)
    {
        var agent = AgentOf(i);
        var n = Nth(i);
        var lowScore = IsLow(i);
        var csat = lowScore ? 1 + n % 2 : 3 + n % 3;
        var ended = EndedAt(i, day);
        var comment = lowScore ? (n % 5 == 1 ? null : Comments[n % Comments.Length]) : (n % 4 == 1 ? Comments[n % Comments.Length] : null);
        return new SurveyResponse
        {
            SurveyId = SurveyId(i),
            ContactId = "contact-" + i.ToString("D8", CultureInfo.InvariantCulture),
            DefinitionId = "default",
            DefinitionVersion = 1,
            Agent = PersonRef.Agent(AgentId(agent), AgentName(agent), null),
            Queue = QueueOf(agent),
            Channel = ChannelOf(i),
            CustomerId = (i * 7919L % 1_000_003).ToString("x16", CultureInfo.InvariantCulture),
            Locale = i % 3 == 0 ? "en-US" : "nl-NL",
            Answers = new SurveyAnswers
            {
                Csat = csat,
                Nps = lowScore ? n % 7 : 6 + n % 5,
                Ces = n % 4 == 2 ? 1 + n % 5 : null,
                Expectation = lowScore ? ExpectationAnswer.Worse : (ExpectationAnswer)(n % 3),
                Resolution = lowScore ? (ResolutionAnswer)(n % 2 == 0 ? 2 : 1) : ResolutionAnswer.Yes,
                Driver = Drivers[n % Drivers.Length],
                Comment = comment,
                ContactConsent = n % 2 == 0,
                Raw = new Dictionary<string, string>(),
            },
            ContactEndedAt = ended,
            SentAt = ended.AddMinutes(5),
            AnsweredAt = ended.AddMinutes(9),
            FollowUpId = lowScore ? SurveyId(i) : null,
            AnsweredAfterReminder = n % 10 == 3,
        };
    }

    private FunnelEntity Funnel(int i, DateOnly day)
    {
        var agent = AgentOf(i);
        return new FunnelEntity
        {
            PartitionKey = ReportingCalendar.Key(day),
            RowKey = TableKeys.Join(FunnelEntity.SurveyPrefix, SurveyId(i)),
            SurveyId = SurveyId(i),
            Queue = QueueOf(agent),
            AgentId = AgentId(agent),
            Channel = ChannelOf(i),
            ContactEndedAt = EndedAt(i, day),
            Status = nameof(SurveyStatus.Answered),
            Attempts = 1,
            Delivered = true,
            Reminded = Nth(i) % 10 == 3,
        };
    }

    // Follow-ups of the last fortnight are open (a third of them claimed), older ones resolved; due two days after the answer,
    // so the open ones older than two days are overdue.
    private FollowUpEntity FollowUp(SurveyResponse r, DateTimeOffset now)
    {
        var open = r.AnsweredAt > now.AddDays(-14);
        var claimed = open && r.SurveyId.GetHashCode(StringComparison.Ordinal) % 3 == 0;
        return new FollowUpEntity
        {
            PartitionKey = TableKeys.Escape(r.SurveyId),
            FollowUpId = r.SurveyId,
            SourceKind = nameof(FollowUpSourceKind.SurveyResponse),
            SourceId = r.SurveyId,
            SurveyId = r.SurveyId,
            ContactId = r.ContactId,
            AgentId = r.Agent.AgentId!,
            AgentName = r.Agent.DisplayName,
            Queue = r.Queue,
            Reasons = r.Answers.Expectation == ExpectationAnswer.Worse ? "LowCsat, WorseThanExpected" : "LowCsat",
            CallBack = r.Answers.ContactConsent == true,
            CreatedAt = r.AnsweredAt,
            DueAt = r.AnsweredAt.AddDays(2),
            Csat = r.Answers.Csat,
            SourceDay = ReportingCalendar.Key(calendar.DayOf(r.ContactEndedAt)),
            Status = open ? (claimed ? nameof(FollowUpStatus.Claimed) : nameof(FollowUpStatus.Open)) : nameof(FollowUpStatus.Resolved),
            OwnerId = claimed || !open ? "supervisor-1" : null,
            OwnerName = claimed || !open ? "Supervisor 1" : null,
            ClaimedAt = claimed || !open ? r.AnsweredAt.AddHours(2) : null,
            ResolvedById = open ? null : "supervisor-1",
            ResolvedByName = open ? null : "Supervisor 1",
            ResolvedAt = open ? null : r.AnsweredAt.AddDays(1),
            ResolutionNote = open ? null : "Called back.",
        };
    }

    private static OpenFollowUpEntity Entry(FollowUpEntity f, DateTimeOffset now) => new()
    {
        PartitionKey = OpenFollowUpEntity.PartitionOf(f.DueAt),
        RowKey = OpenFollowUpEntity.RowOf(f.DueAt, f.FollowUpId),
        FollowUpId = f.FollowUpId,
        TenantId = f.TenantId,
        Queue = f.Queue,
        AgentId = f.AgentId,
        DueAt = f.DueAt,
        ListedAt = now,
    };
}
