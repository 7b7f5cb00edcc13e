using CxBot.Domain.Customers;
using static CxBot.Domain.Tests.Builders;

namespace CxBot.Domain.Tests.Customers;

public sealed class SuppressionWindowTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan Hold = TimeSpan.FromHours(6);

    [Fact]
    public void Reserve_FreeWindow_HoldsItForTheSurveyUntilTheReservationExpires()
    {
        var window = FreeWindow();

        Assert.True(window.Reserve("survey-a", Now, Week, Hold));

        Assert.Equal(new SuppressionState("survey-a", SuppressionHold.Reserved, Now, Now + Hold), window.State);
        Assert.True(window.IsHeldAgainst("survey-b", Now + Hold - TimeSpan.FromTicks(1), Week));
    }

    [Fact]
    public void Reserve_HeldByAnotherSurveysReservation_IsRefusedAsSuppressed()
    {
        var window = FreeWindow();
        window.Reserve("survey-a", Now, Week, Hold);

        var refused = Assert.Throws<DomainConflictException>(() => window.Reserve("survey-b", Now.AddMinutes(1), Week, Hold));

        Assert.Equal(ConflictReason.Suppressed, refused.Reason);
        Assert.Equal("survey-a", window.State!.SurveyId);
    }

    [Fact]
    public void Reserve_AgainForTheSameSurvey_ChangesNothing()
    {
        var window = FreeWindow();
        window.Reserve("survey-a", Now, Week, Hold);

        Assert.False(window.Reserve("survey-a", Now.AddMinutes(5), Week, Hold));
        Assert.Equal(Now + Hold, window.State!.ReservedUntil);
    }

    [Fact]
    public void Reserve_AfterAnotherReservationExpired_TakesTheWindow()
    {
        var window = FreeWindow();
        window.Reserve("survey-a", Now, Week, Hold);

        Assert.True(window.Reserve("survey-b", Now + Hold, Week, Hold));
        Assert.Equal("survey-b", window.State!.SurveyId);
    }

    [Fact]
    public void Reserve_AnotherSurveyDeliveredWithinTheWindow_IsRefused_AndAfterTheWindowTakesIt()
    {
        var window = FreeWindow();
        window.Reserve("survey-a", Now, Week, Hold);
        window.Confirm("survey-a", Now.AddHours(1));

        // The reservation would have expired; the delivery holds the window for a week from the delivery.
        var refused = Assert.Throws<DomainConflictException>(() => window.Reserve("survey-b", Now.AddDays(7), Week, Hold));
        Assert.Equal(ConflictReason.Suppressed, refused.Reason);
        Assert.True(window.Reserve("survey-b", Now.AddHours(1) + Week, Week, Hold));
    }

    [Fact]
    public void Confirm_TheReservingSurvey_HoldsTheWindowFromTheDelivery()
    {
        var window = FreeWindow();
        window.Reserve("survey-a", Now, Week, Hold);

        Assert.True(window.Confirm("survey-a", Now.AddHours(2)));
        Assert.False(window.Confirm("survey-a", Now.AddHours(3)));

        Assert.Equal(SuppressionHold.Confirmed, window.State!.Hold);
        Assert.Equal(Now.AddHours(2), window.State.At);
    }

    [Fact]
    public void Confirm_WhileAnotherSurveyHoldsAnUnexpiredReservation_LeavesItInPlace()
    {
        var window = FreeWindow();
        window.Reserve("survey-b", Now, Week, Hold);

        Assert.False(window.Confirm("survey-a", Now.AddHours(1)));
        Assert.Equal("survey-b", window.State!.SurveyId);
    }

    [Fact]
    public void Release_TheReservingSurvey_FreesTheWindowForTheNextContact()
    {
        var window = FreeWindow();
        window.Reserve("survey-a", Now, Week, Hold);

        Assert.True(window.Release("survey-a"));

        Assert.Null(window.State);
        Assert.True(window.Reserve("survey-b", Now.AddMinutes(1), Week, Hold));
    }

    [Fact]
    public void Release_ByAnotherSurvey_OrAfterDelivery_ChangesNothing()
    {
        var reserved = FreeWindow();
        reserved.Reserve("survey-a", Now, Week, Hold);
        var delivered = FreeWindow();
        delivered.Reserve("survey-a", Now, Week, Hold);
        delivered.Confirm("survey-a", Now.AddHours(1));

        Assert.False(reserved.Release("survey-b"));
        Assert.False(delivered.Release("survey-a"));
        Assert.Equal("survey-a", reserved.State!.SurveyId);
        Assert.Equal(SuppressionHold.Confirmed, delivered.State!.Hold);
    }

    [Fact]
    public void ReservationLifetime_CoversTheDelayAndAnHourPerAttemptPlusOne()
    {
        Assert.Equal(TimeSpan.FromMinutes(30) + TimeSpan.FromHours(6), SuppressionWindow.ReservationLifetime(TimeSpan.FromMinutes(30), 5));
        Assert.Equal(TimeSpan.FromHours(2), SuppressionWindow.ReservationLifetime(TimeSpan.FromMinutes(-3), 1));
    }
}
