using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Surveys;

[Collection(StorageCollection.Name)]
public sealed class TableSurveySkipsTests(StorageFixture azurite)
{
    [Fact]
    public async Task List_ReturnsSkipsDecidedInTheHalfOpenPeriodAcrossDays()
    {
        await using var storage = await azurite.IsolatedAsync("SkipsPeriod");
        var skips = storage.Get<ISurveySkips>();
        // Sub-millisecond bounds: a tick either side must count, also where Azurite's filters see only milliseconds.
        var from = new DateTimeOffset(2025, 6, 1, 22, 0, 0, TimeSpan.Zero).AddTicks(5_000);
        var to = new DateTimeOffset(2025, 6, 3, 6, 0, 0, TimeSpan.Zero).AddTicks(5_000);
        var all = new[]
        {
            new SurveySkip("before", "q", "a", SkipReason.OptedOut, from.AddTicks(-1)),
            new SurveySkip("at-from", "q", "a", SkipReason.IdleTimeout, from),
            new SurveySkip("mid/night#?", "sales", "agent-2", SkipReason.Suppressed, new DateTimeOffset(2025, 6, 2, 1, 30, 0, TimeSpan.FromHours(2))),
            new SurveySkip("last-tick", "q", "a", SkipReason.NotSampled, to.AddTicks(-1)),
            new SurveySkip("at-to", "q", "a", SkipReason.NotSampled, to),
        };
        foreach (var skip in all)
        {
            await skips.AddAsync(skip, CancellationToken.None);
        }

        var listed = await skips.ListAsync(from, to, CancellationToken.None).ToListAsync();

        Assert.Equal(all[1..4].OrderBy(s => s.At), listed.OrderBy(s => s.At));
    }

    [Fact]
    public async Task Add_SameContactTwice_IsStoredOnce()
    {
        await using var storage = await azurite.IsolatedAsync("SkipsIdempotent");
        var skips = storage.Get<ISurveySkips>();
        var skip = new SurveySkip(TestData.NewId("contact"), "q", "a", SkipReason.OptedOut, TestData.Time);

        await skips.AddAsync(skip, CancellationToken.None);
        await skips.AddAsync(skip with { Reason = SkipReason.Suppressed }, CancellationToken.None);

        Assert.Equal([skip], await skips.ListAsync(skip.At.AddDays(-1), skip.At.AddDays(1), CancellationToken.None).ToListAsync());
    }
}
