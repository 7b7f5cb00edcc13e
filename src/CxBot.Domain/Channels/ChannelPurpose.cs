namespace CxBot.Domain.Channels;

/// <summary>What a team channel is designated for.</summary>
public enum ChannelPurpose
{
    /// <summary>Service-recovery follow-ups.</summary>
    FollowUps,
    /// <summary>Agents' customer signals and their alerts.</summary>
    Signals,
    /// <summary>Daily and weekly digests.</summary>
    Digests,
    /// <summary>Published learnings.</summary>
    Learnings,
}

/// <summary>The purposes as a list.</summary>
public static class ChannelPurposes
{
    /// <summary>Every purpose, in declaration order (what the legacy "use this channel for alerts" designates).</summary>
    public static IReadOnlyList<ChannelPurpose> All { get; } = Enum.GetValues<ChannelPurpose>();
}
