using CxBot.App.Routing;

namespace CxBot.App.Alerts;

/// <summary>Registers the channel designation commands.</summary>
public static class AlertsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddRouteModule<AlertsModule>();
        return services;
    }
}
