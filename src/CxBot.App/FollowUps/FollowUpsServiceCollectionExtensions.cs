using CxBot.App.Messaging;
using CxBot.App.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxBot.App.FollowUps;

/// <summary>
/// Registers service-recovery follow-ups: their cards and the content the outbox builds from them, the card's verbs,
/// the reassign list, the overdue pass and the pass that counts the open ones. The outbox (<see cref="IProactiveMessages"/>) is registered by its own feature.
/// </summary>
public static class FollowUpsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.SectionName)
            .Validate(o => o.DueHours is >= 1 and <= 24 * 14, "FollowUps:DueHours must be between 1 and 336.")
            .Validate(o => o.OverdueCheckMinutes is > 0 and <= 24 * 60, "FollowUps:OverdueCheckMinutes must be above 0 and at most 1440.")
            .Validate(o => o.CountsRefreshSeconds is >= 5 and <= 3600, "FollowUps:CountsRefreshSeconds must be between 5 and 3600.")
            .Validate(o => o.HasKnownTimeZone(), "FollowUps:TimeZone must be a time zone id this machine knows, IANA (Europe/Amsterdam) or Windows (W. Europe Standard Time); the default is UTC.")
            .Validate(o => o.HasValidContactUrlTemplate(), "FollowUps:ContactUrlTemplate must be empty or an absolute https URL holding {contactId} exactly once, e.g. https://cc.example.com/contacts/{contactId}.")
            .ValidateOnStart();
        services.AddSingleton<FollowUpCardFactory>();
        services.TryAddSingleton<IFollowUpAssignees, DirectoryFollowUpAssignees>();
        services.AddSingleton<IProactiveContent, FollowUpCardContent>();
        services.AddSingleton<IProactiveContent, FollowUpOverdueContent>();
        services.AddSingleton<IProactiveContent, FollowUpAssignedContent>();
        services.AddSingleton<FollowUpService>();
        services.AddSingleton<FollowUpActionHandler>();
        services.AddHostedService<OverdueFollowUpNotifier>();
        services.AddSingleton<FollowUpComments>();
        services.AddHostedService<FollowUpCountsPass>();
        services.AddRouteModule<FollowUpsModule>();
        return services;
    }
}
