using CxBot.App.Insights.Maintenance;
using CxBot.App.Insights.Rollup;
using CxBot.App.Routing;
using CxBot.Domain.Insights;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights;

/// <summary>Registers the reporting store's app side: the calendar, the roll-up, the reader and the admin commands.</summary>
public static class ReportingServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.SectionName)
            // One zone for the deployment: an older deployment that set only Signals:TimeZone keeps its days.
            .PostConfigure<IConfiguration>((o, configuration) => o.TimeZone = string.IsNullOrWhiteSpace(o.TimeZone)
                ? configuration[Signals.SignalOptions.SectionName + ":" + nameof(Signals.SignalOptions.TimeZone)] is { Length: > 0 } zone ? zone : "UTC"
                : o.TimeZone)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportingOptions>, ReportingOptionsValidator>();
        services.AddSingleton(sp => new ReportingCalendar(sp.GetRequiredService<IOptions<ReportingOptions>>().Value.FindTimeZone()));
        services.AddSingleton<DayRecount>();
        services.AddSingleton<ReportReader>();
        services.AddSingleton<ReportMaintenance>();
        services.AddRouteModule<ReportMaintenanceModule>();
        services.AddHostedService<ReportRollup>();
        return services;
    }
}
