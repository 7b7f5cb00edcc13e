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
