using CxBot.Domain.Insights;

namespace CxBot.Domain.Tests.Insights;

public sealed class ResponseMarkWindowTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    [Theory]
    [InlineData(7, 0, 9)]
    [InlineData(7, 1, 10)]
    [InlineData(7, 1440, 10)]
    [InlineData(7, 1441, 11)]
    [InlineData(1, 0, 3)]
    public void WrittenDays_AreTheAnswerTimeAndTheDelayInDays_PlusTwo(int expiryDays, int delayMinutes, int expected) =>
        Assert.Equal(expected, ResponseMarkWindow.For(expiryDays, delayMinutes).WrittenDays);

    [Fact]
    public void AnAnswerMarksBesideItsResponse_OnlyForTodayAndTheWrittenDaysBefore()
    {
        var window = ResponseMarkWindow.For(7, 0);

        Assert.True(window.MarksBesideResponse(Today, Today));
        Assert.True(window.MarksBesideResponse(Today.AddDays(-9), Today));
        Assert.False(window.MarksBesideResponse(Today.AddDays(-10), Today));
        Assert.False(window.MarksBesideResponse(Today.AddDays(1), Today));
    }

    [Fact]
    public void TheListedDays_CoverEveryWrittenDayForAWeekAfter_AndTomorrow()
    {
        var window = ResponseMarkWindow.For(7, 0);

        var listed = window.ListedDays(Today).ToList();

        Assert.Equal(Today.AddDays(-9 - ResponseMarkWindow.ListingGraceDays), listed[0]);
        Assert.Equal(Today.AddDays(1), listed[^1]);
        Assert.Equal(9 + ResponseMarkWindow.ListingGraceDays + 2, listed.Count);
        // A mark written on its last possible day is still listed a week later.
        Assert.Contains(Today.AddDays(-9), window.ListedDays(Today.AddDays(ResponseMarkWindow.ListingGraceDays)));
    }
}
