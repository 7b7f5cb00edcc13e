using System.Globalization;
using CxBot.Cards;

namespace CxBot.App.Surveys.Cards;

/// <summary>What the customer may expect after answering; the thank-you card promises exactly this and no more.</summary>
public enum FollowUpPromise
{
    /// <summary>No follow-up was created: thanks only.</summary>
    None,
    /// <summary>A follow-up without consent to contact: the team looks into it and does not contact the customer.</summary>
    ReviewWithoutContact,
    /// <summary>A call-back task was created: someone contacts the customer within the due time.</summary>
    CallBack,
}

/// <summary>The card that replaces the survey once it is answered.</summary>
public static class ThankYouCard
{
    /// <summary>Builds the card.</summary>
    /// <param name="promise">What was created for this answer.</param>
    /// <param name="culture">The customer's culture.</param>
    /// <param name="callBackWithinHours">The follow-up's due time in hours; required (at least 1) for <see cref="FollowUpPromise.CallBack"/>.</param>
    public static AdaptiveCard Build(FollowUpPromise promise, CultureInfo culture, int callBackWithinHours = 0)
    {
        var strings = SurveyCard.Strings;
        var text = promise switch
        {
            FollowUpPromise.None => strings.Get("ThankYou.Text", culture),
            FollowUpPromise.ReviewWithoutContact => strings.Get("ThankYou.Review", culture),
            FollowUpPromise.CallBack when callBackWithinHours == 1 => strings.Get("ThankYou.CallBackOneHour", culture),
            FollowUpPromise.CallBack when callBackWithinHours > 1 => strings.Format("ThankYou.CallBack", culture, callBackWithinHours),
            FollowUpPromise.CallBack => throw new ArgumentOutOfRangeException(nameof(callBackWithinHours), callBackWithinHours, "A call-back promise needs its due time."),
            _ => throw new ArgumentOutOfRangeException(nameof(promise), promise, "Unknown promise."),
        };
        return SurveyMessageCard.Build(strings.Get("ThankYou.Title", culture), text, culture);
    }
}
