using CxBot.Domain.Signals;

namespace CxBot.Storage.Signals;

/// <summary>The partitions of <c>SignalIndex</c>: which lists a signal is in, and where each list's entries live.</summary>
internal static class SignalLists
{
    /// <summary>A tenant's open signals (new, triaged, in action): status changes among them keep the entry's key.</summary>
    public static string Open(string? tenantId) => TableKeys.Join("open", Tenant(tenantId));

    /// <summary>A tenant's closed and withdrawn signals.</summary>
    public static string Done(string? tenantId) => TableKeys.Join("done", Tenant(tenantId));

    /// <summary>What one person logged in a tenant; the entry never moves.</summary>
    public static string Reporter(string? tenantId, string objectId) => TableKeys.Join("by", Tenant(tenantId), objectId.ToLowerInvariant());

    /// <summary>The status list a signal of <paramref name="status"/> is in.</summary>
    public static string ForStatus(string? tenantId, SignalStatus status) =>
        status is SignalStatus.Closed or SignalStatus.Withdrawn ? Done(tenantId) : Open(tenantId);

    /// <summary>The entry's row key: newest first, the id keeps two signals of one tick apart.</summary>
    public static string RowKey(DateTimeOffset reportedAt, string signalId) => TableKeys.Join(TableKeys.InvertedTicks(reportedAt), signalId);

    /// <summary>Row keys of entries reported before <paramref name="to"/> are at least this.</summary>
    public static string FirstRowBefore(DateTimeOffset to) => TableKeys.InvertedTicks(to.AddTicks(-1));

    /// <summary>Row keys of entries reported at or after <paramref name="from"/> are below this.</summary>
    public static string EndOfRowsFrom(DateTimeOffset from) => TableKeys.InvertedTicks(from.AddTicks(-1));

    private static string Tenant(string? tenantId) => string.IsNullOrWhiteSpace(tenantId) ? "-" : tenantId.Trim().ToLowerInvariant();
}
