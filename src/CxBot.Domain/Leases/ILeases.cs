namespace CxBot.Domain.Leases;

/// <summary>A named lease held by one app instance until <see cref="ExpiresAt"/> unless renewed.</summary>
/// <param name="Name">What is leased, e.g. <c>outbox-dispatcher</c>.</param>
/// <param name="Owner">The holding instance.</param>
/// <param name="ExpiresAt">When others may take it.</param>
public sealed record Lease(string Name, string Owner, DateTimeOffset ExpiresAt)
{
    /// <summary>The stored version; a renewal or release is conditioned on it.</summary>
    public string? ETag { get; init; }
}

/// <summary>
/// Leases shared by every app instance on one storage account: at most one instance holds a name at a time, so work that
/// must run once per deployment (the outbox dispatcher, digests, the roster sync) runs on the holder only.
/// </summary>
public interface ILeases
{
    /// <summary>Takes the lease when it is free, expired, or already <paramref name="owner"/>'s; null when another holds it.</summary>
    Task<Lease?> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends a held lease; null when it was lost (taken or released meanwhile).</summary>
    Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up so another instance can take it at once; a lease already lost is left alone.</summary>
    Task ReleaseAsync(Lease lease, CancellationToken cancellationToken);
}
