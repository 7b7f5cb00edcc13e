namespace CxBot.Domain.Customers;

/// <summary>What a customer chose and when they were last surveyed.</summary>
/// <param name="CustomerKey">The customer's key.</param>
/// <param name="OptedOut">True after stop, false after start.</param>
/// <param name="OptedOutAt">When they last typed stop.</param>
/// <param name="LastSurveyedAt">When a survey was last scheduled for them (suppression window).</param>
public sealed record CustomerPreferences(string CustomerKey, bool OptedOut, DateTimeOffset? OptedOutAt, DateTimeOffset? LastSurveyedAt)
{
    /// <summary>Nothing known about the customer.</summary>
    public static CustomerPreferences None(string customerKey) => new(customerKey, false, null, null);
}

/// <summary>Customer preferences store.</summary>
public interface ICustomerPreferencesStore
{
    /// <summary>The preferences, or <see cref="CustomerPreferences.None"/>.</summary>
    Task<CustomerPreferences> GetAsync(string customerKey, CancellationToken cancellationToken);

    /// <summary>Sets or clears the opt-out.</summary>
    Task SetOptOutAsync(string customerKey, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records that a survey was scheduled for the customer.</summary>
    Task MarkSurveyedAsync(string customerKey, DateTimeOffset at, CancellationToken cancellationToken);
}
