using CxBot.App.Messaging;
using CxBot.App.Routing;
using CxBot.App.Signals.Alerts;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Signals.Lists;
using CxBot.App.Signals.Triangulation;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals;

/// <summary>Registers what happens to a signal after it is logged: the card's lifecycle moves and the reporter's news,
/// follow-ups from signals, the lists, the alerts in the signals channel and the customer's side on the card.</summary>
public static class SignalLifecycleServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddSignalLifecycle(this IServiceCollection services)
    {
        services.AddOptions<SignalLifecycleOptions>().BindConfiguration(SignalLifecycleOptions.SectionName)
            .Validate(o => o.UntriagedAfterHours is >= 1 and <= 24 * 30, "Signals:UntriagedAfterHours must be between 1 and 720.")
            .Validate(o => o.CheckMinutes is >= 1 and <= 24 * 60, "Signals:CheckMinutes must be between 1 and 1440.")
            .Validate(o => o.ListPageSize is >= 1 and <= 25, "Signals:ListPageSize must be between 1 and 25.")
            .Validate(o => o.Recurring.MinCount >= 1, "Signals:Recurring:MinCount must be at least 1.")
            .Validate(o => o.Recurring.WindowDays is >= 1 and <= 90, "Signals:Recurring:WindowDays must be between 1 and 90.")
            .Validate(o => o.Recurring.Factor >= 1, "Signals:Recurring:Factor must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<SignalSurveySide>();
        services.AddSingleton<SignalCardFactory>();
        services.AddSingleton<SignalNews>();
        services.AddSingleton<SignalFollowUps>();
        services.AddSingleton<SignalLifecycleHandler>();
        services.AddSingleton<RecurringProblemEvaluator>();
        services.AddSingleton<RecurringProblemCheck>();
        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<RecurringProblemCheck>());
        services.AddSingleton<ISignalChangeObserver, SignalAlertObserver>();
        services.AddSingleton<IProactiveContent, SignalNewsContent>();
        services.AddSingleton<IProactiveContent, HighSeverityContent>();
        services.AddSingleton<IProactiveContent, RecurringProblemContent>();
        services.AddSingleton<IProactiveContent, UntriagedListContent>();
        services.AddHostedService<SignalsDailyPass>();
        services.AddRouteModule<SignalLifecycleModule>();
        services.AddRouteModule<SignalListsModule>();
        return services;
    }
}
