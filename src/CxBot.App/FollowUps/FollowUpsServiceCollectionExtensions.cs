using CxBot.App.Channels;
using CxBot.App.Routing;

namespace CxBot.App.FollowUps;

/// <summary>Registers service-recovery follow-ups: their cards, Claim and Resolve, and the overdue pass.</summary>
public static class FollowUpsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.SectionName)
            .Validate(o => o.DueHours is >= 1 and <= 24 * 14, "FollowUps:DueHours must be between 1 and 336.")
            .Validate(o => o.OverdueCheckMinutes is > 0 and <= 24 * 60, "FollowUps:OverdueCheckMinutes must be above 0 and at most 1440.")
            .Validate(o => o.HasKnownTimeZone(), "FollowUps:TimeZone must be a time zone id this machine knows, IANA (Europe/Amsterdam) or Windows (W. Europe Standard Time); the default is UTC.")
            .ValidateOnStart();
        services.AddSingleton<FollowUpCardFactory>();
        services.AddSingleton<FollowUpService>();
        services.AddSingleton<IChannelDesignationObserver, PendingFollowUpsObserver>();
        services.AddSingleton<FollowUpActionHandler>();
        services.AddHostedService<OverdueFollowUpNotifier>();
        services.AddRouteModule<FollowUpsModule>();
        return services;
    }
}
