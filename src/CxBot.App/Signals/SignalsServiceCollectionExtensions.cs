using CxBot.App.Contacts;
using CxBot.App.Routing;

namespace CxBot.App.Signals;

/// <summary>Registers customer signals: the recorder every write goes through, the link to the platform's contacts, the topic list and capture.</summary>
public static class SignalsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddSignals(this IServiceCollection services)
    {
        services.AddOptions<SignalOptions>().BindConfiguration(SignalOptions.SectionName)
            // One zone for the deployment: unset here means the reporting zone.
            .PostConfigure<IConfiguration>((o, configuration) => o.TimeZone = string.IsNullOrWhiteSpace(o.TimeZone)
                ? configuration[Insights.ReportingOptions.SectionName + ":" + nameof(Insights.ReportingOptions.TimeZone)] is { Length: > 0 } zone ? zone : "UTC"
                : o.TimeZone)
            .Validate(o => o.HasKnownTimeZone(), "Signals:TimeZone must be a time zone id this machine knows, IANA (Europe/Amsterdam) or Windows (W. Europe Standard Time); the default is UTC.")
            .ValidateOnStart();
        services.AddSingleton<SignalRecorder>();
        services.AddSingleton<IContactEndedObserver, SignalContactObserver>();
        services.AddSingleton<SignalTopics>();
        services.AddSingleton<SignalCaptureHandler>();
        services.AddSingleton<TopicCommandHandler>();
        services.AddRouteModule<SignalsModule>();
        return services;
    }
}
