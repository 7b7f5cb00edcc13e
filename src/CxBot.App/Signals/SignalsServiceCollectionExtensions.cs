using CxBot.App.Contacts;

namespace CxBot.App.Signals;

/// <summary>Registers customer signals: the recorder every write goes through and the link to the platform's contacts.</summary>
public static class SignalsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddSignals(this IServiceCollection services)
    {
        services.AddOptions<SignalOptions>().BindConfiguration(SignalOptions.SectionName)
            .Validate(o => o.HasKnownTimeZone(), "Signals:TimeZone must be a time zone id this machine knows, IANA (Europe/Amsterdam) or Windows (W. Europe Standard Time); the default is UTC.")
            .ValidateOnStart();
        services.AddSingleton<SignalRecorder>();
        services.AddSingleton<IContactEndedObserver, SignalContactObserver>();
        return services;
    }
}
