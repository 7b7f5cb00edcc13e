namespace CxBot.Domain.Customers;

/// <summary>How a survey holds a customer's suppression window.</summary>
public enum SuppressionHold
{
    /// <summary>Scheduled, not delivered yet; held until the reservation expires.</summary>
    Reserved,
    /// <summary>Delivered; holds the window from the delivery on.</summary>
    Confirmed,
}

/// <summary>The stored state of a <see cref="SuppressionWindow"/> (storage adapters only).</summary>
/// <param name="SurveyId">The survey holding the window.</param>
/// <param name="Hold">How it holds it.</param>
/// <param name="At">When it was reserved (<see cref="SuppressionHold.Reserved"/>) or delivered (<see cref="SuppressionHold.Confirmed"/>).</param>
/// <param name="ReservedUntil">When an unconfirmed reservation stops holding the window.</param>
public sealed record SuppressionState(string SurveyId, SuppressionHold Hold, DateTimeOffset At, DateTimeOffset ReservedUntil);

/// <summary>
/// The one slot that keeps a customer from getting two surveys within the suppression window. A survey reserves it
/// when it is scheduled, confirms it when it is delivered, and releases it when it is not delivered (so an undelivered
/// survey does not silence the customer). An unconfirmed reservation expires by itself, so a survey lost between
/// scheduling and delivery blocks the customer for a bounded time only. The store writes it conditioned on its ETag,
/// which makes <see cref="Reserve"/> hold across app instances.
/// </summary>
public sealed class SuppressionWindow
{
    private SuppressionWindow(string customerKey) => CustomerKey = customerKey;

    /// <summary>The customer.</summary>
    public string CustomerKey { get; }

    /// <summary>The survey holding (or last holding) the window; null when it was never held or was released.</summary>
    public SuppressionState? State { get; private set; }

    /// <summary>Concurrency token of the stored row; null when not stored yet.</summary>
    public string? ETag { get; private set; }

    /// <summary>A customer never surveyed.</summary>
    public static SuppressionWindow Free(string customerKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerKey);
        return new SuppressionWindow(customerKey);
    }

    /// <summary>Rebuilds the stored window (storage adapters only).</summary>
    public static SuppressionWindow Restore(string customerKey, SuppressionState? state, string etag)
    {
        var window = Free(customerKey);
        window.State = state;
        window.MarkStored(etag);
        return window;
    }

    /// <summary>Records the ETag the store gave the written row (storage adapters only).</summary>
    public void MarkStored(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        ETag = etag;
    }

    /// <summary>
    /// True when a survey other than <paramref name="surveyId"/> holds the window at <paramref name="at"/>: an unexpired
    /// reservation, or a delivery less than <paramref name="window"/> ago.
    /// </summary>
    public bool IsHeldAgainst(string surveyId, DateTimeOffset at, TimeSpan window) => State switch
    {
        null => false,
        { } s when string.Equals(s.SurveyId, surveyId, StringComparison.Ordinal) => false,
        { Hold: SuppressionHold.Reserved } s => at < s.ReservedUntil,
        { } s => at < s.At + window,
    };

    /// <summary>
    /// Reserves the window for <paramref name="surveyId"/> until <paramref name="at"/> + <paramref name="holdFor"/>.
    /// Reserving again for the survey already holding it changes nothing (a retried contact maps to the same survey).
    /// </summary>
    /// <returns>False when nothing changed.</returns>
    /// <exception cref="DomainConflictException"><see cref="ConflictReason.Suppressed"/> when another survey holds the window.</exception>
    public bool Reserve(string surveyId, DateTimeOffset at, TimeSpan window, TimeSpan holdFor)
    {
        ArgumentException.ThrowIfNullOrEmpty(surveyId);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(holdFor, TimeSpan.Zero);
        if (IsHeldAgainst(surveyId, at, window))
        {
            throw new DomainConflictException(ConflictReason.Suppressed,
                $"Customer {CustomerKey} is suppressed by survey {State!.SurveyId} ({State.Hold}).");
        }

        if (IsHeldBy(surveyId))
        {
            return false;
        }

        State = new SuppressionState(surveyId, SuppressionHold.Reserved, at, at + holdFor);
        return true;
    }

    /// <summary>
    /// The survey was delivered at <paramref name="at"/>: the window runs from then. A survey whose reservation was
    /// released or taken over by another (after it expired) confirms only when the slot is free again; otherwise it
    /// leaves the current holder in place.
    /// </summary>
    /// <returns>False when nothing changed.</returns>
    public bool Confirm(string surveyId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(surveyId);
        if (State is { Hold: SuppressionHold.Confirmed } confirmed && confirmed.SurveyId == surveyId)
        {
            return false;
        }

        if (State is { Hold: SuppressionHold.Reserved } reserved && reserved.SurveyId != surveyId && at < reserved.ReservedUntil)
        {
            return false;
        }

        if (State is { Hold: SuppressionHold.Confirmed } other && other.At >= at)
        {
            return false;
        }

        State = new SuppressionState(surveyId, SuppressionHold.Confirmed, at, at);
        return true;
    }

    /// <summary>The survey will not be delivered (undeliverable or skipped): frees its reservation. A window held by
    /// another survey, or confirmed by this one, is left alone.</summary>
    /// <returns>False when nothing changed.</returns>
    public bool Release(string surveyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(surveyId);
        if (State is not { Hold: SuppressionHold.Reserved } s || s.SurveyId != surveyId)
        {
            return false;
        }

        State = null;
        return true;
    }

    /// <summary>
    /// How long a reservation holds without a confirmation: the delay before the survey is sent, plus an hour per
    /// allowed send attempt (the longest pause between attempts), plus an hour for the sends themselves. Long enough for
    /// the dispatcher to deliver or give up; short enough that a survey lost in between does not silence the customer.
    /// </summary>
    public static TimeSpan ReservationLifetime(TimeSpan delay, int maxAttempts) =>
        (delay > TimeSpan.Zero ? delay : TimeSpan.Zero) + TimeSpan.FromHours(Math.Max(1, maxAttempts) + 1);

    private bool IsHeldBy(string surveyId) => State is { } s && string.Equals(s.SurveyId, surveyId, StringComparison.Ordinal);
}

/// <summary>The suppression windows, one per customer. Writes are conditioned on the row's ETag.</summary>
public interface ISuppressionWindows
{
    /// <summary>The customer's window; <see cref="SuppressionWindow.Free"/> when none is stored.</summary>
    Task<SuppressionWindow> GetAsync(string customerKey, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the window, applies <paramref name="change"/> and writes it conditioned on the ETag read (an insert when there
    /// is no row). When another writer got there first, reads it again and re-applies <paramref name="change"/>, so its
    /// guards see the winner's state. An exception from <paramref name="change"/> propagates and nothing is written.
    /// </summary>
    /// <param name="change">Changes the window; returns false when there is nothing to write.</param>
    /// <returns>The window as stored.</returns>
    Task<SuppressionWindow> ChangeAsync(string customerKey, Func<SuppressionWindow, bool> change, CancellationToken cancellationToken);
}
