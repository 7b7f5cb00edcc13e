using CxBot.App.Routing;

namespace CxBot.App.Channels;

/// <summary>Registers channels by purpose: the designation commands, the list, and the resolver.</summary>
public static class ChannelsServiceCollectionExtensions
{
    /// <summary>Adds the feature. Features that act on a new designation register an <see cref="IChannelDesignationObserver"/>.</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddSingleton<TenantRule>();
        services.AddSingleton<ChannelResolver>();
        services.AddSingleton<DesignationObservers>();
        services.AddRouteModule<ChannelsModule>();
        return services;
    }
}
