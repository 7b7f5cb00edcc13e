using System.Runtime.CompilerServices;
using CxBot.App.Learnings;
using CxBot.App.Tests.Support;
using CxBot.App.Tests.Surveys.Delivery;
using CxBot.Domain.Learnings;
using CxBot.Domain.People;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.App.Tests.Learnings;

/// <summary>The instance's search index: loaded once, answering while it reloads, following the version row, never
/// keeping a search waiting past the limit.</summary>
public sealed class LearningIndexCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeStore _store = new();

    private LearningIndexCache NewCache() =>
        new(_store, new FixedOptionsMonitor<LearningOptions>(new LearningOptions { RefreshSeconds = 5 }), _time, NullLogger<LearningIndexCache>.Instance);

    [Fact]
    public async Task AFirstLoadStillRunningAfterTheWait_GivesNull_AndTheIndexOnceLoaded()
    {
        _store.Gate = new TaskCompletionSource();
        _store.Learnings.Add(Make("a", "Refund question"));
        var cache = NewCache();

        var waiting = cache.CurrentOrNullAsync(TimeSpan.FromSeconds(3), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Null(await waiting);

        _store.Gate.SetResult();
        var index = await cache.CurrentAsync(CancellationToken.None);
        Assert.Equal(1, index.Count);
        Assert.Equal(1, _store.Loads);
    }

    [Fact]
    public async Task AnotherInstancesChange_IsLoadedAfterTheRefreshInterval_InTheBackground()
    {
        _store.Learnings.Add(Make("a", "Refund question"));
        var cache = NewCache();
        Assert.Equal(1, (await cache.CurrentAsync(CancellationToken.None)).Count);

        _store.Learnings.Add(Make("b", "Warranty question"));
        _store.Version = "v2";
        Assert.Equal(1, (await cache.CurrentAsync(CancellationToken.None)).Count);
        Assert.Equal(1, _store.Loads);

        _time.Advance(TimeSpan.FromSeconds(5));
        await cache.CurrentAsync(CancellationToken.None);
        await Poll.UntilAsync(async () => (await cache.CurrentAsync(CancellationToken.None)).Count == 2, TimeSpan.FromSeconds(10), "the reload");
        Assert.Equal(2, _store.Loads);
    }

    [Fact]
    public async Task AnUnchangedVersion_ReadsNoRows()
    {
        _store.Learnings.Add(Make("a", "Refund question"));
        var cache = NewCache();
        await cache.CurrentAsync(CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(6));
            await cache.CurrentAsync(CancellationToken.None);
            await Poll.UntilAsync(() => _store.VersionReads == i + 2, TimeSpan.FromSeconds(10), "the check");
        }

        Assert.Equal(1, _store.Loads);
    }

    [Fact]
    public async Task ThisInstancesChange_IsInTheIndexAtOnce()
    {
        var cache = NewCache();
        await cache.CurrentAsync(CancellationToken.None);

        cache.Apply(Make("a", "Refund question"));

        Assert.Single((await cache.CurrentAsync(CancellationToken.None)).Search("tenant-a", "refund", 5));
    }

    private static Learning Make(string id, string problem) => new()
    {
        LearningId = "learning-" + id,
        TenantId = "tenant-a",
        Problem = problem,
        Answer = "Answer",
        Driver = "reliability",
        TopicKey = "billing",
        Source = new LearningSource(LearningSourceKind.Signal, "signal-" + id),
        Language = "en",
        PublishedBy = new PersonRef("Sam"),
        PublishedAt = DateTimeOffset.UnixEpoch,
    };

    private sealed class FakeStore : ILearningStore
    {
        public List<Learning> Learnings { get; } = [];
        public string Version { get; set; } = "v1";
        public TaskCompletionSource? Gate { get; set; }
        public int Loads { get; private set; }
        public int VersionReads { get; private set; }

        public Task<string?> VersionAsync(CancellationToken cancellationToken)
        {
            VersionReads++;
            return Task.FromResult<string?>(Version);
        }

        public async IAsyncEnumerable<Learning> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Loads++;
            if (Gate is not null)
            {
                await Gate.Task;
            }

            foreach (var learning in Learnings.ToList())
            {
                yield return learning;
            }
        }

        public Task<(Learning Stored, bool Added)> AddOrGetAsync(Learning learning, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Learning?> GetAsync(string learningId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Learning?> AnswerAsync(string learningId, string voterId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
