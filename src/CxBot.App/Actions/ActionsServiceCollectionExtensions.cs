using CxBot.App.Messaging;
using CxBot.App.Routing;

namespace CxBot.App.Actions;

/// <summary>Registers improvement actions: the command and card moves, the notices, the overdue and effect-check pass.</summary>
public static class ActionsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddImprovementActions(this IServiceCollection services)
    {
        services.AddOptions<ActionsOptions>().BindConfiguration(ActionsOptions.SectionName)
            .Validate(o => o.MeasureDays is >= 1 and <= 366, "Actions:MeasureDays must be between 1 and 366.")
            .Validate(o => o.SettlingDays is >= 0 and <= 366, "Actions:SettlingDays must be between 0 and 366.")
            .Validate(o => o.CheckMinutes is >= 1 and <= 24 * 60, "Actions:CheckMinutes must be between 1 and 1440.")
            .Validate(o => o.ListSize is >= 1 and <= 25, "Actions:ListSize must be between 1 and 25.")
            .ValidateOnStart();
        services.AddSingleton<ActionEffects>();
        services.AddSingleton<ActionSignals>();
        services.AddSingleton<ActionNews>();
        services.AddSingleton<ActionHandler>();
        services.AddSingleton<ActionPass>();
        services.AddSingleton<IProactiveContent, ActionNewsContent>();
        services.AddSingleton<IProactiveContent, ActionCardContent>();
        services.AddHostedService<ActionScheduler>();
        services.AddRouteModule<ActionsModule>();
        return services;
    }
}
