using CxBot.App.Insights.MyFeedback;
using CxBot.Domain.Insights;

namespace CxBot.App.Tests.Insights;

/// <summary>The period words of <c>my feedback</c>, and the merged comment pages of a person with several agent ids.</summary>
public sealed class FeedbackPeriodTests
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    [Theory]
    [InlineData("", 2026, 10, 22)]
    [InlineData("last 30 days", 2026, 10, 22)]
    [InlineData("Laatste 30  dagen", 2026, 10, 22)]
    [InlineData("this week", 2026, 11, 16)]
    [InlineData("DEZE WEEK", 2026, 11, 16)]
    public void PeriodWords_NameThePeriodEndingToday(string words, int year, int month, int day)
    {
        Assert.Equal(new ReportPeriod(new DateOnly(year, month, day), Friday), FeedbackPeriods.Parse(words, Friday));
    }

    [Fact]
    public void ThisWeek_OnAMonday_IsThatDayAlone()
    {
        var monday = new DateOnly(2026, 11, 16);
        Assert.Equal(new ReportPeriod(monday, monday), FeedbackPeriods.Parse("this week", monday));
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)), FeedbackPeriods.Parse("this week", new DateOnly(2026, 11, 22)));
    }

    [Theory]
    [InlineData("agent-9")]
    [InlineData("last year")]
    public void OtherWords_NameNoPeriod(string words) => Assert.Null(FeedbackPeriods.Parse(words, Friday));

    [Fact]
    public void TheTrend_IsADayPerRowUpToTwoWeeks_ElseAWeekPerRowFromMonday()
    {
        Assert.Equal(14, MyFeedbackCard.Buckets(new ReportPeriod(Friday.AddDays(-13), Friday)).Count());
        var weeks = MyFeedbackCard.Buckets(new ReportPeriod(new DateOnly(2026, 10, 22), Friday)).ToList();
        Assert.Equal((new DateOnly(2026, 10, 22), new DateOnly(2026, 10, 25)), weeks[0]);
        Assert.Equal((new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 1)), weeks[1]);
        Assert.Equal((new DateOnly(2026, 11, 16), Friday), weeks[^1]);
        Assert.Equal(5, weeks.Count);
    }

    [Fact]
    public async Task CommentsOfSeveralAgentIds_PageNewestFirst_WithoutRepeatsOrGaps()
    {
        var store = new Support.AgentResponseQueries();
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var expected = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            // Interleaved: agent-a gets 7, agent-b 4.
            expected.Add(store.Add(i % 3 == 2 || i == 10 ? "agent-b" : "agent-a", start.AddHours(i * 7), 2, $"comment {i}").SurveyId);
        }

        expected.Reverse();
        var queries = new[] { "agent-a", "agent-b" }
            .Select(a => new ResponseQuery(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), ReportScope.ForAgent(a), WithComment: true)).ToList();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await MergedPages.ReadAsync(queries, store.PageAsync, token, 3, CancellationToken.None);
            seen.AddRange(page.Items.Select(r => r.SurveyId));
            token = page.Continuation;
            Assert.True(++pages < 20, "Paging did not end.");
        }
        while (token is not null);

        Assert.Equal(expected, seen);
    }
}
