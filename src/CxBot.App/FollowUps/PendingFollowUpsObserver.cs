using CxBot.App.Channels;
using CxBot.Domain.Channels;

namespace CxBot.App.FollowUps;

/// <summary>A new follow-ups channel gets the cards that were waiting for one (each goes to its own tenant's channel).</summary>
public sealed class PendingFollowUpsObserver(FollowUpService followUps) : IChannelDesignationObserver
{
    /// <inheritdoc />
    public async Task OnDesignatedAsync(ChannelDesignation designation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(designation);
        if (designation.Purpose == ChannelPurpose.FollowUps)
        {
            await followUps.PostPendingAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
