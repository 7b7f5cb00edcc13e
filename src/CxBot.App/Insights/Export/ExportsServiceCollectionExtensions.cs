using CxBot.App.Integrations;
using CxBot.App.Routing;
using CxBot.App.Signals;
using CxBot.Domain.Insights;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Export;

/// <summary>Registers exports: the CSV writer's sources, the signed download links and the <c>export</c> command.</summary>
public static class ExportsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddApiKeys();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>();

        // The reporting calendar belongs to the reporting store; until it registers one, the contact center's zone as
        // Reporting:TimeZone names it, else the signals' validated zone (TryAdd: the store's registration wins).
        services.TryAddSingleton(sp => new ReportingCalendar(
            sp.GetRequiredService<IConfiguration>()["Reporting:TimeZone"] is { Length: > 0 } zone
                ? TimeZoneInfo.FindSystemTimeZoneById(zone)
                : sp.GetRequiredService<IOptions<SignalOptions>>().Value.FindTimeZone()));

        // A factory: IResponseQueries is the reporting store's, registered by the storage layer.
        services.AddSingleton<IExportSource>(sp => ActivatorUtilities.CreateInstance<ResponseExportSource>(sp));
        services.AddSingleton<IExportSource, SignalExportSource>();
        services.AddSingleton<CsvExporter>();
        services.AddSingleton<ExportLinkKey>();
        services.AddSingleton<ExportLinks>();
        services.AddRouteModule<ExportModule>();
        return services;
    }
}
