using CxBot.Domain.Channels;

namespace CxBot.App.Channels;

/// <summary>Told when a supervisor designates a channel, e.g. to post what was held for lack of one.</summary>
public interface IChannelDesignationObserver
{
    /// <summary>Called after the designation is stored.</summary>
    Task OnDesignatedAsync(ChannelDesignation designation, CancellationToken cancellationToken);
}
