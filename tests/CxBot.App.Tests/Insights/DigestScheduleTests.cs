using CxBot.App.Insights.Digests;
using CxBot.Domain.Insights;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.App.Tests.Insights;

/// <summary>When digests are due: the local hour in the reporting zone across daylight saving time, daily and weekly, and late ones within the catch-up window.</summary>
public sealed class DigestScheduleTests
{
    private static readonly ReportingCalendar Amsterdam = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));

    private static IReadOnlyList<DueDigest> DueAt(FakeTimeProvider time, DigestOptions? options = null, DateTimeOffset? notBefore = null) =>
        DigestSchedule.Due(time.GetUtcNow(), Amsterdam, options ?? new DigestOptions { CatchUpDays = 0 }, notBefore);

    private static DateOnly Day(int month, int day) => new(2026, month, day);

    [Fact]
    public void TheDailyDigest_IsDueAtEightLocal_InWinterAndInSummer()
    {
        // Winter: 08:00 in Amsterdam is 07:00 UTC.
        var winter = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 6, 59, 0, TimeSpan.Zero));
        Assert.Empty(DueAt(winter));
        winter.Advance(TimeSpan.FromMinutes(1));
        var due = Assert.Single(DueAt(winter));
        Assert.Equal(new DueDigest(DigestKind.Daily, new ReportPeriod(Day(11, 18), Day(11, 18)), new DateTimeOffset(2026, 11, 19, 7, 0, 0, TimeSpan.Zero)), due);

        // Summer: 08:00 in Amsterdam is 06:00 UTC.
        var summer = new FakeTimeProvider(new DateTimeOffset(2026, 7, 16, 5, 59, 0, TimeSpan.Zero));
        Assert.Empty(DueAt(summer));
        summer.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateTimeOffset(2026, 7, 16, 6, 0, 0, TimeSpan.Zero), Assert.Single(DueAt(summer)).DueAt);
    }

    [Fact]
    public void OnTheNightsTheClockChanges_TheDueTimeStaysAtTheLocalHour()
    {
        // 29 March 2026: clocks go from 02:00 to 03:00; 25 October 2026: from 03:00 back to 02:00.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), DigestSchedule.LocalInstant(Amsterdam.Zone, Day(3, 29), new TimeOnly(8, 0)));
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 7, 0, 0, TimeSpan.Zero), DigestSchedule.LocalInstant(Amsterdam.Zone, Day(3, 28), new TimeOnly(8, 0)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.Zero), DigestSchedule.LocalInstant(Amsterdam.Zone, Day(10, 25), new TimeOnly(8, 0)));
        // A time the clock skips is the instant it would have been; a time that happens twice is its first occurrence.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), DigestSchedule.LocalInstant(Amsterdam.Zone, Day(3, 29), new TimeOnly(2, 30)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), DigestSchedule.LocalInstant(Amsterdam.Zone, Day(10, 25), new TimeOnly(2, 30)));
    }

    [Fact]
    public void OnMonday_TheWeeklyDigestCoversLastMondayToSunday_BesideTheDaily()
    {
        var monday = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

        var due = DueAt(monday);

        Assert.Equal(
            [new ReportPeriod(Day(11, 22), Day(11, 22)), new ReportPeriod(Day(11, 16), Day(11, 22))],
            due.Select(d => d.Period));
        Assert.Equal([DigestKind.Daily, DigestKind.Weekly], due.Select(d => d.Kind));
        Assert.Equal([DigestKind.Weekly], DueAt(monday, new DigestOptions { Daily = false, CatchUpDays = 0 }).Select(d => d.Kind));
        Assert.Equal([DigestKind.Daily], DueAt(monday, new DigestOptions { Weekly = false, CatchUpDays = 0 }).Select(d => d.Kind));
    }

    [Fact]
    public void DigestsMissedDuringDowntime_AreDueLate_WithinTheCatchUpWindowOnly()
    {
        // Thursday 10:00 local; nothing ran since the weekend.
        var now = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        var due = DueAt(now, new DigestOptions { CatchUpDays = 3 });

        // Due Monday, Tuesday, Wednesday and Thursday at 08:00: Monday's is more than 3 days ago by an hour.
        Assert.Equal([Day(11, 23), Day(11, 24), Day(11, 25)], due.Select(d => d.Period.From));
        Assert.All(due, d => Assert.Equal(DigestKind.Daily, d.Kind));
        Assert.Equal(8, DueAt(now, new DigestOptions { CatchUpDays = 7 }).Count);
    }

    [Fact]
    public void AChannelDesignatedAfterADueTime_IsNotOwedThatDigest()
    {
        var now = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        var due = DueAt(now, new DigestOptions { CatchUpDays = 7 }, notBefore: new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new ReportPeriod(Day(11, 25), Day(11, 25)), Assert.Single(due).Period);
    }

    [Theory]
    [InlineData("8:00")]
    [InlineData("25:00")]
    [InlineData("morning")]
    public void ALocalTimeThatIsNotHhMm_IsRefusedAtStartup(string value)
    {
        var result = new DigestOptionsValidator().Validate(null, new DigestOptions { LocalTime = value });

        Assert.True(result.Failed);
        Assert.Contains("Digests:LocalTime", result.FailureMessage, StringComparison.Ordinal);
    }
}
