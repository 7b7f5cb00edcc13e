using CxBot.Domain.Customers;

namespace CxBot.Domain.Surveys;

/// <summary>Decides whether an ended contact gets a survey.</summary>
public static class EligibilityPolicy
{
    /// <summary>
    /// Null when the contact gets a survey; otherwise the first reason that applies, in this order:
    /// idle timeout, opted out, <paramref name="suppression"/> held by another survey within
    /// <paramref name="suppressionWindow"/>, not sampled. The suppression seen here is a read: only the reservation
    /// (<see cref="SuppressionWindow.Reserve"/>, written conditionally) settles it when instances race.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative window or a rate outside [0, 1].</exception>
    public static SkipReason? Decide(ContactEnded contact, CustomerPreferences prefs, SuppressionWindow suppression,
        TimeSpan suppressionWindow, double samplingRate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(prefs);
        ArgumentNullException.ThrowIfNull(suppression);
        ArgumentOutOfRangeException.ThrowIfLessThan(suppressionWindow, TimeSpan.Zero);
        Sampling.ThrowIfInvalidRate(samplingRate, nameof(samplingRate));

        if (IsIdleTimeout(contact.EndReason))
        {
            return SkipReason.IdleTimeout;
        }

        if (prefs.OptedOut)
        {
            return SkipReason.OptedOut;
        }

        if (suppression.IsHeldAgainst(SurveyIds.For(contact.ContactId), now, suppressionWindow))
        {
            return SkipReason.Suppressed;
        }

        return Sampling.IsSampled(contact.ContactId, samplingRate) ? null : SkipReason.NotSampled;
    }

    /// <summary>True for <c>idle-timeout</c>, <c>idle_timeout</c>, <c>idletimeout</c> in any case.</summary>
    public static bool IsIdleTimeout(string? endReason)
    {
        if (string.IsNullOrWhiteSpace(endReason))
        {
            return false;
        }

        var reason = endReason.Trim();
        return reason.Equals("idle-timeout", StringComparison.OrdinalIgnoreCase)
            || reason.Equals("idle_timeout", StringComparison.OrdinalIgnoreCase)
            || reason.Equals("idletimeout", StringComparison.OrdinalIgnoreCase);
    }
}
