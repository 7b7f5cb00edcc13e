using System.Globalization;
using CxBot.Domain.Insights;

namespace CxBot.Domain.Tests.Insights;

public sealed class ReportPeriodParserTests
{
    // Friday.
    private static readonly DateOnly Friday = new(2026, 11, 20);

    [Theory]
    [InlineData("today", "2026-11-20", "2026-11-20")]
    [InlineData("vandaag", "2026-11-20", "2026-11-20")]
    [InlineData("yesterday", "2026-11-19", "2026-11-19")]
    [InlineData("gisteren", "2026-11-19", "2026-11-19")]
    [InlineData("this week", "2026-11-16", "2026-11-20")]
    [InlineData("deze week", "2026-11-16", "2026-11-20")]
    [InlineData("last week", "2026-11-09", "2026-11-15")]
    [InlineData("vorige week", "2026-11-09", "2026-11-15")]
    [InlineData("last 7 days", "2026-11-14", "2026-11-20")]
    [InlineData("afgelopen 7 dagen", "2026-11-14", "2026-11-20")]
    [InlineData("laatste 7 dagen", "2026-11-14", "2026-11-20")]
    [InlineData("last 30 days", "2026-10-22", "2026-11-20")]
    [InlineData("afgelopen 30 dagen", "2026-10-22", "2026-11-20")]
    [InlineData("last 90 days", "2026-08-23", "2026-11-20")]
    [InlineData("laatste 90 dagen", "2026-08-23", "2026-11-20")]
    [InlineData("this month", "2026-11-01", "2026-11-20")]
    [InlineData("deze maand", "2026-11-01", "2026-11-20")]
    [InlineData("last month", "2026-10-01", "2026-10-31")]
    [InlineData("vorige maand", "2026-10-01", "2026-10-31")]
    [InlineData("2026-11-01..2026-11-30", "2026-11-01", "2026-11-30")]
    [InlineData("Last  Week", "2026-11-09", "2026-11-15")]
    public void EachKeyword_InEitherLanguage_IsTheRightPeriod(string words, string from, string to)
    {
        var reading = ReportPeriodParser.Read(words, Friday);

        Assert.Equal(new ReportPeriod(Day(from), Day(to)), reading.Period);
    }

    [Theory]
    [InlineData("2026-03-01", "this week", "2026-02-23", "2026-03-01")] // a Sunday ends the week that began on Monday
    [InlineData("2026-03-02", "this week", "2026-03-02", "2026-03-02")] // a Monday starts one
    [InlineData("2026-03-02", "last week", "2026-02-23", "2026-03-01")]
    [InlineData("2026-03-01", "last month", "2026-02-01", "2026-02-28")]
    [InlineData("2024-03-01", "vorige maand", "2024-02-01", "2024-02-29")]
    [InlineData("2026-01-01", "last month", "2025-12-01", "2025-12-31")]
    [InlineData("2026-01-01", "gisteren", "2025-12-31", "2025-12-31")]
    [InlineData("2026-01-01", "this week", "2025-12-29", "2026-01-01")]
    [InlineData("2026-03-01", "last 7 days", "2026-02-23", "2026-03-01")]
    public void WeeksStartOnMonday_AndMonthsEndWhereTheyEnd(string today, string words, string from, string to)
    {
        var reading = ReportPeriodParser.Read(words, Day(today));

        Assert.Equal(new ReportPeriod(Day(from), Day(to)), reading.Period);
    }

    [Theory]
    [InlineData("2026-11-30..2026-11-01", SummaryFilterProblem.RangeEndsBeforeStart)]
    [InlineData("2026-02-30..2026-03-01", SummaryFilterProblem.InvalidRange)]
    [InlineData("2026-11-01..", SummaryFilterProblem.InvalidRange)]
    [InlineData("1-11-2026..30-11-2026", SummaryFilterProblem.InvalidRange)]
    [InlineData("2026-11-01..2026-11-02..2026-11-03", SummaryFilterProblem.InvalidRange)]
    [InlineData("2025-01-01..2026-11-30", SummaryFilterProblem.PeriodTooLong)]
    [InlineData("last 400 days", SummaryFilterProblem.PeriodTooLong)]
    public void ARangeThatCannotBeUsed_SaysWhy(string words, SummaryFilterProblem problem)
    {
        var reading = ReportPeriodParser.Read(words, Friday);

        Assert.Null(reading.Period);
        Assert.Equal(problem, reading.Error);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("week")]
    [InlineData("billing")]
    public void OtherWords_AreNotAPeriod(string words) => Assert.False(ReportPeriodParser.Read(words, Friday).Matched);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void TheLastSevenDays_ComparedWithTheSevenBefore()
    {
        var period = ReportPeriodParser.Read("last 7 days", Friday).Period!;

        Assert.Equal(new ReportPeriod(new DateOnly(2026, 11, 7), new DateOnly(2026, 11, 13)), period.Previous);
    }

    [Fact]
    public void LastMonth_ComparedWithTheSameNumberOfDaysJustBefore()
    {
        var period = ReportPeriodParser.Read("last month", Friday).Period!;

        Assert.Equal(new ReportPeriod(new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 30)), period.Previous);
    }
}
