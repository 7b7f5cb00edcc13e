using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Storage.Insights;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Insights;

/// <summary><c>ReportTotals</c> as one row per scope and month with a column per day, and the day's scope index in
/// <c>ReportDays</c>: rewrites, emptied days, days longer than one column, and the Table service's limits.</summary>
[Collection(StorageCollection.Name)]
public sealed class ReportTotalsLayoutTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Day = new(2026, 11, 5);
    private static readonly ReportScope Billing = ReportScope.ForQueue("billing");
    private static readonly ReportScope Sales = ReportScope.ForQueue("sales");

    private static ScopedTallies Counts(params (ReportScope Scope, string Name, long Count)[] counts)
    {
        var tallies = new ScopedTallies();
        foreach (var (scope, name, count) in counts)
        {
            tallies.Add([scope], name, count);
        }

        return tallies;
    }

    // Names long enough that the day's JSON outgrows one column (and its fair share of the month's row).
    private static ScopedTallies Long(ReportScope scope, int names) =>
        Counts([.. Enumerable.Range(0, names).Select(i => (scope, $"signals.complaint.topic.{i:D6}-{new string('x', 20)}", (long)i + 1))]);

    [Fact]
    public async Task ADayRewrittenWithFewerScopes_KeepsOnlyTheScopesCountedNow_AndLeavesTheOtherDaysOfTheMonth()
    {
        await using var storage = await TestStorage.CreateAsync(azurite, "TotalsFewer");
        var totals = storage.Get<IReportTotalsStore>();
        await totals.ReplaceDayAsync(Day.AddDays(1), Counts((Sales, "responses", 7)), None);
        await totals.ReplaceDayAsync(Day, Counts((ReportScope.All, "responses", 3), (Billing, "responses", 2), (Sales, "responses", 1)), None);

        await totals.ReplaceDayAsync(Day, Counts((ReportScope.All, "responses", 2), (Billing, "responses", 2)), None);

        var day = await totals.ReadDayAsync(Day, None);
        Assert.Equal([ReportScope.All, Billing], day.ByScope.Keys.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Equal(2, day.For(ReportScope.All)["responses"]);
        var sales = await totals.ReadAsync(Sales, Day.AddDays(-30), Day.AddDays(30), None);
        Assert.Equal([Day.AddDays(1)], sales.Select(d => d.Day));
        Assert.Equal(7, sales[0].Counts["responses"]);
    }

    [Fact]
    public async Task AnEmptiedDay_ReadsAsNoCounts_AndIsNoLongerListed()
    {
        await using var storage = await TestStorage.CreateAsync(azurite, "TotalsEmptied");
        var totals = storage.Get<IReportTotalsStore>();
        await totals.ReplaceDayAsync(Day, Counts((Billing, "responses", 2)), None);
        await totals.ReplaceDayAsync(Day.AddDays(2), Counts((Billing, "responses", 5)), None);

        await totals.ReplaceDayAsync(Day, new ScopedTallies(), None);

        Assert.Empty((await totals.ReadDayAsync(Day, None)).ByScope);
        Assert.Equal([Day.AddDays(2)], (await totals.ReadAsync(Billing, Day, Day.AddDays(9), None)).Select(d => d.Day));
        Assert.Equal([Day.AddDays(2)], await totals.DaysAsync(Day.AddDays(-9), Day.AddDays(9), None).ToListAsync());
    }

    [Fact]
    public async Task APeriodAcrossMonths_ReadsEveryDayOfItOnly()
    {
        await using var storage = await TestStorage.CreateAsync(azurite, "TotalsMonths");
        var totals = storage.Get<IReportTotalsStore>();
        var days = new[] { new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2) };
        foreach (var day in days)
        {
            await totals.ReplaceDayAsync(day, Counts((Billing, "responses", day.Day)), None);
        }

        var read = await totals.ReadAsync(Billing, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), None);

        Assert.Equal(days[1..4], read.Select(d => d.Day));
        Assert.Equal([1L, 31, 1], read.Select(d => d.Counts["responses"]));
    }

    [Fact]
    public async Task ADayLongerThanOneColumn_IsContinued_AndReadsBackWhole_EvenAfterItShrinks()
    {
        await using var storage = await TestStorage.CreateAsync(azurite, "TotalsLong");
        var totals = storage.Get<IReportTotalsStore>();
        var counts = Long(Billing, 2_000);

        await totals.ReplaceDayAsync(Day, counts, None);

        var row = (await new TableClient(azurite.ConnectionString, storage.Names.ReportTotals).GetEntityAsync<TableEntity>("q~billing", "202611")).Value;
        Assert.NotNull(row.GetString("D05_1"));
        Assert.Equal(counts.For(Billing).ToString(), (await totals.ReadAsync(Billing, Day, Day, None)).Single().Counts.ToString());
        Assert.Equal(counts.For(Billing).ToString(), (await totals.ReadDayAsync(Day, None)).For(Billing).ToString());

        await totals.ReplaceDayAsync(Day, Counts((Billing, "responses", 1)), None);

        Assert.Equal("responses=1", (await totals.ReadAsync(Billing, Day, Day, None)).Single().Counts.ToString());
    }

    [Fact]
    public async Task CountsTheMonthsRowCannotHold_AreRefusedWithAClearException_AndTheStoredDaysStay()
    {
        await using var storage = await TestStorage.CreateAsync(azurite, "TotalsLimit");
        var totals = storage.Get<IReportTotalsStore>();
        // About 430,000 characters (860 KB) a day: one such day fits, two exceed the row's 1 MiB.
        await totals.ReplaceDayAsync(Day, Long(Billing, 7_000), None);

        var refused = await Assert.ThrowsAsync<ReportTotalsLimitException>(() => totals.ReplaceDayAsync(Day.AddDays(1), Long(Billing, 7_000), None));

        Assert.Contains("q~billing", refused.Message, StringComparison.Ordinal);
        Assert.Equal([Day], (await totals.ReadAsync(Billing, Day, Day.AddDays(1), None)).Select(d => d.Day));
        await Assert.ThrowsAsync<ReportTotalsLimitException>(() => totals.ReplaceDayAsync(Day.AddDays(2), Long(Sales, 20_000), None));
    }
}
