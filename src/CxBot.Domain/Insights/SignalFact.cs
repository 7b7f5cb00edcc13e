using CxBot.Domain.Signals;

namespace CxBot.Domain.Insights;

/// <summary>
/// A signal as the reports count it: its classification now, on the day it was logged, with the version of the change
/// that set it (so a late, older change is recognised). Withdrawn signals are kept (not counted) so an older change
/// arriving after the withdrawal cannot bring them back.
/// </summary>
/// <param name="Day">The day the signal was logged, in the contact center's zone.</param>
/// <param name="SignalId">The signal.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The signal's version after the change this fact reflects.</param>
/// <param name="Status">Its status.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="TopicKey">Its topic key as stored (merges resolve when reading).</param>
/// <param name="Driver">Its driver, when named.</param>
/// <param name="Gap">Its SERVQUAL gap, after triage.</param>
/// <param name="Queue">The linked contact's queue, when known.</param>
/// <param name="AgentId">The reporting agent's platform id, when known.</param>
/// <param name="Channel">The linked contact's channel, when known.</param>
public sealed record SignalFact(
    DateOnly Day,
    string SignalId,
    string? TenantId,
    int Version,
    SignalStatus Status,
    SignalKind Kind,
    string TopicKey,
    string? Driver,
    ServiceGap? Gap,
    string? Queue,
    string? AgentId,
    string? Channel)
{
    /// <summary>False for a withdrawn signal: it counts nowhere.</summary>
    public bool Counted => Status != SignalStatus.Withdrawn;

    /// <summary>The signal as <paramref name="change"/> left it.</summary>
    public static SignalFact Of(SignalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var after = change.After;
        return new(after.ReportingDay, change.SignalId, change.TenantId, change.Version, after.Status, after.Kind, after.TopicKey,
            after.Driver, after.Gap, after.Queue, after.AgentId, after.Channel);
    }

    /// <summary>True when this fact is newer than <paramref name="stored"/> (or there is none) and should replace it.</summary>
    public bool Supersedes(SignalFact? stored) => stored is null || Version > stored.Version;

    /// <summary>Adds the signal's counts by kind, topic, driver and gap to its scopes; nothing when withdrawn.</summary>
    public void CountInto(ScopedTallies into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (!Counted)
        {
            return;
        }

        var scopes = ReportScope.Of(Queue, AgentId, Channel);
        var kind = SignalKinds.Of(Kind).Key;
        into.Add(scopes, TallyNames.Signals(kind));
        into.Add(scopes, TallyNames.SignalsByTopic(kind, TopicKey));
        into.Add(scopes, TallyNames.SignalsByDriver(kind, Driver));
        into.Add(scopes, TallyNames.SignalsByGap(kind, Gap is { } gap ? TallyKeys.Of(gap) : null));
    }
}
