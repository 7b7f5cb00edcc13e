namespace CxBot.Domain.Customers;

/// <summary>What a customer chose about surveys. The suppression window is kept apart: <see cref="SuppressionWindow"/>.</summary>
/// <param name="CustomerKey">The customer's key.</param>
/// <param name="OptedOut">True after stop, false after start.</param>
/// <param name="OptedOutAt">When they last typed stop.</param>
/// <param name="OptChangedAt">When stop or start was last applied.</param>
public sealed record CustomerPreferences(string CustomerKey, bool OptedOut, DateTimeOffset? OptedOutAt, DateTimeOffset? OptChangedAt)
{
    /// <summary>Nothing known about the customer.</summary>
    public static CustomerPreferences None(string customerKey) => new(customerKey, false, null, null);

    /// <summary>
    /// Applies a stop (<paramref name="optedOut"/> true) or start given at <paramref name="at"/>. The newest change wins:
    /// a command no newer than the last one applied (one that arrived late, or a repeat) changes nothing, so it cannot
    /// undo a newer stop or start.
    /// </summary>
    /// <returns>The changed preferences, or this instance when nothing changes.</returns>
    public CustomerPreferences WithOptOut(bool optedOut, DateTimeOffset at) =>
        OptChangedAt >= at
            ? this
            : this with { OptedOut = optedOut, OptChangedAt = at, OptedOutAt = optedOut ? at : OptedOutAt };
}

/// <summary>Customer preferences store.</summary>
public interface ICustomerPreferencesStore
{
    /// <summary>The preferences, or <see cref="CustomerPreferences.None"/>.</summary>
    Task<CustomerPreferences> GetAsync(string customerKey, CancellationToken cancellationToken);

    /// <summary>Applies <see cref="CustomerPreferences.WithOptOut"/> to the stored preferences.</summary>
    Task SetOptOutAsync(string customerKey, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken);
}
