using CxBot.Domain.Channels;

namespace CxBot.App.Channels;

/// <summary>Tells every <see cref="IChannelDesignationObserver"/> of a designation that is (again) in use.</summary>
public sealed partial class DesignationObservers(IEnumerable<IChannelDesignationObserver> observers, ILogger<DesignationObservers> logger)
{
    /// <summary>Calls each observer; one observer's failure does not keep the others from their work (the designation
    /// itself is stored already).</summary>
    public async Task NotifyAsync(ChannelDesignation designation, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnDesignatedAsync(designation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(logger, ex, observer.GetType().Name, designation.Purpose);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Observer} failed on a new {Purpose} channel")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer, ChannelPurpose purpose);
}
